package org.concord.screening;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to screen: the window {@code [start, start + window]}, the miss-distance threshold, and optionally the primary
 * objects (one-vs-all: only pairs with at least one primary are screened; empty for all-vs-all). {@code stepSeconds}
 * is the broad phase's sampling step (see {@link Screener} for why no approach is missed whatever its value);
 * {@code threads} the number of worker threads.
 */
public record ScreeningParameters(Instant start, Duration window, double thresholdMeters,
                                  Optional<Set<Long>> primaries, double stepSeconds, int threads) {

    public static final double DEFAULT_STEP_SECONDS = 60.0;

    public ScreeningParameters {
        Objects.requireNonNull(start);
        Objects.requireNonNull(window);
        Objects.requireNonNull(primaries);
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        if (!(thresholdMeters > 0)) {
            throw new IllegalArgumentException("threshold must be positive");
        }
        if (!(stepSeconds > 0)) {
            throw new IllegalArgumentException("step must be positive");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    /** All-vs-all with the default step, on every available core. */
    public static ScreeningParameters allVsAll(Instant start, Duration window, double thresholdMeters) {
        return new ScreeningParameters(start, window, thresholdMeters, Optional.empty(), DEFAULT_STEP_SECONDS,
                Runtime.getRuntime().availableProcessors());
    }

    /** One-vs-all (or few-vs-all) against {@code primaries}. */
    public static ScreeningParameters oneVsAll(Instant start, Duration window, double thresholdMeters,
                                               Set<Long> primaries) {
        return new ScreeningParameters(start, window, thresholdMeters, Optional.of(Set.copyOf(primaries)),
                DEFAULT_STEP_SECONDS, Runtime.getRuntime().availableProcessors());
    }

    public ScreeningParameters withStep(double seconds) {
        return new ScreeningParameters(start, window, thresholdMeters, primaries, seconds, threads);
    }

    public ScreeningParameters withThreads(int count) {
        return new ScreeningParameters(start, window, thresholdMeters, primaries, stepSeconds, count);
    }
}
