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
     * One step's sampled segments.
     *
     * @param step            the step's index (packed into the candidates)
     * @param start           positions at the step's start, 6 values per object (x, y, z first; metres)
     * @param end             the same at the step's end
     * @param validAtStart    which objects have a sample at the start
     * @param validAtEnd      which objects have a sample at the end
     * @param deviationMeters per object index (valid at both ends), a bound on how far its trajectory strays from the
     *                        chord between its two samples over the step
     */
    record StepSegments(int step, double[] start, double[] end, boolean[] validAtStart, boolean[] validAtEnd,
                        IntToDoubleFunction deviationMeters) {
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
     * Sub-steps per step for n objects: the cube root of n / 100,000, rounded (1 up to 337,000 objects). A grid pass
     * costs about the same per object whatever its parts' length, while the box overlaps of a pass fall about as the
     * square of the part's length and grow as n^2; measured (docs/benchmarks.md), two sub-steps cost 1.1 times one
     * at 26,389 objects and about the same at 100,000, so they pay only beyond.
     */
    static int subSteps(int n) {
        return (int) Math.max(1, Math.round(Math.cbrt((double) n / SUBSTEP_OBJECTS)));
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
                w.deviation[count] = segments.deviationMeters().applyAsDouble(i);
                w.ids[count++] = i;
            }
        }
        long[] counters = new long[2];
        Candidates out = w.out;
        out.clear();
        for (int sub = 0; sub < subSteps; sub++) {
            subStep(s0, s1, sub == 0 ? 0.0 : (double) sub / subSteps,
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
     * The grid pass of the part {@code [f0, f1]} (fractions of the step) of every object's chord: the sub-chord
     * between the chord's points at f0 and f1 ({@code (1 - f) p0 + f p1}, so that f = 0 and 1 give the samples
     * exactly), padded as the whole chord is.
     */
    private void subStep(double[] s0, double[] s1, double f0, double f1, int count, int step, Workspace w,
                         long[] counters) {
        Candidates out = w.out;
        double half = threshold / 2.0;
        double[] box = w.box;
        int[] cells = w.cells;
        long entries = 0;
        int bigCount = 0;
        for (int m = 0; m < count; m++) {
            int o = 6 * w.ids[m];
            int b = BOX * m;
            double d = w.deviation[m];
            double pad = d + half;
            long touched = 1;
            for (int ax = 0; ax < 3; ax++) {
                double p = (1 - f0) * s0[o + ax] + f0 * s1[o + ax];
                double q = (1 - f1) * s0[o + ax] + f1 * s1[o + ax];
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
