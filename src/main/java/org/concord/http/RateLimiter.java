package org.concord.http;

import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: {@code burst} tokens at once, refilled at {@code perMinute} a minute. A request takes a
 * token to start; what it turned out to cost is charged when it is answered, and may take the bucket below zero, so
 * that a client asking for much waits longer before its next request. An empty bucket refuses with the seconds until
 * it holds a token again; nothing ever locks a client out for longer than that.
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
        return take(client, 1);
    }

    /** Whether this client holds a token now (empty) or the seconds to wait, taking nothing. */
    OptionalLong check(String client) {
        return take(client, 0);
    }

    /** Charges what a request cost beyond the token it took to start; the bucket may go below zero. */
    void charge(String client, double tokens) {
        long now = nanoClock.getAsLong();
        Bucket bucket = bucket(client, now);
        synchronized (bucket) {
            bucket.tokens = refill(bucket, now) - tokens;
            bucket.updatedNanos = now;
        }
    }

    private OptionalLong take(String client, int tokens) {
        long now = nanoClock.getAsLong();
        Bucket bucket = bucket(client, now);
        synchronized (bucket) {
            double held = refill(bucket, now);
            bucket.updatedNanos = now;
            if (held >= 1) {
                bucket.tokens = held - tokens;
                return OptionalLong.empty();
            }
            bucket.tokens = held;
            return OptionalLong.of(Math.max(1, (long) Math.ceil((1 - held) / tokensPerNano / 1e9)));
        }
    }

    private Bucket bucket(String client, long now) {
        if (buckets.size() > MAX_CLIENTS) {
            // Full buckets carry no state worth keeping: forgetting them changes nothing for their clients.
            buckets.values().removeIf(b -> refill(b, now) >= burst);
        }
        return buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
    }

    private double refill(Bucket b, long now) {
        return Math.min(burst, b.tokens + (now - b.updatedNanos) * tokensPerNano);
    }
}
