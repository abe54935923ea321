package org.concord.product;

import java.util.List;
import java.util.Optional;

import org.concord.label.DataKind;

/**
 * What a kind of product declares so that the framework can store, read, filter, audit, recall and federate it: its
 * data kind (the word agreements, lanes and routes use), where its label comes from, its table and columns (the table
 * follows the template in {@code docs/products.md}), how a value is built from a stored row, its filters and sort
 * orders. Everything else (label columns, derivation links, the visibility rule, paging, the read audit, the feed) is
 * the framework's.
 *
 * @param <T> the value a product of this kind holds: an immutable record
 */
public interface ProductKind<T> {

    /** The kind of data agreements release it as, and under which its label is checked. */
    DataKind dataKind();

    /**
     * The kind's own name: its routes, its derivation links, its lane in the federation feed and its place in bundles.
     * By default its data kind's; two kinds released under one agreement kind (space-weather indices and alerts, both
     * {@code space-weather}) name themselves apart here.
     */
    default DataKind code() {
        return dataKind();
    }

    Labelling labelling();

    /** The SQL table, created by the kind's migration. */
    String table();

    /**
     * The column holding the key that names a product across nodes (unique with the label's originator); empty for a
     * product computed here until the feed names it from {@link #identity}.
     */
    default String keyColumn() {
        return "product_key";
    }

    /** The kind's own columns, beside the template's (id, key, label). */
    List<Column<T>> columns();

    /** The value stored in this row. */
    T read(Row row);

    /** The query parameters of the kind's list, beside {@code sort}, {@code limit} and {@code cursor}. */
    default List<Filter> filters() {
        return List.of();
    }

    /** The orders of the kind's list, the default first; their columns always hold a value. */
    List<SortOrder> sorts();

    /**
     * What distinguishes this product from others of its originator and inputs (for example a conjunction's objects
     * and TCA): with them, it makes the key of a product computed here.
     */
    String identity(T value);

    /**
     * The column that holds a value only in rows that are no product but a <em>withdrawal</em> of one (a cyber
     * object's deletion, docs/cyber.md): such rows are stored and travel in the feed like the products they withdraw,
     * but are never listed, counted or found by the kind's routes. Empty (every row is a product) by default. An
     * {@link Labelling#ISSUED issued} kind must declare one, of instants: the framework sets it, rather than delete the
     * row, when an input of the product is withdrawn, and sends the row again to the partners that hold it.
     */
    default Optional<String> withdrawalColumn() {
        return Optional.empty();
    }

    /** The path of the kind's routes under {@code /api/v1/}: its code. */
    default String path() {
        return code().code();
    }
}
