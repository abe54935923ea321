package org.concord.screening;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * range then decides); only they are propagated.
 */
final class CoLocation {

    static final Duration SAMPLE = Duration.ofSeconds(60);

    /** A pair that stayed together: its range over the window's samples, and how long it stayed within the distance. */
    record Together(long primaryNoradId, long secondaryNoradId, long primaryOrbitId, long secondaryOrbitId,
                     Instant windowStart, Instant windowEnd, double minimumRangeMeters, double maximumRangeMeters,
                     Duration within, double distanceMeters) {
    }

    private CoLocation() {
    }

    /** The co-located pairs among these approaches, of the objects screened over [start, start + window]. */
    static List<Together> find(List<CloseApproach> approaches, Map<Long, ScreeningObject> byOrbitId, Instant start,
                                Duration window, double distanceMeters, TimeScale utc) {
        Map<String, List<CloseApproach>> byPair = new HashMap<>();
        for (CloseApproach a : approaches) {
            byPair.computeIfAbsent(a.primaryOrbitId() + "|" + a.secondaryOrbitId(), k -> new ArrayList<>()).add(a);
        }
        List<Together> found = new ArrayList<>();
        for (List<CloseApproach> pair : byPair.values()) {
            ScreeningObject primary = byOrbitId.get(pair.getFirst().primaryOrbitId());
            ScreeningObject secondary = byOrbitId.get(pair.getFirst().secondaryOrbitId());
            if (primary == null || secondary == null || pair.size() < 2) {
                continue;
            }
            Duration period = Duration.ofMillis(Math.round(2 * Math.PI / primary.tle().getMeanMotion() * 1000));
            List<Instant> tcas = pair.stream().map(CloseApproach::tca).sorted(Comparator.naturalOrder()).toList();
            boolean candidate = false;
            for (int i = 1; i < tcas.size() && !candidate; i++) {
                candidate = Duration.between(tcas.get(i - 1), tcas.get(i)).compareTo(period) < 0;
            }
            if (candidate) {
                sampled(pair.getFirst(), primary, secondary, start, window, distanceMeters, period, utc)
                        .ifPresent(found::add);
            }
        }
        found.sort(Comparator.comparingLong(Together::primaryNoradId).thenComparingLong(Together::secondaryNoradId));
        return found;
    }

    /** The pair's range at every sample of the window; a proximity if it stayed within for a whole orbit. */
    private static java.util.Optional<Together> sampled(CloseApproach any, ScreeningObject primary,
                                                         ScreeningObject secondary, Instant start, Duration window,
                                                         double distanceMeters, Duration period, TimeScale utc) {
        try {
            Sgp4 p = Sgp4.of(primary.tle());
            Sgp4 s = Sgp4.of(secondary.tle());
            AbsoluteDate t0 = new AbsoluteDate(start, utc);
            long samples = window.getSeconds() / SAMPLE.getSeconds();
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
            long run = 0;
            long longestRun = 0;
            long within = 0;
            for (long i = 0; i <= samples; i++) {
                AbsoluteDate t = t0.shiftedBy((double) i * SAMPLE.getSeconds());
                Vector3D d = p.temePv(t).getPosition().subtract(s.temePv(t).getPosition());
                double range = d.getNorm();
                min = Math.min(min, range);
                max = Math.max(max, range);
                run = range <= distanceMeters ? run + 1 : 0;
                within += range <= distanceMeters ? 1 : 0;
                longestRun = Math.max(longestRun, run);
            }
            // a run of k samples within spans (k - 1) sample intervals
            if (SAMPLE.multipliedBy(Math.max(0, longestRun - 1)).compareTo(period) < 0) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Together(any.primaryNoradId(), any.secondaryNoradId(),
                    any.primaryOrbitId(), any.secondaryOrbitId(), start, start.plus(window), min, max,
                    SAMPLE.multipliedBy(within), distanceMeters));
        } catch (OrekitException | org.concord.orbit.PropagationException e) {
            return java.util.Optional.empty(); // an SGP4 error within the window: the approaches stay as found
        }
    }
}
