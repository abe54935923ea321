package org.concord.screening;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.concord.node.Node;
import org.concord.orbit.OrekitSetup;
import org.orekit.errors.OrekitException;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScalesFactory;

/**
 * All-vs-all screening of the bundled 2024-07 catalog: {@code [days] [threshold-km] [max-objects] [step-s] [--no-throughput] [--synthetic N]}, by
 * default 7 days from 2024-07-05T00:00Z, 5 km, every object, 20 s steps, on every core. Prints the stage times, pair
 * counts, conjunctions, the batch kernel's throughput beside Orekit's TLEPropagator on the same objects, and the
 * peak heap. {@code --synthetic N}: {@link BundledCatalog#synthetic} of N objects instead of the first
 * {@code max-objects} of the bundled catalog.
 */
public final class ScreeningBenchmark {

    private ScreeningBenchmark() {
    }

    public static void main(String[] arguments) throws IOException {
        OrekitSetup.get();
        List<String> args = new java.util.ArrayList<>();
        boolean throughput = true;
        int synthetic = 0;
        for (int a = 0; a < arguments.length; a++) {
            switch (arguments[a]) {
                case "--no-throughput" -> throughput = false;
                case "--synthetic" -> {
                    if (a + 1 == arguments.length) {
                        throw new IllegalArgumentException("--synthetic needs a number of objects");
                    }
                    synthetic = Integer.parseInt(arguments[++a]);
                }
                default -> {
                    if (arguments[a].startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + arguments[a]
                                + "; accepted: --no-throughput, --synthetic N");
                    }
                    args.add(arguments[a]);
                }
            }
        }
        double days = args.size() > 0 ? Double.parseDouble(args.get(0)) : 7.0;
        double thresholdKm = args.size() > 1 ? Double.parseDouble(args.get(1)) : 5.0;
        int limit = args.size() > 2 ? Integer.parseInt(args.get(2)) : Integer.MAX_VALUE;
        double step = args.size() > 3 ? Double.parseDouble(args.get(3)) : ScreeningParameters.DEFAULT_STEP_SECONDS;
        List<ScreeningObject> catalog = synthetic > 0 ? BundledCatalog.synthetic(synthetic) : BundledCatalog.read(limit);
        Instant start = Instant.parse("2024-07-05T00:00:00Z");
        int threads = Runtime.getRuntime().availableProcessors();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "catalog %s: %d objects%s; window %s + %.2f days, threshold %.3f km,"
                + " step %.0f s, %d threads, max heap %d MB; load average %.2f%n", Node.SAMPLE_CATALOG,
                catalog.size(), synthetic > 0 ? " (synthetic: the bundled catalog, then copies with mean anomaly and"
                + " node drawn at random, seed " + BundledCatalog.SYNTHETIC_SEED + ")" : "", start, days,
                thresholdKm, step, threads, Runtime.getRuntime().maxMemory() >> 20, os.getSystemLoadAverage());

        List<TLE> tles = catalog.stream().map(ScreeningObject::tle).toList();
        if (throughput) {
            kernelThroughput(tles.subList(0, Math.min(2000, tles.size())), start, false);
            kernelThroughput(tles, start, true);
        }

        ScreeningParameters parameters = ScreeningParameters.allVsAll(start,
                Duration.ofMillis(Math.round(days * 86_400_000.0)), thresholdKm * 1000.0).withStep(step);
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        int[] reported = {0};
        ScreeningResult result = new Screener(OrekitSetup.get().timeScales()).screen(catalog, parameters, fraction -> {
            int tenth = (int) (fraction * 10);
            if (tenth > reported[0]) {
                reported[0] = tenth;
                System.out.printf(Locale.ROOT, "  %3.0f %% after %.1f s%n", fraction * 100,
                        (System.nanoTime() - t0) / 1e9);
            }
        });
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        ScreeningStatistics s = result.statistics();
        System.out.printf(Locale.ROOT, "screening: %.1f s wall, %.1f s CPU (%s)%n", wall, cpu, s);
        System.out.printf(Locale.ROOT, "  objects %d (%d deep-space through Orekit/Sgp4), %d excluded by SGP4 errors"
                + " %s%n", s.objects(), s.deepSpaceObjects(), s.excludedBySgp4Error(), byCode(result.excludedObjects()));
        System.out.printf(Locale.ROOT, "  propagation %.1f s (%,d states), broad phase %.1f s, refinement %.1f s%n",
                s.propagationSeconds(), s.propagations(), s.broadPhaseSeconds(), s.refinementSeconds());
        System.out.printf(Locale.ROOT, "  pairs (summed over steps): boxes overlap %,d; radial shells %,d;"
                + " segment distance (refined) %,d%n", s.gridPairs(), s.radialPairs(), s.candidatePairs());
        System.out.printf(Locale.ROOT, "  close approaches under %.3f km: %d%n", thresholdKm, s.conjunctions());
        result.closeApproaches().stream().limit(5).forEach(c -> System.out.printf(Locale.ROOT,
                "    %d x %d at %s: %.1f m, %.1f m/s (R %.1f, T %.1f, N %.1f m)%n", c.primaryNoradId(),
                c.secondaryNoradId(), c.tca(), c.missDistanceMeters(), c.relativeSpeedMetersPerSecond(),
                c.radialMeters(), c.inTrackMeters(), c.crossTrackMeters()));
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "peak heap (sum of pool peaks) %d MB; load average at the end %.2f%n",
                peak >> 20, os.getSystemLoadAverage());
    }

    private static Map<Integer, Integer> byCode(Map<Long, Integer> excluded) {
        Map<Integer, Integer> counts = new TreeMap<>();
        excluded.values().forEach(code -> counts.merge(code, 1, Integer::sum));
        return counts;
    }

    /** One thread, 1,441 times (one day at 60 s) per object: the batch kernel, then Orekit's TLEPropagator. */
    private static void kernelThroughput(List<TLE> tles, Instant start, boolean print) {
        AbsoluteDate reference = new AbsoluteDate(start, TimeScalesFactory.getUTC());
        BatchSgp4 kernel = BatchSgp4.of(tles, reference);
        int times = 1441;
        double[] out = new double[6 * tles.size()];
        {
            long t0 = System.nanoTime();
            long nearCalls = 0;
            long deepCalls = 0;
            double deepSeconds = 0;
            for (int k = 0; k < times; k++) {
                for (int j = 0; j < tles.size(); j++) {
                    if (kernel.deepSpace(j)) {
                        continue;
                    }
                    kernel.propagate(j, k * 60.0, out, 6 * j);
                    nearCalls++;
                }
            }
            double nearSeconds = (System.nanoTime() - t0) / 1e9;
            // the screener's way: an object's times in one batch call (the vector kernel, 24 times a call there)
            StateBatch batch = new StateBatch(times);
            for (int k = 0; k < times; k++) {
                batch.add(k * 60.0);
            }
            long tb = System.nanoTime();
            long batchCalls = 0;
            for (int j = 0; j < tles.size(); j++) {
                if (!kernel.deepSpace(j)) {
                    kernel.propagate(j, batch);
                    batchCalls += times;
                }
            }
            double batchSeconds = (System.nanoTime() - tb) / 1e9;
            long t1 = System.nanoTime();
            for (int j = 0; j < tles.size(); j++) {
                if (!kernel.deepSpace(j)) {
                    continue;
                }
                for (int k = 0; k < times; k++) {
                    kernel.propagate(j, k * 60.0, out, 6 * j);
                    deepCalls++;
                }
            }
            deepSeconds = (System.nanoTime() - t1) / 1e9;
            long t2 = System.nanoTime();
            long orekitCalls = 0;
            for (TLE tle : tles) {
                try {
                    TLEPropagator propagator = TLEPropagator.selectExtrapolator(tle);
                    for (int k = 0; k < times; k++) {
                        propagator.getPVCoordinates(reference.shiftedBy(k * 60.0));
                        orekitCalls++;
                    }
                } catch (OrekitException e) {
                    // counted up to the failure
                }
            }
            double orekitSeconds = (System.nanoTime() - t2) / 1e9;
            if (print) {
                System.out.printf(Locale.ROOT, "propagation throughput, 1 thread, %d times per object:%n", times);
                System.out.printf(Locale.ROOT, "  batch kernel, near-Earth, a time per call (scalar): %,d states in"
                        + " %.2f s: %,.0f states/s%n", nearCalls, nearSeconds, nearCalls / nearSeconds);
                System.out.printf(Locale.ROOT, "  batch kernel, near-Earth, an object's times per call (%s): %,d"
                        + " states in %.2f s: %,.0f states/s%n", BatchSgp4.vectorised() ? "vector" : "scalar",
                        batchCalls, batchSeconds, batchCalls / batchSeconds);
                System.out.printf(Locale.ROOT, "  deep-space through Sgp4 (Orekit): %,d states in %.2f s: %,.0f"
                        + " states/s%n", deepCalls, deepSeconds, deepCalls / deepSeconds);
                System.out.printf(Locale.ROOT, "  Orekit TLEPropagator, all objects: %,d states in %.2f s: %,.0f"
                        + " states/s%n", orekitCalls, orekitSeconds, orekitCalls / orekitSeconds);
            }
        }
    }
}
