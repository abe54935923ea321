package org.concord.federation;

/** An encoded bundle exactly as signed, and the sender's Ed25519 signature of those bytes. */
public record SignedBundle(byte[] payload, byte[] signature) {

    public SignedBundle {
        payload = payload.clone();
        signature = signature.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}
