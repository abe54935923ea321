package org.concord.audit;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Where the audit log's entries and checkpoints are kept. */
public interface AuditStore {

    /**
     * Stores entries numbered consecutively from {@link #nextSequence()}, all in one transaction. Returns false and
     * stores nothing when a sequence number is already taken (another process appended meanwhile).
     */
    boolean append(List<AuditEntry> entries);

    /**
     * Runs {@code work} in one transaction of the data stores and this one: the changes it makes and the entries it
     * appends on this thread are all committed, or none is.
     */
    <T> T inOneTransaction(Supplier<T> work);

    /** One past the highest stored sequence number; 0 for an empty log. */
    long nextSequence();

    /** The stored leaf hashes (lowercase hex) of sequence numbers {@code from} (inclusive) to {@code to}. */
    List<String> leafHashes(long from, long to);

    /** Up to {@code limit} stored entries with sequence numbers from {@code from} on, in order. */
    List<AuditEntry> entries(long from, int limit);

    /** Up to {@code limit} stored entries from {@code from} on, in order, as found (for verification). */
    List<StoredEntry> storedEntries(long from, int limit);

    Optional<AuditEntry> entry(long sequence);

    /**
     * Up to {@code limit} entries after sequence number {@code after} (-1 for all) that concern {@code party}: it
     * originated data among them, or it acted.
     */
    List<AuditEntry> entriesConcerning(String party, long after, int limit);

    /** Stores a checkpoint; false when one of that tree size is stored already (it stays). */
    boolean storeCheckpoint(Checkpoint checkpoint);

    Optional<Checkpoint> checkpoint(long treeSize);

    Optional<Checkpoint> latestCheckpoint();

    /** Every checkpoint, by tree size. */
    List<Checkpoint> checkpoints();
}
