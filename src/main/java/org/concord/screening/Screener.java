package org.concord.screening;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;

import org.concord.conjunction.RtnProjection;
import org.concord.orbit.Sgp4;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScale;
import org.orekit.time.TimeScales;

/**
 * All-vs-all (or one-vs-all) close-approach screening of element sets over a window, with SGP4/SDP4.
 *
 * <h2>Stages</h2>
 * Time is cut into steps of {@code h} seconds ({@link ScreeningParameters#stepSeconds()}); every object is sampled
 * at every step boundary, chunk by chunk: propagated with the batch kernel ({@link BatchSgp4}, an object's even
 * boundaries of a chunk in one call: the vector kernel, a boundary per lane) at even boundaries
 * (and the window's end), and at odd ones interpolated (cubic Hermite, from the positions and velocities of the two
 * neighbouring samples) with an error bound {@code e} (below); a sample that may fail (see the end) is propagated.
 * <ol>
 *     <li><b>Segment boxes and a spatial hash.</b> Over a step, an object's trajectory stays within {@code dev =
 *     A h^2 / 8 + e} of the chord between its two sampled positions (see below; {@code e} of the interpolated end,
 *     0 if none). Each object's chord is enclosed in an axis-aligned box padded by {@code dev + D/2} ({@code D} the
 *     threshold) and the box is entered in every cell of a uniform grid it touches; two objects are compared only if
 *     their boxes share a cell and overlap. Each pair is counted once, in the cell holding the lower corner of the
 *     two boxes' intersection.</li>
 *     <li><b>Radial shells (perigee/apogee filter).</b> Over the step, the object's radius stays within
 *     {@code [min |chord| - dev, max(|p0|, |p1|) + dev]}; pairs whose shells, padded by D, do not overlap are
 *     dropped.</li>
 *     <li><b>Segment distance.</b> The relative position stays within {@code dev_i + dev_j} of the chord between the
 *     two sampled relative positions; a pair goes to refinement only if that relative chord comes within
 *     {@code D + dev_i + dev_j} of the origin.</li>
 *     <li><b>Refinement.</b> On each candidate step the range rate {@code f = dr . dv} (exact SGP4 from the kernel) is
 *     sampled every at most 5 s, skipping ahead where the range and relative speed at a sample show that the range
 *     stays over the threshold (with the objects' acceleration bounds, see {@code clearance}); each change of sign
 *     from negative to non-negative brackets a range minimum, solved with Brent's method to 1e-6 s. Minima under the threshold are reported; hits of one encounter from
 *     neighbouring steps (a TCA on a step boundary) are merged.</li>
 * </ol>
 *
 * <h2>Why no approach under the threshold is missed</h2>
 * If {@code x(t)} has {@code |x''| <= A} on {@code [t0, t0 + h]}, it differs from its chord by at most
 * {@code A tau (h - tau) / 2 <= A h^2 / 8}, component by component and in norm (the error of linear interpolation).
 * For SGP4 the second derivative of the position is the model's acceleration: central gravity (at most
 * 9.80 m/s^2 at or above the 6,378.135 km radius below which SGP4 raises error 6 and the object is excluded) plus J2
 * (under 0.5 % of it) and the slow secular/drag terms; {@code A} = {@value #MAX_ACCELERATION} m/s^2 bounds it with
 * margin; SGP4's secular drag polynomials add to it, bounded per object by {@link BatchSgp4#accelerationBound}
 * ({@code ScreenerTest} checks the per-object bounds by finite differences over the catalog). An interpolated sample
 * differs from the true position by at most {@code e = B tau^2 (1 - tau)^2 (2h)^4 / 24} (the error of cubic Hermite
 * interpolation, tau = 1/2 between the neighbouring samples), with {@code B} the bound on the fourth derivative of
 * {@link #fourthDerivativeBound} (checked the same way: the catalog stays under 5 % of it), about 0.5 km for 60 s
 * steps; the chord between the sampled positions is then within {@code e} of the chord between the true ones, so
 * the trajectory stays within {@code A h^2 / 8 + e} of it. Hence if two objects come within D
 * at some time {@code t} of a step, each is within {@code dev} of its chord (so inside its box shrunk by {@code D/2},
 * and the two points lie within D of each other per axis: the padded boxes overlap, and they share the cell holding
 * the lower corner of their intersection), their radii lie in their shells (which then come within D of each other),
 * and the relative chord passes within {@code D + dev_i + dev_j} of the origin. Every step is covered, so the pair
 * reaches refinement for the step holding the approach.
 * Objects are dropped from the first sample at which SGP4 raises an error (the step before it is not screened for
 * them either). An odd sample is propagated instead of interpolated where the next one failed, where the drag terms
 * may have run away, or where the interpolated position may be under one Earth radius, so that the first failure is
 * found as when every sample is propagated; only a failure of the mean elements (Vallado's codes 1 and 4) that
 * lasts less than a step between two good samples would go unseen.
 */
