package org.concord.orbit;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.concord.node.Node;
import org.concord.screening.BundledCatalog;
import org.concord.screening.ScreeningObject;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.errors.OrekitException;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScalesFactory;
import org.orekit.utils.PVCoordinates;

/**
 * Propagates every object of the bundled 2024-07 catalog over one day from 2024-07-05T00:00Z at 60 s steps (1,441
 * times each) in TEME on one thread, through {@link Sgp4} (Orekit's TLEPropagator with Vallado's checks), and prints
 * the propagation rate, the objects stopped by each SGP4 error code, and the wall time; then the same through Orekit's
 * plain TLEPropagator for comparison, and how far the two differ where both give states.
 * <p>
 * Run: {@code scripts/bench-propagation [max-objects]}.
 */
public final class PropagationBenchmark {

    private static final int STEPS = 1441;
    private static final double STEP_SECONDS = 60.0;
    private static final int WARM_UP_OBJECTS = 500;

    private PropagationBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        OrekitSetup.get();
        int limit = args.length > 0 ? Integer.parseInt(args[0]) : Integer.MAX_VALUE;
        List<TLE> catalog = BundledCatalog.read(limit).stream().map(ScreeningObject::tle).toList();
        AbsoluteDate start = new AbsoluteDate(2024, 7, 5, 0, 0, 0.0, TimeScalesFactory.getUTC());
        System.out.printf(Locale.ROOT, "catalog %s: %d element sets; %d times each from %s every %.0f s%n",
                Node.SAMPLE_CATALOG, catalog.size(), STEPS, start, STEP_SECONDS);

        checked(catalog.subList(0, Math.min(WARM_UP_OBJECTS, catalog.size())), start);
        plain(catalog.subList(0, Math.min(WARM_UP_OBJECTS, catalog.size())), start);

        long t0 = System.nanoTime();
        CheckedRun run = checked(catalog, start);
        printRate("Concord SGP4 (Orekit TLEPropagator + Vallado checks)", run.propagations, t0);
        int stopped = run.stoppedByCode.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf(Locale.ROOT, "  %d objects stopped by the SGP4 checks:", stopped);
        run.stoppedByCode.forEach((error, count) -> System.out.printf(Locale.ROOT, " code %d: %d;", error.code(),
                count));
        System.out.println();

        long t1 = System.nanoTime();
        PlainRun plain = plain(catalog, start);
        printRate("Orekit TLEPropagator alone", plain.propagations, t1);
        System.out.printf(Locale.ROOT, "  %d objects with states below the Earth's surface (radius < 6378.135 km),"
                + " %d objects with an Orekit exception%n", plain.belowSurface, plain.failed);

        compare(catalog, start);
    }

    private static void printRate(String engine, long propagations, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf(Locale.ROOT, "%s, 1 thread:%n", engine);
        System.out.printf(Locale.ROOT, "  %,d propagations in %.2f s wall time: %,.0f propagations/s per core%n",
                propagations, seconds, propagations / seconds);
    }

    private record CheckedRun(long propagations, Map<Sgp4Error, Integer> stoppedByCode) {
    }

    private record PlainRun(long propagations, int belowSurface, int failed) {
    }

    private static CheckedRun checked(List<TLE> catalog, AbsoluteDate start) {
        long propagations = 0;
        Map<Sgp4Error, Integer> stopped = new EnumMap<>(Sgp4Error.class);
        for (TLE tle : catalog) {
            Sgp4 sgp4 = Sgp4.of(tle);
            for (int k = 0; k < STEPS; k++) {
                propagations++;
                try {
                    sgp4.temePv(start.shiftedBy(k * STEP_SECONDS));
                } catch (PropagationException e) {
                    e.sgp4Error().ifPresent(code -> stopped.merge(code, 1, Integer::sum));
                    break;
                }
            }
        }
        return new CheckedRun(propagations, stopped);
    }

    private static PlainRun plain(List<TLE> catalog, AbsoluteDate start) {
        long propagations = 0;
        int below = 0;
        int failed = 0;
        for (TLE tle : catalog) {
            boolean underground = false;
            try {
                TLEPropagator propagator = TLEPropagator.selectExtrapolator(tle);
                for (int k = 0; k < STEPS; k++) {
                    propagations++;
                    PVCoordinates pv = propagator.getPVCoordinates(start.shiftedBy(k * STEP_SECONDS));
                    underground |= !(pv.getPosition().getNorm() >= Sgp4.EARTH_RADIUS_METERS);
                }
            } catch (OrekitException e) {
                failed++;
            }
            if (underground) {
                below++;
            }
        }
        return new PlainRun(propagations, below, failed);
    }

    /** Where both give states, how far Concord's SGP4 is from Orekit's plain TLEPropagator. */
    private static void compare(List<TLE> catalog, AbsoluteDate start) {
        double[] thresholds = {1e-6, 1e-4, 1e-2, 1.0, 1e3};
        int[] beyond = new int[thresholds.length];
        double worst = 0.0;
        long worstId = -1;
        for (TLE tle : catalog) {
            Sgp4 sgp4 = Sgp4.of(tle);
            TLEPropagator plain;
            try {
                plain = TLEPropagator.selectExtrapolator(tle);
            } catch (OrekitException e) {
                continue;
            }
            double max = 0.0;
            for (int k = 0; k < STEPS; k++) {
                AbsoluteDate date = start.shiftedBy(k * STEP_SECONDS);
                try {
                    Vector3D ours = sgp4.temePv(date).getPosition();
                    max = Math.max(max, Vector3D.distance(ours, plain.getPVCoordinates(date).getPosition()));
                } catch (PropagationException | OrekitException e) {
                    break;
                }
            }
            for (int i = 0; i < thresholds.length; i++) {
                if (max > thresholds[i]) {
                    beyond[i]++;
                }
            }
            if (max > worst) {
                worst = max;
                worstId = tle.getSatelliteNumber();
            }
        }
        System.out.printf(Locale.ROOT, "Concord SGP4 vs Orekit alone, where both give states: largest difference"
                + " %.6g m (object %d); objects differing by more than", worst, worstId);
        for (int i = 0; i < thresholds.length; i++) {
            System.out.printf(Locale.ROOT, " %g m: %d;", thresholds[i], beyond[i]);
        }
        System.out.println();
    }
}
