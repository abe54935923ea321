package org.concord.screening;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.concord.orbit.Sgp4;
import org.orekit.errors.OrekitException;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScale;

/**
 * Finds the co-located pairs among a screening's close approaches: two objects whose range stays within the screening
 * distance at every 60 s sample of at least one whole orbit of the primary within the window (docked vehicles,
 * formation flyers, a tug with its client). Such a pair has no meaningful closest approach: its range minima come
 * twice an orbit at a few hundred metres and each would carry a maximum Pc of percent level. The rule comes from the
 * bundled catalog: the seven vehicles docked to the ISS (NAUKA's element set, shared by the six visiting vehicles)
 * stay within a few kilometres of ISS (ZARYA)'s for the whole week, while no other pair of the catalog stays within
 * 5 km for one orbit ({@code CoLocationTest}).
 * <p>Candidates are the pairs with two approaches less than one orbit of the primary apart (two range minima of one
 * pair in one orbit: what a pair that stays together shows; a crossing pair meets at most twice an orbit, the sampled
 * range then decides); only they are propagated. The primary may be an element set or an uploaded ephemeris
 * ({@link Track}): one rule for both, sampled where the ephemeris has states (a gap between its segments breaks a
 * stay, as an unknown range cannot count as within).
 */
final class CoLocation {

    static final Duration SAMPLE = Duration.ofSeconds(60);

    /** A pair that stayed together: its range over the window's samples, and how long it stayed within the distance. */
    record Together(long primaryNoradId, long secondaryNoradId, long primaryOrbitId, long secondaryOrbitId,
                     Instant windowStart, Instant windowEnd, double minimumRangeMeters, double maximumRangeMeters,
                     Duration within, double distanceMeters) {
    }

    /** An object as the rule samples it: its orbital period, and its TEME position (m) where it is known. */
    interface Track {

        Duration period();

        /** Empty where the object's states are not known (outside an ephemeris' segments). */
        Optional<Vector3D> temePosition(AbsoluteDate date);

        /** An element set propagated by SGP4; its period from its mean motion. */
        static Track of(ScreeningObject object) {
            Sgp4 sgp4 = Sgp4.of(object.tle());
            Duration period = Duration.ofMillis(Math.round(2 * Math.PI / object.tle().getMeanMotion() * 1000));
            return new Track() {
                @Override
                public Duration period() {
                    return period;
                }

                @Override
                public Optional<Vector3D> temePosition(AbsoluteDate date) {
                    return Optional.of(sgp4.temePv(date).getPosition());
                }
            };
        }
    }

    private CoLocation() {
    }

    /**
     * The co-located pairs among these approaches over [start, start + window]; {@code tracks} gives each object by
     * the orbit id its approaches name (empty: not sampled, its approaches stay).
     */
    static List<Together> find(List<CloseApproach> approaches, LongFunction<Optional<Track>> tracks, Instant start,
                                Duration window, double distanceMeters, TimeScale utc) {
        Map<String, List<CloseApproach>> byPair = new HashMap<>();
        for (CloseApproach a : approaches) {
            byPair.computeIfAbsent(a.primaryOrbitId() + "|" + a.secondaryOrbitId(), k -> new ArrayList<>()).add(a);
        }
        List<Together> found = new ArrayList<>();
        for (List<CloseApproach> pair : byPair.values()) {
            if (pair.size() < 2) {
                continue;
            }
            try {
                Optional<Track> primary = tracks.apply(pair.getFirst().primaryOrbitId());
                Optional<Track> secondary = tracks.apply(pair.getFirst().secondaryOrbitId());
                if (primary.isEmpty() || secondary.isEmpty()) {
                    continue;
                }
                Duration period = primary.get().period();
                List<Instant> tcas = pair.stream().map(CloseApproach::tca).sorted(Comparator.naturalOrder()).toList();
                boolean candidate = false;
                for (int i = 1; i < tcas.size() && !candidate; i++) {
                    candidate = Duration.between(tcas.get(i - 1), tcas.get(i)).compareTo(period) < 0;
                }
                if (candidate) {
                    sampled(pair.getFirst(), primary.get(), secondary.get(), start, window, distanceMeters, utc)
                            .ifPresent(found::add);
                }
            } catch (OrekitException | org.concord.orbit.PropagationException e) {
                // an SGP4 error within the window: the approaches stay as found
            }
        }
        found.sort(Comparator.comparingLong(Together::primaryNoradId).thenComparingLong(Together::secondaryNoradId));
        return found;
    }

    /** The pair's range at every sample of the window; a proximity if it stayed within for a whole orbit. */
    private static Optional<Together> sampled(CloseApproach any, Track primary, Track secondary, Instant start,
                                              Duration window, double distanceMeters, TimeScale utc) {
        AbsoluteDate t0 = new AbsoluteDate(start, utc);
        long samples = window.getSeconds() / SAMPLE.getSeconds();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        long run = 0;
        long longestRun = 0;
        long within = 0;
        for (long i = 0; i <= samples; i++) {
            AbsoluteDate t = t0.shiftedBy((double) i * SAMPLE.getSeconds());
            Optional<Vector3D> p = primary.temePosition(t);
            Optional<Vector3D> s = secondary.temePosition(t);
            if (p.isEmpty() || s.isEmpty()) {
                run = 0;
                continue;
            }
            double range = p.get().subtract(s.get()).getNorm();
            min = Math.min(min, range);
            max = Math.max(max, range);
            run = range <= distanceMeters ? run + 1 : 0;
            within += range <= distanceMeters ? 1 : 0;
            longestRun = Math.max(longestRun, run);
        }
        // a run of k samples within spans (k - 1) sample intervals
        if (SAMPLE.multipliedBy(Math.max(0, longestRun - 1)).compareTo(primary.period()) < 0) {
            return Optional.empty();
        }
        return Optional.of(new Together(any.primaryNoradId(), any.secondaryNoradId(), any.primaryOrbitId(),
                any.secondaryOrbitId(), start, start.plus(window), min, max, SAMPLE.multipliedBy(within),
                distanceMeters));
    }
}