public final class Screener {

    private final TimeScale utc;

    /** A screener that reads the window's start in the UTC of {@code timeScales}. */
    public Screener(TimeScales timeScales) {
        this.utc = timeScales.getUTC();
    }

    /**
     * Exclusion code (beside Vallado's 1 to 6) of an element set whose SGP4 drag polynomials have run away: from the
     * first sample where the acceleration they allow ({@link BatchSgp4#accelerationBound}) exceeds
     * {@value #NON_PHYSICAL_ACCELERATION} m/s^2 (five times surface gravity). Such states are not physical (the
     * catalog's decaying 58566 is thrown out to 90,000 km), and their unbounded motion would make every pair a
     * candidate.
     */
    public static final int NON_PHYSICAL_DRAG = 100;
    public static final double NON_PHYSICAL_ACCELERATION = 50.0;

    /** Bound on the norm of an SGP4 trajectory's second derivative at or above one Earth radius, m/s^2. */
    public static final double MAX_ACCELERATION = 10.5;

    private static final int CHUNK_STEPS = 48;
    private static final int OBJECT_BLOCK = 512;
    private static final double REFINE_SUBSTEP = 5.0;
    private static final long MAX_CELLS_PER_BOX = 64;
    /** Grid cell size per second of step (m/s): cells somewhat larger than a LEO segment box. */
    private static final double CELL_SPEED = 10_000.0;
    private static final int CELL_OFFSET = 1 << 20;
    /** Grid entries and objects carry the three lowest-cell flags of their box in bits 28 to 30. */
    private static final int LOWEST_SHIFT = 28;
    private static final int ENTRY_MASK = (1 << LOWEST_SHIFT) - 1;
    private static final int OBJECT_MASK = ENTRY_MASK;

    /*
     * Per object of a step, BOX doubles in one run (the pair tests read two objects' data from two places): the
     * padded box's lower and upper corners, the radial shell (its upper end already padded by the threshold), the
     * deviation bound, and the two sampled positions.
     */
    private static final int LO = 0;
    private static final int HI = 3;
    private static final int RLO = 6;
    private static final int RHI = 7;
    private static final int DEV = 8;
    private static final int P0 = 9;
    private static final int P1 = 12;
    private static final int BOX = 15;

    /** Screens without progress reports. */
    public ScreeningResult screen(List<ScreeningObject> objects, ScreeningParameters parameters) {
        return screen(objects, parameters, fraction -> { });
    }

    /** Screens, calling {@code progress} with the fraction done (0 to 1) after each chunk of steps. */
    public ScreeningResult screen(List<ScreeningObject> objects, ScreeningParameters parameters,
                                  DoubleConsumer progress) {
        return inPool(parameters.threads(), () -> new Run(objects, parameters, progress, utc).run());
    }

