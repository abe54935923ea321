package org.concord.screening;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntToDoubleFunction;

/**
 * The broad phase of {@link Screener}: per step, the pairs of objects that may come within the threshold, by padded
 * segment boxes in a spatial hash, radial shells and the distance of the relative chord. Why no pair under the
 * threshold is left out is in {@link Screener}'s comment ("Why no approach under the threshold is missed").
 */
final class BroadPhase {

    /**
     * One step's sampled trajectories: per object the cubic (Hermite) curve through its positions and velocities at
     * the step's two ends, and a bound on how far the true trajectory strays from that curve over the step.
     *
     * @param step            the step's index (packed into the candidates)
     * @param durationSeconds the step's length
     * @param start           states at the step's start, 6 values per object (position, metres, then the curve's
     *                        velocity there, m/s: the exact velocity of a propagated sample, the interpolating
     *                        cubic's derivative at an interpolated one)
     * @param end             the same at the step's end
     * @param validAtStart    which objects have a sample at the start
     * @param validAtEnd      which objects have a sample at the end
     * @param curveErrorMeters per object index (valid at both ends), a bound on the distance between the object's
     *                        trajectory and the cubic Hermite curve through its two end states, at each time of the
     *                        step
     */
    record StepSegments(int step, double durationSeconds, double[] start, double[] end, boolean[] validAtStart,
                        boolean[] validAtEnd, IntToDoubleFunction curveErrorMeters) {
    }

    /** Pairs summed over the steps screened so far: boxes overlapping, also radial shells, also segment distance. */
    record PairCounts(long gridPairs, long radialPairs, long candidatePairs) {
    }

    private static final long MAX_CELLS_PER_BOX = 64;
    private static final double SUBSTEP_OBJECTS = 100_000;
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

    private final int n;
    private final double threshold;
    private final boolean[] primary;
    private final boolean oneVsAll;
    private final double cellSize;
    private final int subSteps;
    /** Each worker's arrays, reused from step to step. */
    private final ThreadLocal<Workspace> workspace;
    private final AtomicLong gridPairs = new AtomicLong();
    private final AtomicLong radialPairs = new AtomicLong();
    private final AtomicLong candidatePairs = new AtomicLong();

    /**
     * A broad phase over {@code n} objects (fewer than 2^21), steps of {@code stepSeconds}, the threshold in
     * metres; in a one-vs-all screening ({@code oneVsAll}) a pair is a candidate only if one of its objects is
     * flagged in {@code primary} (n flags).
     */
    BroadPhase(int n, double stepSeconds, double thresholdMeters, boolean[] primary, boolean oneVsAll) {
        this(n, stepSeconds, thresholdMeters, primary, oneVsAll, subSteps(n));
    }

    /** The same, with each step's chords cut into {@code subSteps} parts, each part its own grid pass. */
    BroadPhase(int n, double stepSeconds, double thresholdMeters, boolean[] primary, boolean oneVsAll,
               int subSteps) {
        if (subSteps < 1) {
            throw new IllegalArgumentException("sub-steps must be at least 1, not " + subSteps);
        }
        this.n = n;
        this.threshold = thresholdMeters;
        this.primary = primary;
        this.oneVsAll = oneVsAll;
        this.subSteps = subSteps;
        // cells about the size of a LEO sub-chord: boxes touch a few cells each
        this.cellSize = Math.max(20_000.0, stepSeconds / subSteps * CELL_SPEED) + thresholdMeters;
        this.workspace = ThreadLocal.withInitial(() -> new Workspace(n));
    }

    /**
     * Sub-steps per step for n objects: twice the cube root of n / 100,000, rounded (1 up to 42,000 objects, 2 up
     * to 195,000, 3 up to 535,000). The box overlaps of a pass grow as n^2 times the cube of a part's extent, a
     * pass costs about the same per object whatever its parts' length, so the cost per step, k passes of n objects
     * plus k n^2 / k^3 pairs, is least for k about the cube root of n; the factor 2 is measured
     * (docs/benchmarks.md: at 26,389 objects one pass, at 100,000 two).
     */
    static int subSteps(int n) {
        return (int) Math.max(1, Math.round(2 * Math.cbrt((double) n / SUBSTEP_OBJECTS)));
    }

    /** A candidate: step, then the two object indices (i &lt; j &lt; 2^21). */
    static long pack(int step, int i, int j) {
        return ((long) step << 42) | ((long) i << 21) | j;
    }

    static int step(long candidate) {
        return (int) (candidate >>> 42);
    }

    static int first(long candidate) {
        return (int) ((candidate >>> 21) & 0x1FFFFF);
    }

    static int second(long candidate) {
        return (int) (candidate & 0x1FFFFF);
    }

    PairCounts counts() {
        return new PairCounts(gridPairs.get(), radialPairs.get(), candidatePairs.get());
    }

