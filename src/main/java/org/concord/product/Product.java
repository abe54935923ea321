package org.concord.product;

import java.util.List;
import java.util.Optional;

import org.concord.label.Label;

/**
 * A stored (or about to be stored: id 0) product: its key across nodes if it has one yet, its label, the stored items it
 * was computed from (none for a kind with its own label), and its value.
 */
public record Product<T>(long id, Optional<String> key, Label label, List<ProductInput> inputs, T value) {

    public Product {
        inputs = List.copyOf(inputs);
    }

    /** A product not yet stored. */
    public static <T> Product<T> of(T value, Label label, List<ProductInput> inputs) {
        return new Product<>(0, Optional.empty(), label, inputs, value);
    }

    public Product<T> withKey(String key) {
        return new Product<>(id, Optional.of(key), label, inputs, value);
    }
}