    /**
     * Runs a screening in a pool of its own, so that its parallel streams use {@code threads} workers; a runtime
     * exception of the screening is thrown as it is.
     */
    static <T> T inPool(int threads, java.util.concurrent.Callable<T> screening) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(screening).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("screening interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private static final class Run {

        private final List<ScreeningObject> objects;
        private final ScreeningParameters parameters;
        private final DoubleConsumer progress;
        private final int n;
        private final double h;
        private final double window;
        private final double threshold;
        private final int steps;
        private final BatchSgp4 kernel;
        private final boolean[] primary;
        private final boolean oneVsAll;
        /** Index of the first sample at which each object failed, or Integer.MAX_VALUE. */
        private final int[] failedAt;
        private final int[] errorCode;
        private final double cellSize;
        private final Instant start;

        /** Each worker's broad-phase arrays, reused from step to step. */
        private final ThreadLocal<Workspace> workspace;
        private final AtomicLong gridPairs = new AtomicLong();
        private final AtomicLong radialPairs = new AtomicLong();
        private final AtomicLong candidatePairs = new AtomicLong();
        private long propagations;

        Run(List<ScreeningObject> objects, ScreeningParameters parameters, DoubleConsumer progress, TimeScale utc) {
            this.objects = objects;
            this.parameters = parameters;
            this.progress = progress;
            this.n = objects.size();
            this.start = parameters.start();
            this.window = parameters.window().toNanos() / 1e9;
            this.threshold = parameters.thresholdMeters();
            this.steps = (int) Math.ceil(window / parameters.stepSeconds() - 1e-9);
            this.h = parameters.stepSeconds();
            AbsoluteDate reference = new AbsoluteDate(start, utc);
            List<TLE> tles = objects.stream().map(ScreeningObject::tle).toList();
            this.kernel = BatchSgp4.of(tles, reference);
            this.primary = new boolean[n];
            this.oneVsAll = parameters.primaries().isPresent();
            Set<Long> primaries = parameters.primaries().orElse(Set.of());
            for (int i = 0; i < n; i++) {
                primary[i] = primaries.contains(objects.get(i).noradId());
            }
            this.failedAt = new int[n];
            Arrays.fill(failedAt, Integer.MAX_VALUE);
            this.errorCode = new int[n];
            // cells about the size of a LEO chord: boxes touch a few cells each
            this.cellSize = Math.max(20_000.0, h * CELL_SPEED) + threshold;
            this.workspace = ThreadLocal.withInitial(() -> new Workspace(n));
        }

        double sampleTime(int k) {
            return Math.min(k * h, window);
        }

        ScreeningResult run() {
            long t0 = System.nanoTime();
            double propagationSeconds = 0;
            double broadSeconds = 0;
            double refineSeconds = 0;
            int times = CHUNK_STEPS + 1;
            double[][] states = new double[times][6 * n];
            boolean[][] valid = new boolean[times][n];
            double[][] error = new double[times][n];
            List<CloseApproach> found = new ArrayList<>();
            for (int k0 = 0; k0 < steps; k0 += CHUNK_STEPS) {
                int k1 = Math.min(steps, k0 + CHUNK_STEPS);
                long a = System.nanoTime();
                int firstNew = 0;
                if (k0 > 0) {
                    // the previous chunk's last sample is this chunk's first
                    double[] s = states[0];
                    states[0] = states[CHUNK_STEPS];
                    states[CHUNK_STEPS] = s;
                    boolean[] v = valid[0];
                    valid[0] = valid[CHUNK_STEPS];
                    valid[CHUNK_STEPS] = v;
                    double[] e = error[0];
                    error[0] = error[CHUNK_STEPS];
                    error[CHUNK_STEPS] = e;
                    firstNew = 1;
                }
                final int from = firstNew;
                final int base = k0;
                final int last = k1 - k0;
                propagations += IntStream.range(0, (n + OBJECT_BLOCK - 1) / OBJECT_BLOCK).parallel()
                        .mapToLong(block -> {
                            long exact = 0;
                            Workspace w = workspace.get();
                            for (int j = block * OBJECT_BLOCK; j < Math.min(n, (block + 1) * OBJECT_BLOCK); j++) {
                                exact += sampleChunk(j, base, from, last, states, valid, error, w);
                            }
                            return exact;
                        }).sum();
                long b = System.nanoTime();
                propagationSeconds += (b - a) / 1e9;

                List<long[]> perStep = IntStream.range(0, last).parallel()
                        .mapToObj(s -> broadPhase(states[s], states[s + 1], valid[s], valid[s + 1], error[s],
                                error[s + 1], sampleTime(base + s + 1) - sampleTime(base + s), base + s))
                        .toList();
                long c = System.nanoTime();
                broadSeconds += (c - b) / 1e9;

                List<CloseApproach> refined = perStep.stream().flatMapToLong(Arrays::stream).parallel()
                        .mapToObj(this::refine).flatMap(List::stream).toList();
                found.addAll(refined);
                refineSeconds += (System.nanoTime() - c) / 1e9;
                progress.accept((double) k1 / steps);
            }
            List<CloseApproach> merged = deduplicate(found);
            Map<Long, Integer> excluded = new HashMap<>();
            int deep = 0;
            for (int j = 0; j < n; j++) {
                if (failedAt[j] != Integer.MAX_VALUE) {
                    excluded.put(objects.get(j).noradId(), errorCode[j]);
                }
                if (kernel.deepSpace(j)) {
                    deep++;
                }
            }
            ScreeningStatistics statistics = new ScreeningStatistics(n, deep, excluded.size(), steps + 1,
                    propagations, gridPairs.get(), radialPairs.get(), candidatePairs.get(), merged.size(),
                    propagationSeconds, broadSeconds, refineSeconds, (System.nanoTime() - t0) / 1e9);
            return new ScreeningResult(merged, statistics, excluded);
        }

        /**
         * Samples object j at chunk samples {@code from .. last} (sample {@code base + s} in {@code states[s]}):
         * propagated at even samples (and the window's end), interpolated at odd ones, where {@code error} gets the
         * interpolation's error bound (0 where propagated). Records the first failure. Returns the number of
         * propagations. The propagated samples go to the kernel in one batch ({@link BatchSgp4#propagate(int,
         * StateBatch)}: the vector kernel, a sample per lane), then are taken in time order up to the first failure,
         * as if propagated one at a time.
         */
        private int sampleChunk(int j, int base, int from, int last, double[][] states, boolean[][] valid,
                                double[][] error, Workspace w) {
            int exact = 0;
            StateBatch batch = w.batch;
            batch.clear();
            int count = 0;
            for (int s = from; s <= last; s++) {
                int k = base + s;
                if ((k % 2 == 0 || k == steps) && failedAt[j] > k) {
                    batch.add(sampleTime(k));
                    w.slots[count++] = s;
                }
            }
            if (count > 0) {
                kernel.propagate(j, batch);
            }
            for (int m = 0; m < count; m++) {
                int s = w.slots[m];
                int k = base + s;
                if (failedAt[j] <= k) {
                    break;
                }
                valid[s][j] = accept(j, k, batch, m, states[s]);
                error[s][j] = 0;
                exact++;
            }
            // in time order, so that a failure found here invalidates the later (already propagated) samples
            for (int s = from; s <= last; s++) {
                int k = base + s;
                if (failedAt[j] <= k) {
                    valid[s][j] = false;
                } else if (k % 2 == 1 && k != steps) {
                    double bound = failedAt[j] == k + 1 ? -1 : interpolate(j, k, states[s - 1], states[s + 1],
                            states[s]);
                    if (bound >= 0) {
                        valid[s][j] = true;
                        error[s][j] = bound;
                    } else {
                        // the next sample failed, or this one may have: find out exactly
                        valid[s][j] = sample(j, k, states[s]);
                        error[s][j] = 0;
                        exact++;
                    }
                }
            }
            return exact;
        }

        /**
         * Takes object j's state at sample k from the m-th time of {@code batch} into {@code state}, or records the
         * failure there (an SGP4 error or runaway drag terms), as {@link #sample} does.
         */
        private boolean accept(int j, int k, StateBatch batch, int m, double[] state) {
            int code = batch.code(m);
            if (code == 0 && kernel.accelerationBound(j, sampleTime(k), sampleTime(k), MAX_ACCELERATION)
                    > NON_PHYSICAL_ACCELERATION) {
                code = NON_PHYSICAL_DRAG;
            }
            if (code != 0) {
                failedAt[j] = Math.min(failedAt[j], k);
                errorCode[j] = code;
                return false;
            }
            batch.copyState(m, state, 6 * j);
            return true;
        }

        /** Propagates object j to sample k, recording a failure (an SGP4 error or runaway drag terms). */
        private boolean sample(int j, int k, double[] state) {
            int code = kernel.propagate(j, sampleTime(k), state, 6 * j);
            if (code == 0 && kernel.accelerationBound(j, sampleTime(k), sampleTime(k), MAX_ACCELERATION)
                    > NON_PHYSICAL_ACCELERATION) {
                code = NON_PHYSICAL_DRAG;
            }
            if (code != 0) {
                failedAt[j] = Math.min(failedAt[j], k);
                errorCode[j] = code;
                return false;
            }
            return true;
        }

        /**
         * Object j's position at odd sample k by cubic Hermite interpolation between the propagated samples k - 1
         * and k + 1, written to {@code state} (velocity NaN: the broad phase reads positions only). Returns the
         * bound on its error, or -1 where the sample must be propagated instead: where the drag terms may have run
         * away, or the object may be under one Earth radius (errors a propagation would raise).
         */
        private double interpolate(int j, int k, double[] before, double[] after, double[] state) {
            double t0 = sampleTime(k - 1);
            double t1 = sampleTime(k + 1);
            double a = kernel.accelerationBound(j, t0, t1, MAX_ACCELERATION);
            if (a > NON_PHYSICAL_ACCELERATION) {
                return -1;
            }
            double span = t1 - t0;
            double tau = (sampleTime(k) - t0) / span;
            double tau2 = tau * tau;
            double tau3 = tau2 * tau;
            double h00 = 2 * tau3 - 3 * tau2 + 1;
            double h10 = (tau3 - 2 * tau2 + tau) * span;
            double h01 = 3 * tau2 - 2 * tau3;
            double h11 = (tau3 - tau2) * span;
            int o = 6 * j;
            for (int ax = 0; ax < 3; ax++) {
                state[o + ax] = h00 * before[o + ax] + h10 * before[o + 3 + ax] + h01 * after[o + ax]
                        + h11 * after[o + 3 + ax];
                state[o + 3 + ax] = Double.NaN;
            }
            // the error of cubic Hermite interpolation: |d4x/dt4| tau^2 (1 - tau)^2 span^4 / 4!
            double u = tau * (1 - tau) * span * span;
            double bound = fourthDerivativeBound(a) * u * u / 24.0;
            double radius = norm(state[o], state[o + 1], state[o + 2]);
            return radius - bound >= Sgp4.EARTH_RADIUS_METERS ? bound : -1;
        }

        /** Candidate (step, i, j) triples of one step, packed as {@code step << 42 | i << 21 | j}. */
        long[] broadPhase(double[] s0, double[] s1, boolean[] v0, boolean[] v1, double[] e0, double[] e1, double dt,
                          int step) {
            Workspace w = workspace.get();
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (v0[i] && v1[i]) {
                    w.ids[count++] = i;
                }
            }
            double half = threshold / 2.0;
            double[] box = w.box;
            int[] cells = w.cells;
            long entries = 0;
            int bigCount = 0;
            for (int m = 0; m < count; m++) {
                int o = 6 * w.ids[m];
                int b = BOX * m;
                int id = w.ids[m];
                double d = kernel.accelerationBound(id, sampleTime(step), sampleTime(step + 1), MAX_ACCELERATION)
                        * dt * dt / 8.0 + Math.max(e0[id], e1[id]);
                double pad = d + half;
                long touched = 1;
                for (int ax = 0; ax < 3; ax++) {
                    double p = s0[o + ax];
                    double q = s1[o + ax];
                    box[b + P0 + ax] = p;
                    box[b + P1 + ax] = q;
                    double l = Math.min(p, q) - pad;
                    double u = Math.max(p, q) + pad;
                    box[b + LO + ax] = l;
                    box[b + HI + ax] = u;
                    cells[6 * m + ax] = cell(l);
                    cells[6 * m + 3 + ax] = cell(u);
                    touched *= cells[6 * m + 3 + ax] - cells[6 * m + ax] + 1;
                }
                if (touched > MAX_CELLS_PER_BOX) {
                    w.big[bigCount++] = m;
                    cells[6 * m + 3] = cells[6 * m] - 1; // enters no cell
                } else {
                    entries += touched;
                }
                box[b + DEV] = d;
                double r0 = norm(s0[o], s0[o + 1], s0[o + 2]);
                double r1 = norm(s1[o], s1[o + 1], s1[o + 2]);
                // the shell padded by the threshold here, so that the pair test compares shells directly
                box[b + RHI] = Math.max(r0, r1) + d + threshold;
                box[b + RLO] = segmentMinNorm(s0[o], s0[o + 1], s0[o + 2], s1[o], s1[o + 1], s1[o + 2]) - d;
            }
            int size = (int) entries;
            int buckets = Integer.highestOneBit(Math.max(16, size)) << 1;
            int mask = buckets - 1;
            w.ensureEntries(size, buckets);
            int[] start = w.start;
            Arrays.fill(start, 0, buckets + 2, 0);
            int[] entryObject = w.entryObject;
            long[] entryCell = w.entryCell;
            int e = 0;
            for (int m = 0; m < count; m++) {
                for (int x = cells[6 * m]; x <= cells[6 * m + 3]; x++) {
                    for (int y = cells[6 * m + 1]; y <= cells[6 * m + 4]; y++) {
                        for (int z = cells[6 * m + 2]; z <= cells[6 * m + 5]; z++) {
                            long key = cellKey(x, y, z);
                            // the axes on which this is the box's lowest cell
                            int lowest = (x == cells[6 * m] ? 1 : 0) | (y == cells[6 * m + 1] ? 2 : 0)
                                    | (z == cells[6 * m + 2] ? 4 : 0);
                            entryObject[e] = m | lowest << LOWEST_SHIFT;
                            entryCell[e] = key;
                            start[(hash(key) & mask) + 2]++;
                            e++;
                        }
                    }
                }
            }
            // counting sort of the entries by bucket; the sweep keys carry each entry's lower x bound (floored to
            // whole metres, so that the sweep's stop test is conservative) beside the entry and its lowest-cell axes
            for (int bk = 2; bk < buckets + 2; bk++) {
                start[bk] += start[bk - 1];
            }
            long[] sweep = w.sweep;
            for (int i = 0; i < size; i++) {
                double l = Math.floor(box[BOX * (entryObject[i] & OBJECT_MASK) + LO]);
                int quantised = (int) Math.max(-2.0e9, Math.min(2.0e9, l));
                long tag = i | (long) (entryObject[i] >>> LOWEST_SHIFT) << LOWEST_SHIFT;
                sweep[start[(hash(entryCell[i]) & mask) + 1]++] = ((long) quantised << 32) | tag;
            }
            long[] counters = new long[2];
            Candidates out = w.out;
            out.clear();
            for (int bk = 0; bk < buckets; bk++) {
                int from = start[bk];
                int to = start[bk + 1];
                if (to - from < 2) {
                    continue;
                }
                Arrays.sort(sweep, from, to);
                // the bucket's boxes and cells copied in sweep order, so that the inner loop reads memory in sequence
                double[] sorted = w.sorted;
                long[] sortedCell = w.sortedCell;
                for (int p = from; p < to; p++) {
                    int entry = (int) sweep[p] & ENTRY_MASK;
                    System.arraycopy(box, BOX * (entryObject[entry] & OBJECT_MASK), sorted, 6 * p, 6);
                    sortedCell[p] = entryCell[entry];
                }
                for (int p = from; p < to; p++) {
                    int ta = (int) sweep[p];
                    long key = sortedCell[p];
                    double lx = sorted[6 * p];
                    double ly = sorted[6 * p + 1];
                    double lz = sorted[6 * p + 2];
                    double hx = sorted[6 * p + 3];
                    double hy = sorted[6 * p + 4];
                    double hz = sorted[6 * p + 5];
                    for (int q = p + 1; q < to && (sweep[q] >> 32) <= hx; q++) {
                        int b = 6 * q;
                        if (sorted[b] > hx || sorted[b + 3] < lx || sorted[b + 1] > hy || sorted[b + 4] < ly
                                || sorted[b + 2] > hz || sorted[b + 5] < lz) {
                            continue;
                        }
                        int tb = (int) sweep[q];
                        // count the pair once: in the cell holding the lower corner of the boxes' intersection,
                        // the lowest cell of one box or the other on each axis
                        if (((ta | tb) >>> LOWEST_SHIFT) != 7 || sortedCell[q] != key) {
                            continue; // counted in another cell, or another cell in the same bucket
                        }
                        testPair(entryObject[ta & ENTRY_MASK] & OBJECT_MASK,
                                entryObject[tb & ENTRY_MASK] & OBJECT_MASK, w.ids, box, step, counters, out);
                    }
                }
            }
            // boxes touching too many cells (runaway element sets far out): against every object
            for (int bi = 0; bi < bigCount; bi++) {
                int ma = w.big[bi];
                for (int mb = 0; mb < count; mb++) {
                    if (mb == ma || (cells[6 * mb + 3] < cells[6 * mb] && mb < ma)) {
                        continue; // itself, or a big object whose pair with this one is tested from the other side
                    }
                    if (overlap(box, BOX * ma, BOX * mb)) {
                        testPair(ma, mb, w.ids, box, step, counters, out);
                    }
                }
            }
            gridPairs.addAndGet(counters[0]);
            radialPairs.addAndGet(counters[1]);
            candidatePairs.addAndGet(out.size);
            return out.toArray();
        }

