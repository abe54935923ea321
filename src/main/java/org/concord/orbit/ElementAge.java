package org.concord.orbit;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * How far the times a result was computed for lie from the state its orbit record gives: for mean elements or a
 * state vector, from the epoch (either way: the error of an extrapolation grows backward as forward); for an
 * ephemeris, zero inside its span and the distance to the span outside it. Over a span of times, the largest.
 * {@code limit} is the configured limit of the record's {@code regime}; beyond it the result is stale.
 */
public record ElementAge(Instant epoch, Duration age, OrbitRegime regime, Duration limit) {

    public boolean stale() {
        return age.compareTo(limit) > 0;
    }

    /** In words, such as "element set 880.3 days from its epoch 2024-07-05T14:27:56Z (limit 3 days for LEO)". */
    public String describe() {
        return String.format(Locale.ROOT, "element set %s from its epoch %s (limit %s for %s)%s", days(age), epoch,
                days(limit), regime, stale() ? ": STALE, the result is not meaningful" : "");
    }

    /** A duration in days with one decimal, such as "880.3 days". */
    public static String days(Duration duration) {
        return String.format(Locale.ROOT, "%.1f days", duration.toSeconds() / 86400.0);
    }
}
