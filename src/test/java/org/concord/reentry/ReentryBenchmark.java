package org.concord.reentry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Predicts every object of the 2019-12 catalog with a perigee under 300 km (scripts/bench-reentry) and prints the
 * time taken and the calibration table against the SATCAT's decay dates ({@link Calibration}).
 * Usage: {@code ReentryBenchmark [THREADS] [list] [decayed]}: {@code list} prints every prediction,
 * {@code decayed} predicts only the objects that decayed by 2021-01-19.
 */
public final class ReentryBenchmark {

    private ReentryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        List<DecayCases.Case> cases = DecayCases.load().stream()
                .filter(c -> args.length < 3 || c.trueLifetime().isPresent()).toList();
        ReentryPredictor predictor = DecayCases.predictor();
        predictor.predict(cases.get(0).noradId(), cases.get(0).name(), List.of(cases.get(0).elements()));
        long start = System.nanoTime();
        List<Calibration.Result> results = new ArrayList<>();
        java.lang.management.ThreadMXBean threadsBean = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.concurrent.atomic.AtomicLong cpuNanos = new java.util.concurrent.atomic.AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Calibration.Result>> futures = new ArrayList<>();
            for (DecayCases.Case c : cases) {
                futures.add(pool.submit(() -> {
                    long cpuStart = threadsBean.getCurrentThreadCpuTime();
                    Calibration.Result result = new Calibration.Result(c,
                            predictor.predict(c.noradId(), c.name(), List.of(c.elements())));
                    cpuNanos.addAndGet(threadsBean.getCurrentThreadCpuTime() - cpuStart);
                    return result;
                }));
            }
            for (Future<Calibration.Result> f : futures) {
                results.add(f.get());
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf(Locale.ROOT, "%d objects with perigee under 300 km predicted in %.1f s on %d threads"
                        + " (%.0f ms per object and thread)%n", cases.size(), took.toMillis() / 1000.0, threads,
                took.toMillis() * (double) threads / cases.size());
        long propagated = results.stream().filter(r -> r.prediction().reentryClass() != ReentryClass.HIGHLY_ECCENTRIC)
                .count();
        System.out.printf(Locale.ROOT, "CPU time of the predictions: %.1f s (%.0f ms per object; %d objects"
                        + " propagated, the highly eccentric ones are classed without propagation)%n",
                cpuNanos.get() / 1e9, cpuNanos.get() / 1e6 / cases.size(), propagated);
        System.out.print(Calibration.table(results));
        if (args.length > 1) {
            for (Calibration.Result r : results) {
                System.out.println(r);
            }
        }
    }
}