        /**
         * The radial and segment-distance tests on objects ma, mb of a step whose boxes overlap; a candidate goes to
         * {@code out}.
         */
        private void testPair(int ma, int mb, int[] ids, double[] box, int step, long[] counters, Candidates out) {
            int ia = ids[ma];
            int ib = ids[mb];
            if (oneVsAll && !primary[ia] && !primary[ib]) {
                return;
            }
            counters[0]++;
            int a = BOX * ma;
            int b = BOX * mb;
            if (box[a + RLO] > box[b + RHI] || box[b + RLO] > box[a + RHI]) {
                return;
            }
            counters[1]++;
            double distance = segmentMinNorm(box[b + P0] - box[a + P0], box[b + P0 + 1] - box[a + P0 + 1],
                    box[b + P0 + 2] - box[a + P0 + 2], box[b + P1] - box[a + P1], box[b + P1 + 1] - box[a + P1 + 1],
                    box[b + P1 + 2] - box[a + P1 + 2]);
            if (distance > threshold + box[a + DEV] + box[b + DEV]) {
                return;
            }
            int i = Math.min(ia, ib);
            int j = Math.max(ia, ib);
            out.add(((long) step << 42) | ((long) i << 21) | j);
        }

        private static boolean overlap(double[] box, int a, int b) {
            return box[a + LO] <= box[b + HI] && box[b + LO] <= box[a + HI]
                    && box[a + LO + 1] <= box[b + HI + 1] && box[b + LO + 1] <= box[a + HI + 1]
                    && box[a + LO + 2] <= box[b + HI + 2] && box[b + LO + 2] <= box[a + HI + 2];
        }

