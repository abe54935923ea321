package org.concord.conjunction;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.label.Label;
import org.concord.product.Product;
import org.concord.product.ProductInput;

/**
 * Conjunctions just stored, as a read of them would give them back (ids, values as the columns keep them, inputs as
 * linked), with the label of every input they name and when they were computed (a screening run's start as stored):
 * what a screening hands the events builder so that it reads nothing back (docs/events.md, "How a pass works").
 * {@code conjunctions} are in id order.
 */
public record StoredConjunctions(List<Product<Conjunction>> conjunctions, Optional<Instant> computedAt,
                                 Map<ProductInput, Label> inputLabels) {

    public StoredConjunctions {
        conjunctions = List.copyOf(conjunctions);
        inputLabels = Map.copyOf(inputLabels);
        for (int i = 1; i < conjunctions.size(); i++) {
            if (conjunctions.get(i).id() <= conjunctions.get(i - 1).id()) {
                throw new IllegalArgumentException("stored conjunctions are handed over in id order; "
                        + conjunctions.get(i).id() + " follows " + conjunctions.get(i - 1).id());
            }
        }
    }

    /** None: a run whose conjunctions make no events hands over this. */
    public static StoredConjunctions none() {
        return new StoredConjunctions(List.of(), Optional.empty(), Map.of());
    }
}
