package org.concord.watch;

import java.time.Duration;

/**
 * How a node delivers notifications (docs/configuration.md): whether a webhook may be plain HTTP to a loopback
 * address ({@code watch.webhook.allow-loopback-http}, for tests and a receiver on the node's own host), how many
 * attempts a notification gets ({@code watch.delivery.attempts}) and the wait after the first failure
 * ({@code watch.delivery.first-retry}), doubled after each.
 */
public record WatchSettings(boolean allowLoopbackHttp, int attempts, Duration firstRetry) {

    public static final WatchSettings DEFAULTS = new WatchSettings(false, 8, Duration.ofSeconds(30));
    public static final int MAX_ATTEMPTS = 20;

    public WatchSettings {
        if (attempts < 1 || attempts > MAX_ATTEMPTS) {
            throw new IllegalArgumentException("watch.delivery.attempts must be 1 to " + MAX_ATTEMPTS + ", not "
                    + attempts);
        }
        if (firstRetry.isNegative() || firstRetry.isZero()) {
            throw new IllegalArgumentException("watch.delivery.first-retry must be positive, such as PT30S");
        }
    }

    /** The wait after failed attempt {@code attempt} (1 for the first): the first retry's, doubled each time. */
    public Duration backOff(int attempt) {
        return firstRetry.multipliedBy(1L << Math.min(attempt - 1, MAX_ATTEMPTS));
    }
}