        private int cell(double coordinate) {
            double c = Math.floor(coordinate / cellSize);
            return (int) Math.max(-1_000_000, Math.min(1_000_000, c));
        }

        /** Cell coordinates (clamped to +-1,000,000 by {@link #cell}) packed 21 bits each. */
        private static long cellKey(int x, int y, int z) {
            return ((long) (x + CELL_OFFSET) << 42) | ((long) (y + CELL_OFFSET) << 21) | (z + CELL_OFFSET);
        }

        private static int hash(long key) {
            long k = key;
            k ^= k >>> 33;
            k *= 0xff51afd7ed558ccdL;
            k ^= k >>> 33;
            k *= 0xc4ceb9fe1a85ec53L;
            k ^= k >>> 33;
            return (int) k;
        }

        List<CloseApproach> refine(long candidate) {
            int step = (int) (candidate >>> 42);
            int i = (int) ((candidate >>> 21) & 0x1FFFFF);
            int j = (int) (candidate & 0x1FFFFF);
            double ta = sampleTime(step);
            double tb = sampleTime(step + 1);
            double substep = (tb - ta) / Math.max(1, (int) Math.ceil((tb - ta) / REFINE_SUBSTEP - 1e-9));
            double[] buffer = new double[12];
            UnivariateFunction rangeRate = t -> rangeRate(i, j, t, buffer);
            double acceleration = kernel.accelerationBound(i, ta, tb, MAX_ACCELERATION)
                    + kernel.accelerationBound(j, ta, tb, MAX_ACCELERATION);
            List<CloseApproach> result = new ArrayList<>(1);
            double previousT = ta;
            double previous = rangeRate.value(ta);
            double clear = Double.isNaN(previous) ? 0 : clearance(buffer, acceleration);
            while (previousT < tb) {
                boolean skip = clear > substep;
                double t = previousT + (skip ? clear : substep);
                if (t > tb - 1e-6) {
                    t = tb;
                }
                double value = rangeRate.value(t);
                double nextClear = Double.isNaN(value) ? 0 : clearance(buffer, acceleration);
                // over a skipped interval the range stays over the threshold: no minimum there is reported
                if (!skip && previous < 0 && value >= 0) {
                    double tca = value == 0 ? t : new BrentSolver(1e-7).solve(100, rangeRate, previousT, t);
                    CloseApproach approach = approach(i, j, tca, buffer);
                    if (approach != null) {
                        result.add(approach);
                    }
                }
                previous = value;
                previousT = t;
                clear = nextClear;
            }
            return result;
        }

