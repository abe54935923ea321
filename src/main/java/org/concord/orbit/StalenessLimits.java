package org.concord.orbit;

import java.time.Duration;
import java.time.Instant;

import org.concord.catalog.OrbitRecord;

/**
 * How far from its element set's epoch a result may be computed before it is stale, per {@link OrbitRegime}. The
 * defaults and why they are what they are: docs/staleness.md.
 */
public record StalenessLimits(Duration leo, Duration meo, Duration geo, Duration heo) {

    public static final StalenessLimits DEFAULTS = new StalenessLimits(Duration.ofDays(3), Duration.ofDays(14),
            Duration.ofDays(30), Duration.ofDays(7));

    public StalenessLimits {
        for (Duration limit : new Duration[] {leo, meo, geo, heo}) {
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("a staleness limit must be positive, got " + limit);
            }
        }
    }

    public Duration limit(OrbitRegime regime) {
        return switch (regime) {
            case LEO -> leo;
            case MEO -> meo;
            case GEO -> geo;
            case HEO -> heo;
        };
    }

    /** The age of {@code record} over {@code [from, to]}: the largest over the span (see {@link ElementAge}). */
    public ElementAge assess(OrbitRecord record, Instant from, Instant to) {
        Duration age = record.coverage()
                .map(span -> max(Duration.between(from, span.start()), Duration.between(span.stop(), to)))
                .orElseGet(() -> max(Duration.between(from, record.epoch()), Duration.between(record.epoch(), to)));
        OrbitRegime regime = OrbitRegime.of(record.summary());
        return new ElementAge(record.epoch(), age.isNegative() ? Duration.ZERO : age, regime, limit(regime));
    }

    /** The age of {@code record} at one instant. */
    public ElementAge assess(OrbitRecord record, Instant at) {
        return assess(record, at, at);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
