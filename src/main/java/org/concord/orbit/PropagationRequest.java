package org.concord.orbit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What to compute: samples from {@code from} every {@code step} up to {@code to}, and at {@code to} itself when it does
 * not fall on a step, in {@code frame}.
 */
public record PropagationRequest(Instant from, Instant to, Duration step, OutputFrame frame) {

    /** The most samples one request may ask for. */
    public static final int MAX_SAMPLES = 100_000;

    public PropagationRequest {
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be positive, got " + step);
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'to' " + to + " is before 'from' " + from);
        }
        long count = sampleCount(from, to, step);
        if (count > MAX_SAMPLES) {
            throw new IllegalArgumentException("from " + from + " to " + to + " every " + step + " makes " + count
                    + " samples; at most " + MAX_SAMPLES + " are allowed: use a larger step or a shorter span");
        }
    }

    public int sampleCount() {
        return (int) sampleCount(from, to, step);
    }

    /** The sample times, in order. */
    public List<Instant> times() {
        int count = sampleCount();
        List<Instant> times = new ArrayList<>(count);
        Instant t = from;
        for (long k = 0; k < count; k++) {
            t = from.plus(step.multipliedBy(k));
            if (t.isAfter(to)) {
                t = to;
            }
            times.add(t);
        }
        return times;
    }

    private static long sampleCount(Instant from, Instant to, Duration step) {
        Duration span = Duration.between(from, to);
        long whole = divide(span, step);
        if (whole > MAX_SAMPLES) {
            return whole;
        }
        boolean onGrid = step.multipliedBy(whole).equals(span);
        return whole + 1 + (onGrid ? 0 : 1);
    }

    private static long divide(Duration span, Duration step) {
        try {
            return span.dividedBy(step);
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE - 2;
        }
    }
}
