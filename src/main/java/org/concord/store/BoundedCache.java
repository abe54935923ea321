package org.concord.store;

import java.util.Map;
import java.util.function.Supplier;

/** The stores' in-memory caches: bounded, because some keys are never asked again. */
final class BoundedCache {

    private BoundedCache() {
    }

    /** Entries kept at most per map, for keys that are never asked again (queries relative to the current time). */
    private static final int MAX_CACHED = 1000;

    /** The cached value, computed once however many requests ask for it at the same time. */
    static <K, V> V cached(Map<K, V> cache, K key, Supplier<V> compute) {
        V value = cache.get(key);
        if (value != null) {
            return value;
        }
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        return cache.computeIfAbsent(key, k -> compute.get());
    }
}