    /**
     * The candidate pairs of one step: {@link #pack packed} (step, i, j) with i &lt; j object indices, each pair at
     * most once. Safe to call from several threads at once (each has its own arrays, reused from step to step).
     */
    long[] candidates(StepSegments segments) {
        double[] s0 = segments.start();
        double[] s1 = segments.end();
        boolean[] v0 = segments.validAtStart();
        boolean[] v1 = segments.validAtEnd();
        int step = segments.step();
        Workspace w = workspace.get();
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (v0[i] && v1[i]) {
                w.deviation[count] = segments.curveErrorMeters().applyAsDouble(i);
                w.ids[count++] = i;
            }
        }
        long[] counters = new long[2];
        Candidates out = w.out;
        out.clear();
        for (int sub = 0; sub < subSteps; sub++) {
            subStep(s0, s1, segments.durationSeconds(), sub == 0 ? 0.0 : (double) sub / subSteps,
                    sub == subSteps - 1 ? 1.0 : (double) (sub + 1) / subSteps, count, step, w, counters);
        }
        if (subSteps > 1) {
            out.removeDuplicates(); // a pair found in several sub-steps is one candidate of the step
        }
        gridPairs.addAndGet(counters[0]);
        radialPairs.addAndGet(counters[1]);
        candidatePairs.addAndGet(out.size);
        return out.toArray();
    }

    /**
     * The grid pass of the part {@code [f0, f1]} (fractions of the step) of every object's curve: the chord between
     * the curve's points at f0 and f1 (f = 0 and 1 give the samples exactly), padded by the curve error plus how far
     * the part of the curve strays from that chord (see {@link #chordDeviation}).
     */
    private void subStep(double[] s0, double[] s1, double duration, double f0, double f1, int count, int step,
                         Workspace w, long[] counters) {
        Candidates out = w.out;
        double half = threshold / 2.0;
        double[] box = w.box;
        int[] cells = w.cells;
        long entries = 0;
        int bigCount = 0;
        double lambda = f1 - f0;
        // the Hermite basis at f0 and f1: position weights (velocities times the step's length), then the
        // derivative's weights per unit of the part's own parameter (times the part's length)
        double[] at0 = hermite(f0, duration, lambda);
        double[] at1 = hermite(f1, duration, lambda);
        double[] d0 = new double[3];
        double[] d1 = new double[3];
        for (int m = 0; m < count; m++) {
            int o = 6 * w.ids[m];
            int b = BOX * m;
            for (int ax = 0; ax < 3; ax++) {
                double x0 = s0[o + ax];
                double u0 = s0[o + 3 + ax];
                double x1 = s1[o + ax];
                double u1 = s1[o + 3 + ax];
                box[b + P0 + ax] = at0[0] * x0 + at0[1] * u0 + at0[2] * x1 + at0[3] * u1;
                box[b + P1 + ax] = at1[0] * x0 + at1[1] * u0 + at1[2] * x1 + at1[3] * u1;
                d0[ax] = at0[4] * x0 + at0[5] * u0 + at0[6] * x1 + at0[7] * u1;
                d1[ax] = at1[4] * x0 + at1[5] * u0 + at1[6] * x1 + at1[7] * u1;
            }
            double d = w.deviation[m] + chordDeviation(box, b, d0, d1);
            double pad = d + half;
            long touched = 1;
            for (int ax = 0; ax < 3; ax++) {
                double p = box[b + P0 + ax];
                double q = box[b + P1 + ax];
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
            double r0 = Screener.norm(box[b + P0], box[b + P0 + 1], box[b + P0 + 2]);
            double r1 = Screener.norm(box[b + P1], box[b + P1 + 1], box[b + P1 + 2]);
            // the shell padded by the threshold here, so that the pair test compares shells directly
            box[b + RHI] = Math.max(r0, r1) + d + threshold;
            box[b + RLO] = Screener.segmentMinNorm(box[b + P0], box[b + P0 + 1], box[b + P0 + 2], box[b + P1],
                    box[b + P1 + 1], box[b + P1 + 2]) - d;
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
                System.arraycopy(box, BOX * (entryObject[entry] & OBJECT_MASK), sorted, BOX * p, BOX);
                sortedCell[p] = entryCell[entry];
            }
            for (int p = from; p < to; p++) {
                int ta = (int) sweep[p];
                long key = sortedCell[p];
                double lx = sorted[BOX * p];
                double ly = sorted[BOX * p + 1];
                double lz = sorted[BOX * p + 2];
                double hx = sorted[BOX * p + 3];
                double hy = sorted[BOX * p + 4];
                double hz = sorted[BOX * p + 5];
                for (int q = p + 1; q < to && (sweep[q] >> 32) <= hx; q++) {
                    int b = BOX * q;
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
                    testPair(w.ids[entryObject[ta & ENTRY_MASK] & OBJECT_MASK],
                            w.ids[entryObject[tb & ENTRY_MASK] & OBJECT_MASK], sorted, BOX * p, b, step, counters,
                            out);
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
                    testPair(w.ids[ma], w.ids[mb], box, BOX * ma, BOX * mb, step, counters, out);
                }
            }
        }
    }

    /**
     * The cubic Hermite basis at fraction {@code f} of a step of {@code duration} seconds: the weights of p0, v0, p1,
     * v1 in the curve's position there (exactly 1, 0, 0, 0 at f = 0 and 0, 0, 1, 0 at f = 1), then in its derivative
     * with respect to the parameter of a part {@code lambda} of the step long (lambda times the derivative with
     * respect to f).
     */
    static double[] hermite(double f, double duration, double lambda) {
        double f2 = f * f;
        double f3 = f2 * f;
        return new double[] {
            2 * f3 - 3 * f2 + 1, (f3 - 2 * f2 + f) * duration, 3 * f2 - 2 * f3, (f3 - f2) * duration,
            lambda * (6 * f2 - 6 * f), lambda * (3 * f2 - 4 * f + 1) * duration, lambda * (6 * f - 6 * f2),
            lambda * (3 * f2 - 2 * f) * duration};
    }

    /**
     * How far a cubic curve strays from its chord, at each value of its parameter u in [0, 1]: the curve's ends are
     * at {@code P0} and {@code P1} of {@code box} (offset b), its derivatives (per unit of u) there {@code d0} and
     * {@code d1}. In Bezier form the curve's control points are P0, P0 + d0/3, P1 - d1/3, P1 and the chord's (of
     * the same parameter, degree-elevated) P0, (2 P0 + P1)/3, (P0 + 2 P1)/3, P1; their difference is a cubic with
     * control points 0, (d0 - c)/3, (c - d1)/3, 0 (c = P1 - P0), a convex combination of them, so its norm is at most
     * the larger of |d0 - c|/3 and |d1 - c|/3.
     */
    private static double chordDeviation(double[] box, int b, double[] d0, double[] d1) {
        double cx = box[b + P1] - box[b + P0];
        double cy = box[b + P1 + 1] - box[b + P0 + 1];
        double cz = box[b + P1 + 2] - box[b + P0 + 2];
        double first = Screener.norm(d0[0] - cx, d0[1] - cy, d0[2] - cz);
        double last = Screener.norm(d1[0] - cx, d1[1] - cy, d1[2] - cz);
        return Math.max(first, last) / 3.0;
    }

    /**
     * The radial and segment-distance tests on objects ia, ib whose boxes overlap (their data at offsets a and b of
     * {@code box}); a candidate goes to
     * {@code out}.
     */
    private void testPair(int ia, int ib, double[] box, int a, int b, int step, long[] counters, Candidates out) {
        if (oneVsAll && !primary[ia] && !primary[ib]) {
            return;
        }
        counters[0]++;
        if (box[a + RLO] > box[b + RHI] || box[b + RLO] > box[a + RHI]) {
            return;
        }
        counters[1]++;
        double distance = Screener.segmentMinNorm(box[b + P0] - box[a + P0], box[b + P0 + 1] - box[a + P0 + 1],
                box[b + P0 + 2] - box[a + P0 + 2], box[b + P1] - box[a + P1], box[b + P1 + 1] - box[a + P1 + 1],
                box[b + P1 + 2] - box[a + P1 + 2]);
        if (distance > threshold + box[a + DEV] + box[b + DEV]) {
            return;
        }
        out.add(pack(step, Math.min(ia, ib), Math.max(ia, ib)));
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

    /** A broad-phase worker's arrays: per object of a step, and per grid entry (grown as needed). */
    private static final class Workspace {
        final int[] ids;
        /** Per object of the step: the bound on its deviation from its chord. */
        final double[] deviation;
        final double[] box;
        /** Per object: the cell range of its box, lower x, y, z then upper x, y, z. */
        final int[] cells;
        final int[] big;
        final Candidates out = new Candidates();
        int[] start = new int[0];
        int[] entryObject = new int[0];
        long[] entryCell = new long[0];
        long[] sweep = new long[0];
        /** The entries' objects' data (BOX doubles each), in sweep order, so that the pair tests read it nearby. */
        double[] sorted = new double[0];
        long[] sortedCell = new long[0];

        Workspace(int n) {
            ids = new int[n];
            deviation = new double[n];
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
                sorted = new double[BOX * capacity];
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

        /** Sorts the values and keeps one of each. */
        void removeDuplicates() {
            Arrays.sort(values, 0, size);
            int kept = 0;
            for (int i = 0; i < size; i++) {
                if (kept == 0 || values[i] != values[kept - 1]) {
                    values[kept++] = values[i];
                }
            }
            size = kept;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
