package org.concord.http;

import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: {@code burst} requests at once, refilled at {@code perMinute} a minute. An empty bucket
 * refuses with the seconds until the next token; nothing ever locks a client out for longer than that.
 */
final class RateLimiter {

    private static final int MAX_CLIENTS = 100_000;

    private final double tokensPerNano;
    private final int burst;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updatedNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedNanos = now;
        }
    }

    RateLimiter(int perMinute, int burst, LongSupplier nanoClock) {
        this.tokensPerNano = perMinute / 60e9;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    /** Takes a token for this client: empty when allowed, else the whole seconds to wait (at least 1). */
    OptionalLong acquire(String client) {
        long now = nanoClock.getAsLong();
        if (buckets.size() > MAX_CLIENTS) {
            // Full buckets carry no state worth keeping: forgetting them changes nothing for their clients.
            buckets.values().removeIf(b -> refill(b, now) >= burst);
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
        synchronized (bucket) {
            double tokens = refill(bucket, now);
            if (tokens >= 1) {
                bucket.tokens = tokens - 1;
                bucket.updatedNanos = now;
                return OptionalLong.empty();
            }
            bucket.tokens = tokens;
            bucket.updatedNanos = now;
            return OptionalLong.of(Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano / 1e9)));
        }
    }

    private double refill(Bucket b, long now) {
        return Math.min(burst, b.tokens + (now - b.updatedNanos) * tokensPerNano);
    }
}
