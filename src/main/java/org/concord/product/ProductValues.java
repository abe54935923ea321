package org.concord.product;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.concord.label.Label;

/**
 * A product's shared columns as JSON scalars by their JSON names (the form it travels in to partners), and back. Values
 * of columns this version of the kind does not have are ignored; a missing value is empty (and a kind that needs it
 * refuses the product when it reads it).
 */
public final class ProductValues {

    private ProductValues() {
    }

    /** The shared columns' values: text, whole and decimal numbers, booleans, instants as ISO-8601 text. */
    public static <T> Map<String, Object> of(ProductKind<T> kind, T value) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Column<T> c : kind.columns()) {
            if (c.shared()) {
                c.valueOf(value).ifPresent(v -> values.put(c.jsonName(), v instanceof Instant i ? i.toString() : v));
            }
        }
        return values;
    }

    /**
     * The value these shared columns describe, with this label and these inputs (named by role).
     *
     * @throws IllegalArgumentException naming the field, when a value is not of its column's type or the kind cannot
     *                                  build a product from them
     */
    public static <T> T read(ProductKind<T> kind, Map<String, Object> values, Label label,
                             Map<String, ProductInput> inputs) {
        Map<String, Object> byColumn = new LinkedHashMap<>();
        for (Column<T> c : kind.columns()) {
            Object v = values.get(c.jsonName());
            if (v != null && c.shared()) {
                byColumn.put(c.name(), typed(c, v));
            }
        }
        Row row = new Row() {
            @Override
            public long id() {
                return 0;
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
                return Optional.ofNullable(byColumn.get(column)).map(type::cast);
            }
        };
        try {
            return kind.read(row);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a " + kind.dataKind() + " product: " + e.getMessage(), e);
        }
    }

    private static Object typed(Column<?> c, Object v) {
        try {
            return switch (c.type()) {
                case TEXT -> (String) v;
                case WHOLE -> {
                    if (!(v instanceof Long || v instanceof Integer)) {
                        throw new ClassCastException();
                    }
                    yield ((Number) v).longValue();
                }
                case DECIMAL -> ((Number) v).doubleValue();
                case BOOLEAN -> (Boolean) v;
                case INSTANT -> Instant.parse((String) v);
            };
        } catch (ClassCastException | DateTimeParseException e) {
            throw new IllegalArgumentException(c.jsonName() + ": '" + v + "' is not " + switch (c.type()) {
                case TEXT -> "text";
                case WHOLE -> "a whole number";
                case DECIMAL -> "a number";
                case BOOLEAN -> "true or false";
                case INSTANT -> "an ISO-8601 instant";
            });
        }
    }
}