        /**
         * How long from the state in {@code buffer} the range stays over the threshold for sure: with range r,
         * relative speed w and the relative acceleration at most {@code acceleration}, the range after tau is at
         * least {@code r - tau (w + acceleration tau)}; the largest tau for which that is at least the threshold.
         */
        private double clearance(double[] buffer, double acceleration) {
            double margin = relativeNorm(buffer, 0) - threshold;
            if (!(margin > 0)) {
                return 0;
            }
            double w = relativeNorm(buffer, 3);
            return 2 * margin / (w + Math.sqrt(w * w + 4 * acceleration * margin));
        }

        /** The norm of the second object's position (offset 0) or velocity (3) relative to the first's. */
        private static double relativeNorm(double[] buffer, int offset) {
            return norm(buffer[6 + offset] - buffer[offset], buffer[7 + offset] - buffer[1 + offset],
                    buffer[8 + offset] - buffer[2 + offset]);
        }

        /** dr . dv of j relative to i at t; NaN where SGP4 fails. */
        private double rangeRate(int i, int j, double t, double[] buffer) {
            if (kernel.propagate(i, t, buffer, 0) != 0 || kernel.propagate(j, t, buffer, 6) != 0) {
                return Double.NaN;
            }
            double s = 0;
            for (int ax = 0; ax < 3; ax++) {
                s += (buffer[6 + ax] - buffer[ax]) * (buffer[9 + ax] - buffer[3 + ax]);
            }
            return s;
        }

