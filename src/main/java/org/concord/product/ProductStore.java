package org.concord.product;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.catalog.Page;
import org.concord.label.Label;
import org.concord.label.LabelFilter;

/**
 * Persistence of every product kind, implemented once in {@code store}: label columns, derivation links, the
 * visibility rule and paging are the same for every kind.
 */
public interface ProductStore {

    /**
     * Stores the products (in one transaction, with their derivation links): each gets its id. A product whose key is
     * already stored for its originator is left out (the same product again): only the new ones are returned.
     *
     * @throws IllegalArgumentException when the database cannot keep a value as given (nothing is stored then)
     */
    <T> List<Product<T>> store(ProductKind<T> kind, List<Product<T>> products);

    /**
     * Replaces the values, labels and inputs of these stored products (each by its id; in one transaction, with their
     * derivation links): derived products that gained inputs (a conjunction event's new update). Ids and keys stay.
     *
     * @throws IllegalArgumentException when a product is not stored, an input is not, or the database cannot keep a
     *                                  value as given (nothing is changed then)
     */
    <T> List<Product<T>> restate(ProductKind<T> kind, List<Product<T>> products);

    /** The product, if it exists and {@code filter} admits it and every input. */
    <T> Optional<Product<T>> find(ProductKind<T> kind, long id, LabelFilter filter);

    /** The products {@code filter} admits with every input: items, total and cursor exclude the rest. */
    <T> Page<Product<T>> list(ProductKind<T> kind, ProductQuery query, LabelFilter filter);

    /** Every page of a list: the products {@code filter} admits with every input, in the query's order. */
    default <T> List<Product<T>> listAll(ProductKind<T> kind, ProductQuery query, LabelFilter filter) {
        List<Product<T>> all = new java.util.ArrayList<>();
        ProductQuery page = query;
        while (true) {
            Page<Product<T>> found = list(kind, page, filter);
            all.addAll(found.items());
            if (found.nextCursor().isEmpty()) {
                return all;
            }
            page = page.after(found.nextCursor().get());
        }
    }

    /** The id of the product of this kind stored under this key by this originator (not filtered: node-internal). */
    Optional<Long> idOf(ProductKind<?> kind, String key, String originator);

    /** The labels of these stored inputs (those that exist). */
    Map<ProductInput, Label> labelsOf(List<ProductInput> inputs);
}
