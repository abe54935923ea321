package org.concord.product;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.concord.label.Label;

/** A {@link Row} over values looked up by column name: a stored row, or the values a partner sent. */
public final class Rows {

    private Rows() {
    }

    /** The row with this id, label and inputs, whose column values {@code valueOf} gives (null: empty). */
    public static Row of(long id, Label label, Map<String, ProductInput> inputs, Function<String, Object> valueOf) {
        return new Row() {
            @Override
            public long id() {
                return id;
            }

            @Override
            public Label label() {
                return label;
            }

            @Override
            public Optional<ProductInput> input(String role) {
                return Optional.ofNullable(inputs.get(role));
            }

            @Override
            public <V> Optional<V> get(String column, Class<V> type) {
                return Optional.ofNullable(valueOf.apply(column)).map(type::cast);
            }
        };
    }
}
