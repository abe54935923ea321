package org.concord.federation;

/** A bundle this node does not accept: nothing of it is kept, the reason is audited and shown in the peer status. */
public final class BundleRejectedException extends RuntimeException {

    public BundleRejectedException(String message) {
        super(message);
    }
}
