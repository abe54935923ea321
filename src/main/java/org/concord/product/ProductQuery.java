package org.concord.product;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A list of one kind's products: the filter values given (by parameter, each of its filter's type), the order, the
 * page size and the cursor of the page to continue from.
 */
public record ProductQuery(Map<String, Object> filters, SortOrder sort, int limit, Optional<String> cursor) {

    /** The largest page: a screening answered with its conjunctions gives up to this many. */
    public static final int MAX_LIMIT = 10_000;

    public ProductQuery {
        filters = Map.copyOf(filters);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
        }
    }

    /** The first page of everything, in the kind's default order. */
    public static ProductQuery all(ProductKind<?> kind, int limit) {
        return new ProductQuery(Map.of(), kind.sorts().getFirst(), limit, Optional.empty());
    }

    public ProductQuery after(String cursor) {
        return new ProductQuery(filters, sort, limit, Optional.of(cursor));
    }

    /** The sort orders' names a kind accepts. */
    public static List<String> sortNames(ProductKind<?> kind) {
        return kind.sorts().stream().map(SortOrder::name).toList();
    }
}
