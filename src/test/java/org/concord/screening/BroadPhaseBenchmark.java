package org.concord.screening;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.concord.orbit.OrekitSetup;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScalesFactory;

/**
 * The broad phase alone, one thread: {@code N [STEPS] [SUB-STEPS...]} ({@code scripts/bench-broad-phase}). N objects
 * (the first N of the bundled catalog, or {@link BundledCatalog#synthetic} beyond 26,389), exact SGP4 states every
 * 60 s from 2024-07-05T00:00Z for STEPS steps (default 20), 5 km; for each number of sub-steps (default 1 2 3 4) the
 * thread's CPU time per step and the pairs per step after each filter, after one warm-up pass over the steps.
 */
public final class BroadPhaseBenchmark {

    private BroadPhaseBenchmark() {
    }

    public static void main(String[] arguments) throws IOException {
        OrekitSetup.get();
        int n = Integer.parseInt(arguments[0]);
        int steps = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 20;
        int[] subSteps = arguments.length > 2
                ? java.util.Arrays.stream(arguments, 2, arguments.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 2, 3, 4};
        List<ScreeningObject> objects = n > 26_389 ? BundledCatalog.synthetic(n) : BundledCatalog.read(n);
        double step = 60.0;
        double threshold = 5_000.0;
        BatchSgp4 kernel = BatchSgp4.of(objects.stream().map(ScreeningObject::tle).toList(),
                new AbsoluteDate(Instant.parse("2024-07-05T00:00:00Z"), TimeScalesFactory.getUTC()));
        double[][] states = new double[steps + 1][6 * n];
        boolean[][] valid = new boolean[steps + 1][n];
        for (int k = 0; k <= steps; k++) {
            for (int j = 0; j < n; j++) {
                valid[k][j] = kernel.propagate(j, k * step, states[k], 6 * j) == 0
                        && kernel.accelerationBound(j, k * step, k * step, Screener.MAX_ACCELERATION)
                        <= Screener.NON_PHYSICAL_ACCELERATION;
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "broad phase alone, one thread: %d objects, %d steps of %.0f s, %.0f km;"
                + " load average %.2f%n", n, steps, step, threshold / 1000,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int k : subSteps) {
            for (int round = 0; round < 2; round++) {
                BroadPhase broadPhase = new BroadPhase(n, step, threshold, new boolean[n], false, k);
                long cpu = threads.getCurrentThreadCpuTime();
                for (int s = 0; s < steps; s++) {
                    double t0 = s * step;
                    broadPhase.candidates(new BroadPhase.StepSegments(s, step, states[s], states[s + 1], valid[s],
                            valid[s + 1], id -> Screener.curveError(kernel.accelerationBound(id, t0, t0 + step,
                                    Screener.MAX_ACCELERATION), step)));
                }
                double ms = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / steps;
                BroadPhase.PairCounts c = broadPhase.counts();
                if (round == 1) {
                    System.out.printf(Locale.ROOT, "  sub-steps %d: %.1f ms per step (%.2f us per object);"
                            + " pairs per step: boxes overlap %,d, radial shells %,d, segment distance %,d%n", k, ms,
                            ms * 1000 / n, c.gridPairs() / steps, c.radialPairs() / steps,
                            c.candidatePairs() / steps);
                }
            }
        }
    }
}
