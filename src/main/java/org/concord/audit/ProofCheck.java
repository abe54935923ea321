package org.concord.audit;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.concord.identity.NodeIdentity;

/**
 * What a partner checks offline, with only the node's public key: a checkpoint's signature, and an inclusion or
 * consistency proof against a signed checkpoint. Each check returns the failures, none when it holds.
 */
public final class ProofCheck {

    private ProofCheck() {
    }

    public static List<String> checkpoint(PublicKey key, Checkpoint checkpoint) {
        List<String> failures = new ArrayList<>();
        if (!checkpoint.keyFingerprint().equals(NodeIdentity.fingerprint(key))) {
            failures.add("the checkpoint names key " + checkpoint.keyFingerprint() + ", the key given is "
                    + NodeIdentity.fingerprint(key));
        }
        if (!checkpoint.signedBy(key)) {
            failures.add("the checkpoint's signature is not the key's signature of its tree size, root and time");
        }
        return failures;
    }

    /** That {@code entry} (its exact bytes) is leaf {@code claim.index()} of the signed tree. */
    public static List<String> inclusion(PublicKey key, Checkpoint checkpoint, AuditJson.InclusionClaim claim,
                                         byte[] entry) {
        List<String> failures = checkpoint(key, checkpoint);
        if (claim.treeSize() != checkpoint.treeSize()) {
            failures.add("the proof is for tree size " + claim.treeSize() + ", the checkpoint for "
                    + checkpoint.treeSize());
        } else if (!MerkleTree.verifyInclusion(claim.index(), claim.treeSize(), MerkleTree.leafHash(entry),
                claim.auditPath(), checkpoint.rootHashBytes())) {
            failures.add("the audit path does not lead from the entry at index " + claim.index()
                    + " to the signed root " + checkpoint.rootHash());
        }
        return failures;
    }

    /**
     * That the tree of {@code claim.toSize()} in the signed checkpoint extends the tree of {@code claim.fromSize()};
     * with {@code older}, also that the old root is the one signed in it.
     */
    public static List<String> consistency(PublicKey key, Checkpoint checkpoint, Optional<Checkpoint> older,
                                           AuditJson.ConsistencyClaim claim) {
        List<String> failures = checkpoint(key, checkpoint);
        HexFormat hex = HexFormat.of();
        if (claim.toSize() != checkpoint.treeSize() || !Arrays.equals(claim.toRoot(), checkpoint.rootHashBytes())) {
            failures.add("the proof leads to tree size " + claim.toSize() + " root " + hex.formatHex(claim.toRoot())
                    + ", the checkpoint signs size " + checkpoint.treeSize() + " root " + checkpoint.rootHash());
        }
        older.ifPresent(old -> {
            checkpoint(key, old).forEach(f -> failures.add("older checkpoint: " + f));
            if (claim.fromSize() != old.treeSize() || !Arrays.equals(claim.fromRoot(), old.rootHashBytes())) {
                failures.add("the proof starts at tree size " + claim.fromSize() + " root "
                        + hex.formatHex(claim.fromRoot()) + ", the older checkpoint signs size " + old.treeSize()
                        + " root " + old.rootHash());
            }
        });
        if (!MerkleTree.verifyConsistency(claim.fromSize(), claim.toSize(), claim.fromRoot(), claim.toRoot(),
                claim.proof())) {
            failures.add("the proof does not show tree " + claim.toSize() + " extends tree " + claim.fromSize());
        }
        return failures;
    }
}
