package org.concord.federation;

import java.util.List;

import org.concord.label.Label;
import org.concord.product.Product;
import org.concord.product.ProductKind;

/**
 * What the node does with products as they arrive from a partner, beyond storing them, in the unit that stores them:
 * whether it takes each (a deletion sent by a node that may not delete the copy is refused) and, once stored, a
 * deletion at the originator, sent as a product of its own, deletes this node's copy.
 */
public interface ProductArrivals {

    /**
     * A product of {@code kind} with this label that {@code peer} just sent, before it is stored: the value to store.
     *
     * @throws IllegalArgumentException why this node does not take it (the bundle's other products are stored)
     */
    <T> T arriving(ProductKind<T> kind, T value, Label label, Peer peer);

    /** {@code stored}: the products of {@code kind} a bundle from {@code peer} just stored. */
    void arrived(ProductKind<?> kind, List<? extends Product<?>> stored, Peer peer);
}
