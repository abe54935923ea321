package org.concord.product;

import java.util.Optional;

import org.concord.label.Label;

/**
 * A stored product's row as read back: the template's id and label, its inputs by role, and the kind's columns by SQL
 * name.
 */
public interface Row {

    long id();

    Label label();

    /** The input of this role, if the product names one (and it is still stored). */
    java.util.Optional<ProductInput> input(String role);

    /** The value of this column, empty when NULL; its type is the column's. */
    <V> Optional<V> get(String column, Class<V> type);

    default <V> V required(String column, Class<V> type) {
        return get(column, type).orElseThrow(() -> new IllegalStateException("column " + column + " is empty"));
    }
}
