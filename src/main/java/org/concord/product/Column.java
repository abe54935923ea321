package org.concord.product;

import java.util.Optional;
import java.util.function.Function;

/**
 * One column of a product kind's table: its SQL name (its JSON field is the same name in camel case), its type, the
 * value a product has in it (empty: SQL NULL), and whether it travels to partners ({@code shared}; a node-local value
 * such as the id of this node's screening run does not).
 */
public record Column<T>(String name, ColumnType type, boolean shared, Function<T, Optional<?>> value) {

    public static <T> Column<T> of(String name, ColumnType type, Function<T, Optional<?>> value) {
        return new Column<>(name, type, true, value);
    }

    public static <T> Column<T> local(String name, ColumnType type, Function<T, Optional<?>> value) {
        return new Column<>(name, type, false, value);
    }

    /** {@code miss_m} → {@code missM}: the field of this column in JSON documents and federation bundles. */
    public String jsonName() {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }

    /** This product's value, checked against the column's type. */
    public Optional<?> valueOf(T product) {
        Optional<?> v = value.apply(product);
        v.ifPresent(x -> {
            if (!type.javaType().isInstance(x)) {
                throw new IllegalStateException("column " + name + " is " + type + " but the product gives a "
                        + x.getClass().getSimpleName());
            }
            if (x instanceof Double d && !Double.isFinite(d)) {
                throw new IllegalArgumentException("column " + name + " holds no number: " + d);
            }
        });
        return v;
    }
}
