package org.concord.catalog;

import java.util.List;
import java.util.Optional;

/** One page of a result: its items, the total that matched, and the cursor of the next page if there is one. */
public record Page<T>(List<T> items, long total, Optional<String> nextCursor) {

    public Page {
        items = List.copyOf(items);
    }
}
