package org.concord.audit;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * What {@code AuditLog.verify()} found.
 *
 * @param entries          stored entries read
 * @param checkpoints      stored checkpoints checked
 * @param uncoveredEntries entries after the largest checkpoint: intact as far as their hashes go, but not yet vouched
 *                         for by a signature
 */
public record AuditVerification(long entries, long checkpoints, long uncoveredEntries, List<Problem> problems) {

    public AuditVerification {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }

    /**
     * The first entry found bad; when no entry is bad by itself (a forged entry with a matching hash, a removed last
     * entry, a bad checkpoint), the first index no good checkpoint vouches for.
     */
    public OptionalLong firstBadIndex() {
        OptionalLong entry = problems.stream().filter(p -> p.kind().aboutAnEntry()).mapToLong(Problem::index).min();
        return entry.isPresent() ? entry : problems.stream().mapToLong(Problem::index).min();
    }

    public enum Kind {
        /** The entry text does not hash to the stored leaf hash. */
        ENTRY_HASH_MISMATCH,
        /** The entry text is not a canonical Concord audit entry. */
        ENTRY_UNREADABLE,
        /** The stored columns (time, actor, ...) differ from the entry text. */
        ENTRY_FIELDS_MISMATCH,
        /** The entry names another sequence number than the place it is stored at. */
        ENTRY_OUT_OF_PLACE,
        /** Sequence numbers are missing. */
        SEQUENCE_GAP,
        /** The stored log's root at a checkpoint's size differs from the signed root. */
        CHECKPOINT_ROOT_MISMATCH,
        /** A checkpoint vouches for more entries than are stored. */
        CHECKPOINT_BEYOND_LOG,
        /** The checkpoint's signature is not the node key's. */
        CHECKPOINT_BAD_SIGNATURE,
        /** The checkpoint names another key than the node's. */
        CHECKPOINT_OTHER_KEY;

        boolean aboutAnEntry() {
            return !name().startsWith("CHECKPOINT_");
        }
    }

    /**
     * @param index the log index concerned: the entry's; for a root or size problem, the first index no good
     *              checkpoint vouches for; for a signature problem 0, since nothing that checkpoint vouches for counts
     */
    public record Problem(Kind kind, long index, String message) {
    }

    static List<Problem> sorted(List<Problem> problems) {
        return problems.stream().sorted(Comparator.comparingLong(Problem::index)).toList();
    }
}
