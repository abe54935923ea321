package org.concord.cyber;

import java.util.List;
import java.util.Optional;

import org.concord.product.Product;

/** One page of object versions, in the order they were added, and where the next page starts when there is more. */
public record TaxiiPage(List<Product<StixObject>> items, Optional<String> next) {

    public TaxiiPage {
        items = List.copyOf(items);
    }

    public boolean more() {
        return next.isPresent();
    }
}
