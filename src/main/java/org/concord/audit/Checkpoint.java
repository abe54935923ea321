package org.concord.audit;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;

import org.concord.identity.NodeIdentity;

/**
 * A signed tree head: the node vouches that its log had {@code treeSize} entries with root {@code rootHash} at
 * {@code signedAt}. The signature is Ed25519 over the UTF-8 bytes of {@link #signedText()}.
 *
 * @param rootHash       lowercase hex
 * @param signature      base64 (64 bytes)
 * @param keyFingerprint SHA-256 of the signing public key (SubjectPublicKeyInfo), lowercase hex
 */
public record Checkpoint(long treeSize, String rootHash, Instant signedAt, String signature, String keyFingerprint) {

    static final String HEADER = "concord-audit-checkpoint/v1";

    public static Checkpoint sign(long treeSize, byte[] rootHash, Instant signedAt, NodeIdentity identity) {
        String root = HexFormat.of().formatHex(rootHash);
        signedAt = signedAt.truncatedTo(ChronoUnit.MICROS); // what the database keeps, so the signed text survives it
        byte[] signature = identity.sign(signedText(treeSize, root, signedAt).getBytes(StandardCharsets.UTF_8));
        return new Checkpoint(treeSize, root, signedAt, Base64.getEncoder().encodeToString(signature),
                identity.fingerprint());
    }

    /** The signed message: four lines, each ending in a line feed. */
    public String signedText() {
        return signedText(treeSize, rootHash, signedAt);
    }

    private static String signedText(long treeSize, String rootHash, Instant signedAt) {
        return HEADER + "\n" + treeSize + "\n" + rootHash + "\n" + signedAt + "\n";
    }

    public byte[] rootHashBytes() {
        return HexFormat.of().parseHex(rootHash);
    }

    /** Whether {@code key} made the signature. */
    public boolean signedBy(PublicKey key) {
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return NodeIdentity.verify(key, signedText().getBytes(StandardCharsets.UTF_8), signatureBytes);
    }
}
