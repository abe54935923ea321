package org.concord.product;

import java.util.List;

/**
 * A named order of a kind's list ({@code sort=tca}); the product id breaks ties last, so that cursor paging is stable.
 * Empty values sort last.
 */
public record SortOrder(String name, List<Key> keys) {

    public record Key(String column, boolean descending) {
    }

    public SortOrder {
        keys = List.copyOf(keys);
    }

    public static SortOrder ascending(String name, String column) {
        return new SortOrder(name, List.of(new Key(column, false)));
    }

    public static SortOrder descending(String name, String column) {
        return new SortOrder(name, List.of(new Key(column, true)));
    }
}
