package org.concord.reentry;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Predictions against the true decay days: per horizon band of the true remaining lifetime, the median error of the
 * nominal epoch as a share of the remaining lifetime and the share of true decay days the window overlaps.
 */
final class Calibration {

    enum Band {
        UNDER_7_DAYS("< 7 d", 0, 7), FROM_7_TO_30_DAYS("7-30 d", 7, 30), FROM_30_TO_120_DAYS("30-120 d", 30, 120),
        OVER_120_DAYS("> 120 d", 120, Integer.MAX_VALUE);

        final String title;
        final long fromDays;
        final long toDays;

        Band(String title, long fromDays, long toDays) {
            this.title = title;
            this.fromDays = fromDays;
            this.toDays = toDays;
        }

        static Band of(Duration lifetime) {
            for (Band band : values()) {
                if (lifetime.compareTo(Duration.ofDays(band.toDays)) < 0) {
                    return band;
                }
            }
            return OVER_120_DAYS;
        }
    }

    /** One prediction beside its case. */
    record Result(DecayCases.Case decay, ReentryPrediction prediction) {

        /** Decayed after its element set's day: a true lifetime to measure against. */
        boolean measurable() {
            return decay.trueLifetime().isPresent();
        }

        boolean nearCircular() {
            return decay.elements().getE() < NEAR_CIRCULAR_ECCENTRICITY;
        }

        boolean uncontrolled() {
            return prediction.reentryClass() == ReentryClass.UNCONTROLLED;
        }

        /** |nominal - true| / true remaining lifetime, when both exist. */
        Optional<Double> relativeError() {
            return signedError().map(Math::abs);
        }

        /** (nominal - true) / true remaining lifetime, when both exist: negative when predicted early. */
        Optional<Double> signedError() {
            return prediction.nominal().flatMap(n -> decay.trueEpoch().flatMap(t -> decay.trueLifetime().map(l ->
                    Duration.between(t, n).toSeconds() / (double) l.toSeconds())));
        }

        /** Whether the window overlaps the true decay day (empty without a window). */
        Optional<Boolean> contained() {
            LocalDate day = decay.decayDay().orElseThrow();
            return prediction.window().map(w -> w.overlaps(day.atStartOfDay().toInstant(ZoneOffset.UTC),
                    day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%6d %-28s e=%.4f %-16s %-14s true=%s life=%.2fd nominal=%s window=%s err=%s in=%s",
                    decay.noradId(), decay.name(), decay.elements().getE(), prediction.reentryClass(),
                    prediction.outcome(), decay.decayDay().map(Object::toString).orElse("-"),
                    decay.trueLifetime().map(l -> l.toSeconds() / 86_400.0).orElse(Double.NaN),
                    prediction.nominal().map(Object::toString).orElse("-"),
                    prediction.window().map(w -> w.opens() + ".." + w.closes()).orElse("-"),
                    signedError().map(e -> String.format(Locale.ROOT, "%+.2f", e)).orElse("-"),
                    measurable() ? contained().map(Object::toString).orElse("-") : "-")
                    + (prediction.outcome() == ReentryOutcome.NONE ? " | " + prediction.statement() : "");
        }
    }

    static final double NEAR_CIRCULAR_ECCENTRICITY = 0.02;

    /** Per band: the measurable results that pass {@code filter}. */
    static Map<Band, List<Result>> byBand(List<Result> results, Predicate<Result> filter) {
        Map<Band, List<Result>> bands = new EnumMap<>(Band.class);
        for (Band band : Band.values()) {
            bands.put(band, new ArrayList<>());
        }
        results.stream().filter(Result::measurable).filter(filter)
                .forEach(r -> bands.get(Band.of(r.decay().trueLifetime().orElseThrow())).add(r));
        return bands;
    }

    static double containment(List<Result> results) {
        List<Boolean> inside = results.stream().map(Result::contained).flatMap(Optional::stream).toList();
        return inside.isEmpty() ? Double.NaN : inside.stream().filter(b -> b).count() / (double) inside.size();
    }

    static double medianError(List<Result> results) {
        List<Double> errors = results.stream().map(Result::relativeError).flatMap(Optional::stream).sorted().toList();
        if (errors.isEmpty()) {
            return Double.NaN;
        }
        int n = errors.size();
        return n % 2 == 1 ? errors.get(n / 2) : (errors.get(n / 2 - 1) + errors.get(n / 2)) / 2;
    }

    static String table(List<Result> results) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "outcomes: %s%n", outcomes(results)));
        section(out, "uncontrolled, near-circular (e < " + NEAR_CIRCULAR_ECCENTRICITY + ")", results,
                r -> r.uncontrolled() && r.nearCircular());
        section(out, "uncontrolled, all (apogee under 2,000 km)", results, Result::uncontrolled);
        section(out, "every measurable object", results, r -> true);
        return out.toString();
    }

    private static Map<ReentryOutcome, Long> outcomes(List<Result> results) {
        Map<ReentryOutcome, Long> counts = new EnumMap<>(ReentryOutcome.class);
        results.forEach(r -> counts.merge(r.prediction().outcome(), 1L, Long::sum));
        return counts;
    }

    private static void section(StringBuilder out, String title, List<Result> results, Predicate<Result> filter) {
        out.append(title).append('\n');
        out.append(String.format(Locale.ROOT, "  %-9s %8s %10s %12s %14s%n", "band", "objects", "with epoch",
                "median err", "in window"));
        byBand(results, filter).forEach((band, rs) -> {
            long withEpoch = rs.stream().filter(r -> r.prediction().nominal().isPresent()).count();
            long windows = rs.stream().filter(r -> r.prediction().window().isPresent()).count();
            out.append(String.format(Locale.ROOT, "  %-9s %8d %10d %11.0f%% %7.0f%% of %d%n", band.title, rs.size(),
                    withEpoch, 100 * medianError(rs), 100 * containment(rs), windows));
        });
    }
}
