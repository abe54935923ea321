package org.concord.input;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.concord.product.Filter;
import org.concord.product.ProductKind;
import org.concord.product.ProductQuery;
import org.concord.product.SortOrder;

/**
 * A list of one product kind from its parameters ({@code GET /api/v1/<kind>}, {@code concord products <kind>}): the
 * kind's filters, {@code sort} (one of its orders), {@code limit} and {@code cursor} (the previous page's
 * {@code nextCursor}).
 */
public final class ProductSearch {

    public static final int DEFAULT_LIMIT = 100;

    private ProductSearch() {
    }

    /** The parameters a list of this kind accepts. */
    public static Set<String> parameters(ProductKind<?> kind) {
        Set<String> names = new TreeSet<>(List.of("sort", "limit", "cursor"));
        kind.filters().forEach(f -> names.add(f.parameter()));
        return names;
    }

    /** The list {@code p} asks for, its parameters among {@link #parameters}. */
    public static ProductQuery read(ProductKind<?> kind, Arguments p) {
        Map<String, Object> values = new HashMap<>();
        for (Filter f : kind.filters()) {
            value(f, p).ifPresent(v -> values.put(f.parameter(), v));
        }
        Map<String, SortOrder> sorts = new LinkedHashMap<>();
        kind.sorts().forEach(s -> sorts.put(s.name(), s));
        return new ProductQuery(values, p.choice("sort", sorts).orElse(kind.sorts().getFirst()),
                (int) p.whole("limit", 1, ProductQuery.MAX_LIMIT).orElse((long) DEFAULT_LIMIT).longValue(),
                p.text("cursor", 512));
    }

    private static Optional<?> value(Filter f, Arguments p) {
        String name = f.parameter();
        return switch (f.type()) {
            case WHOLE -> p.whole(name, (long) f.min(), f.max() >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) f.max());
            case DECIMAL -> p.decimal(name, f.min(), f.max());
            case INSTANT -> p.instant(name);
            case TEXT -> f.accepted().isEmpty() ? p.text(name, 256) : p.text(name, 256).map(v -> {
                String word = v.strip().toUpperCase(java.util.Locale.ROOT);
                if (!f.accepted().get().values().contains(word)) {
                    throw new IllegalArgumentException(p.shown(name) + ": '" + Texts.abbreviate(v.strip()) + "' is not "
                            + f.accepted().get().rule());
                }
                return word;
            });
            case BOOLEAN -> throw new IllegalStateException("filter " + name + " over a boolean");
        };
    }
}
