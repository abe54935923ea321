package org.concord.orbit;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.concord.node.Node;
import org.concord.screening.BatchSgp4;
import org.concord.screening.BundledCatalog;
import org.concord.screening.ScreeningObject;
import org.concord.screening.StateBatch;
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
 * First, the screening's batch SGP4 kernel ({@link BatchSgp4}) on the near-Earth objects, the same 1,441 times each, one
 * thread: its scalar kernel, its vector kernel (where the JVM has {@code --add-modules jdk.incubator.vector}) and
 * Orekit's TLEPropagator on the same objects and times, in turn, {@code rounds} times (3 by default); each printed as
 * states per second per core, then the best and the median of the rounds, with the load average before and after
 * (other jobs on the machine slow every figure). Then the same for the deep-space objects (SDP4): the batch kernel's
 * deep-space part, scalar and vector, beside Orekit's TLEPropagator (DeepSDP4).
 * <p>
 * Run: {@code scripts/bench-propagation [max-objects [rounds]]}.
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

        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        kernels(catalog, start, rounds);

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

    /**
     * The batch kernel, scalar and vector, and Orekit's TLEPropagator on the near-Earth objects, one thread; then the
     * batch kernel (its deep-space part) and Orekit's TLEPropagator (DeepSDP4) on the deep-space objects.
     */
    private static void kernels(List<TLE> catalog, AbsoluteDate start, int rounds) throws IOException {
        BatchSgp4 kernel = BatchSgp4.of(catalog, start);
        List<Integer> near = new ArrayList<>();
        List<Integer> deep = new ArrayList<>();
        for (int j = 0; j < catalog.size(); j++) {
            (kernel.deepSpace(j) ? deep : near).add(j);
        }
        StateBatch batch = new StateBatch(STEPS);
        for (int k = 0; k < STEPS; k++) {
            batch.add(k * STEP_SECONDS);
        }
        System.out.printf(Locale.ROOT, "batch kernel: %d near-Earth objects x %d times, one thread; vector kernel %s;"
                + " load average %s%n", near.size(), STEPS, BatchSgp4.vectorised() ? "on" : "off (no jdk.incubator"
                + ".vector: the batch call runs the scalar kernel)", loadAverage());
        String[] names = {"batch kernel, scalar", "batch kernel, vector", "Orekit TLEPropagator"};
        double[] nearRates = engines(catalog, start, kernel, near, batch, rounds, names, new int[] {0, 1, 2});
        System.out.printf(Locale.ROOT, "vector / scalar kernel: %.2fx; vector kernel / Orekit: %.2fx (medians per CPU"
                + " second); load average %s%n", nearRates[1] / nearRates[0], nearRates[1] / nearRates[2],
                loadAverage());

        System.out.printf(Locale.ROOT, "deep space (SDP4): %d objects x %d times, one thread; load average %s%n",
                deep.size(), STEPS, loadAverage());
        String[] deepNames = {"batch kernel, deep space, scalar", "batch kernel, deep space, vector",
            "Orekit TLEPropagator, deep space"};
        double[] deepRates = engines(catalog, start, kernel, deep, batch, rounds, deepNames, new int[] {0, 1, 2});
        System.out.printf(Locale.ROOT, "deep space: vector / scalar kernel: %.2fx; scalar kernel / Orekit: %.2fx;"
                + " vector kernel / Orekit: %.2fx (medians per CPU second); load average %s%n",
                deepRates[1] / deepRates[0], deepRates[0] / deepRates[2], deepRates[1] / deepRates[2], loadAverage());
    }

    /**
     * Runs the engines {@code which} (0 the scalar kernel, 1 the batch call, 2 Orekit) on {@code objects}, warmed up
     * then {@code rounds} times in turn; prints each round and the best and median, and returns the median states per
     * CPU second of each engine (by engine number).
     */
    private static double[] engines(List<TLE> catalog, AbsoluteDate start, BatchSgp4 kernel, List<Integer> objects,
                                    StateBatch batch, int rounds, String[] names, int[] which) {
        List<Integer> warm = objects.subList(0, Math.min(2 * WARM_UP_OBJECTS, objects.size()));
        for (int w = 0; w < 5; w++) {
            for (int engine : which) {
                run(engine, kernel, catalog, warm, batch, start);
            }
        }
        long states = (long) objects.size() * STEPS;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] rates = new double[3][rounds];
        double[][] cpuRates = new double[3][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int engine : which) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                double sink = run(engine, kernel, catalog, objects, batch, start);
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpuSeconds = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
                rates[engine][r] = states / seconds;
                cpuRates[engine][r] = states / cpuSeconds;
                System.out.printf(Locale.ROOT, "  round %d, %s: %,d states in %.2f s wall (%,.0f states/s), %.2f s"
                        + " of the thread's CPU (%,.0f states/s per CPU second) (checksum %.6e)%n", r + 1,
                        names[engine], states, seconds, states / seconds, cpuSeconds, states / cpuSeconds, sink);
            }
        }
        double[] medians = new double[3];
        for (int engine : which) {
            double[] sorted = rates[engine].clone();
            Arrays.sort(sorted);
            medians[engine] = median(cpuRates[engine]);
            System.out.printf(Locale.ROOT, "%s: wall: best %.2f M states/s per core, median %.2f M; per CPU second"
                    + " of the thread: best %.2f M, median %.2f M (%d rounds)%n", names[engine],
                    sorted[rounds - 1] / 1e6, median(rates[engine]) / 1e6, max(cpuRates[engine]) / 1e6,
                    medians[engine] / 1e6, rounds);
        }
        return medians;
    }

    private static double run(int engine, BatchSgp4 kernel, List<TLE> catalog, List<Integer> objects,
                              StateBatch batch, AbsoluteDate start) {
        return switch (engine) {
            case 0 -> scalarKernel(kernel, objects, batch);
            case 1 -> vectorKernel(kernel, objects, batch);
            default -> orekit(catalog, objects, start);
        };
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[values.length / 2];
    }

    private static String loadAverage() throws IOException {
        Path path = Path.of("/proc/loadavg");
        return Files.isReadable(path) ? String.join(" ", Arrays.asList(Files.readString(path).trim().split(" "))
                .subList(0, 3)) : "unknown";
    }

    private static double scalarKernel(BatchSgp4 kernel, List<Integer> objects, StateBatch batch) {
        double sink = 0;
        for (int j : objects) {
            kernel.propagateScalar(j, batch);
            sink += checksum(batch);
        }
        return sink;
    }

    private static double vectorKernel(BatchSgp4 kernel, List<Integer> objects, StateBatch batch) {
        double sink = 0;
        for (int j : objects) {
            kernel.propagate(j, batch);
            sink += checksum(batch);
        }
        return sink;
    }

    /** What the JIT cannot drop: the sum of one coordinate over the states without an error. */
    private static double checksum(StateBatch batch) {
        double sum = 0;
        for (int m = 0; m < batch.count(); m += 97) {
            if (batch.code(m) == 0) {
                sum += batch.x(m);
            }
        }
        return sum;
    }

    private static double orekit(List<TLE> catalog, List<Integer> objects, AbsoluteDate start) {
        double sink = 0;
        for (int j : objects) {
            try {
                TLEPropagator propagator = TLEPropagator.selectExtrapolator(catalog.get(j));
                for (int k = 0; k < STEPS; k++) {
                    PVCoordinates pv = propagator.getPVCoordinates(start.shiftedBy(k * STEP_SECONDS));
                    if (k % 97 == 0) {
                        sink += pv.getPosition().getX();
                    }
                }
            } catch (OrekitException e) {
                // counted up to the failure
            }
        }
        return sink;
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
