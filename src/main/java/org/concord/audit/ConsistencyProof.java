package org.concord.audit;

import java.util.List;
import java.util.Optional;

/**
 * That the tree of the first {@code fromSize} entries is a prefix of the tree of the first {@code toSize}.
 *
 * @param proof hashes of RFC 9162 PROOF, lowercase hex
 */
public record ConsistencyProof(long fromSize, long toSize, String fromRoot, String toRoot, List<String> proof,
                               Optional<Checkpoint> fromCheckpoint, Optional<Checkpoint> toCheckpoint) {

    public ConsistencyProof {
        proof = List.copyOf(proof);
    }
}