        private CloseApproach approach(int a, int b, double t, double[] buffer) {
            // the primary: the one in the primary set, else the lower catalog number
            int p = a;
            int s = b;
            boolean swap = oneVsAll ? (!primary[a] || (primary[b] && objects.get(b).noradId() < objects.get(a)
                    .noradId())) : objects.get(b).noradId() < objects.get(a).noradId();
            if (swap) {
                p = b;
                s = a;
            }
            if (kernel.propagate(p, t, buffer, 0) != 0 || kernel.propagate(s, t, buffer, 6) != 0) {
                return null;
            }
            double[] pp = Arrays.copyOfRange(buffer, 0, 6);
            double[] ps = Arrays.copyOfRange(buffer, 6, 12);
            double dx = ps[0] - pp[0];
            double dy = ps[1] - pp[1];
            double dz = ps[2] - pp[2];
            double miss = norm(dx, dy, dz);
            if (!(miss < threshold)) {
                return null;
            }
            double speed = norm(ps[3] - pp[3], ps[4] - pp[4], ps[5] - pp[5]);
            double[] rtn = RtnProjection.project(pp, dx, dy, dz);
            long nanos = Math.round(t * 1e9);
            return new CloseApproach(objects.get(p).noradId(), objects.get(s).noradId(), objects.get(p).orbitId(),
                    objects.get(s).orbitId(), start.plusNanos(nanos), miss, speed, rtn[0], rtn[1], rtn[2], pp, ps);
        }

