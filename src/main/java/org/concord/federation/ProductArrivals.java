package org.concord.federation;

import java.util.List;

import org.concord.product.Product;
import org.concord.product.ProductKind;

/**
 * What the node does with products as they arrive from a partner, beyond storing them, in the unit that stores them:
 * a deletion at the originator, sent as a product of its own, deletes this node's copy.
 */
@FunctionalInterface
public interface ProductArrivals {

    /**
     * {@code stored}: the products of {@code kind} a bundle from {@code peer} (its {@link Peer#ingester()}) just
     * stored.
     */
    void arrived(ProductKind<?> kind, List<? extends Product<?>> stored, String peer);
}
