package org.concord.federation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.concord.identity.NodeIdentity;

/**
 * How one node proves to another who is asking: it signs the method, path and query, the time and the fingerprint
 * of the node it asks, and sends the signature with its own fingerprint and the time in the headers
 * {@value #NODE_HEADER}, {@value #TIME_HEADER} and {@value #SIGNATURE_HEADER}. The asked node takes the request as
 * the peer's only when the fingerprint is a registered peer's, the signature verifies with that pinned key, the
 * request names it, and the time is within {@link #MAX_CLOCK_DIFFERENCE} of its own clock.
 */
public record NodeRequest(String method, String pathAndQuery, String senderNode, String recipientNode, Instant time) {

    public static final String NODE_HEADER = "Concord-Node";
    public static final String TIME_HEADER = "Concord-Time";
    public static final String SIGNATURE_HEADER = "Concord-Request-Signature";
    /** The header carrying a bundle's signature (base64) next to the bundle in the body. */
    public static final String BUNDLE_SIGNATURE_HEADER = "Concord-Bundle-Signature";
    public static final Duration MAX_CLOCK_DIFFERENCE = Duration.ofMinutes(5);

    byte[] message() {
        return ("concord-request/1\n" + method + "\n" + pathAndQuery + "\n" + senderNode + "\n" + recipientNode + "\n"
                + time).getBytes(StandardCharsets.UTF_8);
    }

    public String sign(NodeIdentity identity) {
        return Base64.getEncoder().encodeToString(identity.sign(message()));
    }

    /** Whether {@code signature} (base64) is {@code peer}'s signature of this request. */
    public boolean verifiedBy(Peer peer, String signature) {
        try {
            return NodeIdentity.verify(peer.publicKey(), message(), Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
