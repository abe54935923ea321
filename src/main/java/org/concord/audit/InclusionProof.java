package org.concord.audit;

import java.util.List;
import java.util.Optional;

/**
 * That {@code entry} is leaf {@code entry.sequence()} of the tree of the first {@code treeSize} entries.
 *
 * @param auditPath  RFC 9162 PATH, lowercase hex, nearest the leaf first
 * @param rootHash   the root of that tree, lowercase hex
 * @param checkpoint the signed checkpoint of exactly that tree size, when the node signed one
 */
public record InclusionProof(AuditEntry entry, long treeSize, List<String> auditPath, String rootHash,
                             Optional<Checkpoint> checkpoint) {

    public InclusionProof {
        auditPath = List.copyOf(auditPath);
    }
}