        private static List<CloseApproach> deduplicate(List<CloseApproach> found) {
            List<CloseApproach> sorted = new ArrayList<>(found);
            sorted.sort(Comparator.comparingLong(CloseApproach::primaryNoradId)
                    .thenComparingLong(CloseApproach::secondaryNoradId).thenComparing(CloseApproach::tca));
            List<CloseApproach> out = new ArrayList<>();
            for (CloseApproach c : sorted) {
                if (!out.isEmpty()) {
                    CloseApproach last = out.get(out.size() - 1);
                    if (last.primaryNoradId() == c.primaryNoradId() && last.secondaryNoradId() == c.secondaryNoradId()
                            && Math.abs(last.tca().toEpochMilli() - c.tca().toEpochMilli()) < 1000) {
                        if (c.missDistanceMeters() < last.missDistanceMeters()) {
                            out.set(out.size() - 1, c);
                        }
                        continue;
                    }
                }
                out.add(c);
            }
            out.sort(Comparator.comparing(CloseApproach::tca).thenComparingLong(CloseApproach::primaryNoradId)
                    .thenComparingLong(CloseApproach::secondaryNoradId));
            return out;
        }
    }

    /** A broad-phase worker's arrays: per object of a step, and per grid entry (grown as needed). */
    private static final class Workspace {
        final int[] ids;
        final double[] box;
        /** Per object: the cell range of its box, lower x, y, z then upper x, y, z. */
        final int[] cells;
        final int[] big;
        final Candidates out = new Candidates();
        /** The times at which one object is propagated in a chunk, and their samples' places in the chunk. */
        final StateBatch batch = new StateBatch(CHUNK_STEPS + 1);
        final int[] slots = new int[CHUNK_STEPS + 1];
        int[] start = new int[0];
        int[] entryObject = new int[0];
        long[] entryCell = new long[0];
        long[] sweep = new long[0];
        /** The boxes (lower then upper corner) of the entries, in sweep order. */
        double[] sorted = new double[0];
        long[] sortedCell = new long[0];

        Workspace(int n) {
            ids = new int[n];
            box = new double[BOX * n];
            cells = new int[6 * n];
            big = new int[n];
        }

        void ensureEntries(int size, int buckets) {
            if (start.length < buckets + 2) {
                start = new int[buckets + 2];
            }
            if (entryObject.length < size) {
                int capacity = Math.max(size, entryObject.length + entryObject.length / 2);
                entryObject = new int[capacity];
                entryCell = new long[capacity];
                sweep = new long[capacity];
                sorted = new double[6 * capacity];
                sortedCell = new long[capacity];
            }
        }
    }

    /** A growable list of packed candidates. */
    private static final class Candidates {
        long[] values = new long[1024];
        int size;

        void clear() {
            size = 0;
        }

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /**
     * A bound on the norm of the fourth derivative of an SGP4 position (m/s^4) from {@code acceleration}, a bound on
     * the second derivative at or above one Earth radius R (at least the surface gravity mu / R^2):
     * 52 acceleration^2 / R. For Kepler motion, {@code d2x/dt2 = -mu x / r^3}; differentiating twice and bounding each
     * term by |x . v| <= r v gives {@code |d4x/dt4| <= mu (4 mu / r^5 + 24 v^2 / r^4)}, and on a bound orbit
     * {@code v^2 < 2 mu / r}, so {@code |d4x/dt4| <= 52 (mu / r^2)^2 / r}, largest at r = R. The J2 and lunar-solar
     * terms add under 1 % of it for the orbits that come close to the bound (low ones), the drag polynomials what
     * the acceleration bound adds to gravity (squared here). {@code ScreenerTest} checks it by finite differences
     * over the catalog.
     */
    static double fourthDerivativeBound(double acceleration) {
        return 52.0 * acceleration * acceleration / Sgp4.EARTH_RADIUS_METERS;
    }

    static double norm(double x, double y, double z) {
        return Math.sqrt(x * x + y * y + z * z);
    }

    /** Smallest norm of the segment from a to b. */
    static double segmentMinNorm(double ax, double ay, double az, double bx, double by, double bz) {
        double dx = bx - ax;
        double dy = by - ay;
        double dz = bz - az;
        double dd = dx * dx + dy * dy + dz * dz;
        double s = dd > 0 ? -(ax * dx + ay * dy + az * dz) / dd : 0;
        s = Math.max(0, Math.min(1, s));
        return norm(ax + s * dx, ay + s * dy, az + s * dz);
    }
}
