package org.concord.federation;

import java.net.URI;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Optional;

import org.concord.identity.NodeIdentity;

/**
 * A partner node: its party, its Ed25519 public key (pinned: only bundles and requests signed by this key are taken
 * as this peer's), the key's fingerprint, and the endpoint its feed is pulled from.
 */
public record Peer(long id, String party, String fingerprint, String publicKeyPem, URI endpoint, Instant addedAt,
                   String addedBy, Optional<Instant> removedAt) {

    public PublicKey publicKey() {
        return NodeIdentity.parsePublicKeyPem(publicKeyPem);
    }

    public boolean isActive() {
        return removedAt.isEmpty();
    }

    /** How records received from this peer name their ingester (their provenance). */
    public String ingester() {
        return "peer " + party + " " + fingerprint;
    }
}
