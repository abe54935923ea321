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
 *     <li><b>Curves, parts, segment boxes and a spatial hash.</b> Over a step, an object's trajectory stays within
 *     {@code e} of the cubic Hermite curve through its states (position and velocity) at the step's two ends (see
 *     below; about 0.5 km at 60 s steps). The step is cut into {@code k} equal parts in time ({@link BroadPhase}:
 *     {@code k} about twice the cube root of objects / 100,000: one part up to 42,000 objects, two from there to
 *     195,000); on each part the curve strays from the chord between its points at the part's two ends by at most
 *     {@code c}, computed per object and part (below), so the trajectory stays within {@code dev = e + c} of that
 *     chord. Each object's part chord is enclosed in an axis-aligned box padded by {@code dev + D/2} ({@code D} the
 *     threshold) and the box is entered in every cell of a uniform grid it touches; two objects are compared only if
 *     their boxes share a cell and overlap. Each pair is counted once, in the cell holding the lower corner of the
 *     two boxes' intersection; the next two tests are made on the part, and a pair found in several parts is one
 *     candidate of the step. The cell size (the distance a LEO object covers in a part at 10 km/s, at least 20 km,
 *     plus D) only sets the speed: a box is entered in every cell it touches (one touching more than 64 is tested
 *     against every object), so any cell size finds the same pairs.</li>
 *     <li><b>Radial shells (perigee/apogee filter).</b> Over the part, the object's radius stays within
 *     {@code [min |chord| - dev, max(|p0|, |p1|) + dev]}; pairs whose shells, padded by D, do not overlap are
 *     dropped.</li>
 *     <li><b>Segment distance.</b> The relative position stays within {@code dev_i + dev_j} of the relative chord
 *     (the difference of the two chords); a pair goes to refinement only if that relative chord comes within
 *     {@code D + dev_i + dev_j} of the origin.</li>
 *     <li><b>Refinement.</b> On each candidate step the range rate {@code f = dr . dv} (exact SGP4 from the kernel) is
 *     sampled every at most 5 s, skipping ahead where the range and relative speed at a sample show that the range
 *     stays over the threshold (with the objects' acceleration bounds, see {@code clearance}); each change of sign
 *     from negative to non-negative brackets a range minimum, solved with Brent's method to 1e-6 s. Minima under the threshold are reported; hits of one encounter from
 *     neighbouring steps (a TCA on a step boundary) are merged.</li>
 * </ol>
 *
 * <h2>Why no approach under the threshold is missed</h2>
 * If {@code x(t)} has {@code |x''''| <= B} on a span of length {@code s}, it differs from the cubic Hermite curve
 * through its positions and velocities at the span's two ends by at most {@code B tau^2 (1 - tau)^2 s^4 / 4! <=
 * B s^4 / 384} (the error of cubic Hermite interpolation, tau the fraction of the span), component by component and
 * in norm ({@link #curveError}). {@code B} is {@link #fourthDerivativeBound} of {@code A}, a bound on the second
 * derivative of an SGP4 position, the model's acceleration: central gravity (at most 9.80 m/s^2 at or above the
 * 6,378.135 km radius below which SGP4 raises error 6 and the object is excluded) plus J2 (under 0.5 % of it) and
 * the slow secular/drag terms; {@code A} = {@value #MAX_ACCELERATION} m/s^2 bounds it with margin; SGP4's secular
 * drag polynomials add to it, bounded per object by {@link BatchSgp4#accelerationBound} ({@code ScreenerTest}
 * checks both bounds by finite differences over the catalog: the catalog stays under 5 % of B). Samples are
 * propagated, with their velocities, at even step boundaries; an odd one is the Hermite cubic through its two even
 * neighbours, its velocity the cubic's derivative there, so the cubic through the states at a step's two ends is
 * the interpolating cubic itself on that step, within {@code e = B (2h)^4 / 384} of the trajectory (about 0.5 km
 * for 60 s steps); where both ends are propagated, {@code e = B h^4 / 384}. On a part of the step, with u the
 * part's own time in [0, 1], that curve is a cubic with ends P0, P1 and derivatives (per unit of u) d0, d1; in
 * Bezier form its control points are P0, P0 + d0/3, P1 - d1/3, P1; the chord of the same time, {@code (1 - u) P0 +
 * u P1}, degree-elevated, has P0, (2 P0 + P1)/3, (P0 + 2 P1)/3, P1; their difference is the cubic with control
 * points 0, (d0 - (P1 - P0))/3, ((P1 - P0) - d1)/3, 0, at each u a convex combination of them, so its norm is at
 * most {@code c = max(|d0 - (P1 - P0)|, |d1 - (P1 - P0)|) / 3} (about 3.8 km for a LEO orbit over a whole 60 s
 * step, a quarter of that over half a step). So at each time t of the part the object lies within {@code dev = e +
 * c} of its chord's point of the same time, and what follows holds for the part (its box, its shell, whose largest
 * radius is at an end since the norm is convex, and the relative chord, whose point of time t is the difference of
 * the two chords' points, within {@code dev_i + dev_j} of the relative position).
 * Hence if two objects come within D at some time {@code t} of a step, in the part holding t each is within
 * {@code dev} of its chord (so inside its box shrunk by {@code D/2},
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
        private final Instant start;
        private final BroadPhase broadPhase;
        private final ThreadLocal<SampleBuffers> sampleBuffers = ThreadLocal.withInitial(SampleBuffers::new);
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
            this.broadPhase = new BroadPhase(n, h, threshold, primary, oneVsAll);
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
                            SampleBuffers w = sampleBuffers.get();
                            for (int j = block * OBJECT_BLOCK; j < Math.min(n, (block + 1) * OBJECT_BLOCK); j++) {
                                exact += sampleChunk(j, base, from, last, states, valid, error, w);
                            }
                            return exact;
                        }).sum();
                long b = System.nanoTime();
                propagationSeconds += (b - a) / 1e9;

                List<long[]> perStep = IntStream.range(0, last).parallel()
                        .mapToObj(s -> broadPhase.candidates(segments(base + s, states[s], states[s + 1], valid[s],
                                valid[s + 1], error[s], error[s + 1])))
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
            BroadPhase.PairCounts pairs = broadPhase.counts();
            ScreeningStatistics statistics = new ScreeningStatistics(n, deep, excluded.size(), steps + 1,
                    propagations, pairs.gridPairs(), pairs.radialPairs(), pairs.candidatePairs(), merged.size(),
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
                                double[][] error, SampleBuffers w) {
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
            if (!settle(j, k, batch.code(m))) {
                return false;
            }
            batch.copyState(m, state, 6 * j);
            return true;
        }

        /** Propagates object j to sample k, recording a failure (an SGP4 error or runaway drag terms). */
        private boolean sample(int j, int k, double[] state) {
            return settle(j, k, kernel.propagate(j, sampleTime(k), state, 6 * j));
        }

        /**
         * Whether object j's state at sample k, propagated with this SGP4 code, may be used: not when SGP4 failed or
         * its drag terms run away (a non-physical acceleration), which is then recorded as the object's failure.
         */
        private boolean settle(int j, int k, int sgp4Code) {
            int code = sgp4Code;
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
         * Object j's state at odd sample k by cubic Hermite interpolation between the propagated samples k - 1
         * and k + 1, written to {@code state} (the velocity is the interpolating cubic's derivative, so that the
         * cubic through this state and either neighbour's is the same curve). Returns the bound on the distance
         * between the object's trajectory and that cubic at every time between the two samples ({@link
         * #curveError}), or -1 where the sample must be propagated instead: where the drag terms may have run away,
         * or the object may be under one Earth radius (errors a propagation would raise).
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
            // the cubic's derivative (d/dt)
            double d00 = (6 * tau2 - 6 * tau) / span;
            double d10 = 3 * tau2 - 4 * tau + 1;
            double d01 = (6 * tau - 6 * tau2) / span;
            double d11 = 3 * tau2 - 2 * tau;
            int o = 6 * j;
            for (int ax = 0; ax < 3; ax++) {
                state[o + ax] = h00 * before[o + ax] + h10 * before[o + 3 + ax] + h01 * after[o + ax]
                        + h11 * after[o + 3 + ax];
                state[o + 3 + ax] = d00 * before[o + ax] + d10 * before[o + 3 + ax] + d01 * after[o + ax]
                        + d11 * after[o + 3 + ax];
            }
            // the error of cubic Hermite interpolation, |d4x/dt4| tau^2 (1 - tau)^2 span^4 / 4!, at its largest
            // (tau = 1/2): a bound at every time of the span, not only at this sample
            double bound = curveError(a, span);
            double radius = norm(state[o], state[o + 1], state[o + 2]);
            return radius - bound >= Sgp4.EARTH_RADIUS_METERS ? bound : -1;
        }


        /**
         * Step {@code step}'s curves between the samples s0 and s1 (validity v0, v1, interpolation error bounds
         * e0, e1): each object's trajectory stays within {@code e} of the cubic Hermite curve through its two end
         * states: the interpolation's bound where one end is interpolated (the step is half of the interpolated
         * span, and the cubic through the interpolated state and the propagated one is the interpolating cubic),
         * else the same bound for the step itself (see the class comment).
         */
        private BroadPhase.StepSegments segments(int step, double[] s0, double[] s1, boolean[] v0, boolean[] v1,
                                                 double[] e0, double[] e1) {
            double t0 = sampleTime(step);
            double t1 = sampleTime(step + 1);
            double dt = t1 - t0;
            return new BroadPhase.StepSegments(step, dt, s0, s1, v0, v1, id -> {
                double interpolated = Math.max(e0[id], e1[id]);
                return interpolated > 0 ? interpolated
                        : curveError(kernel.accelerationBound(id, t0, t1, MAX_ACCELERATION), dt);
            });
        }

        List<CloseApproach> refine(long candidate) {
            int step = BroadPhase.step(candidate);
            int i = BroadPhase.first(candidate);
            int j = BroadPhase.second(candidate);
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

    /** A sampling worker's buffers: the times at which one object is propagated in a chunk, and their places. */
    private static final class SampleBuffers {
        final StateBatch batch = new StateBatch(CHUNK_STEPS + 1);
        final int[] slots = new int[CHUNK_STEPS + 1];
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

    /**
     * The largest distance between a trajectory whose second derivative stays under {@code acceleration} (at or
     * above one Earth radius) and the cubic Hermite curve through its positions and velocities at both ends of a
     * span of {@code spanSeconds}: {@code B tau^2 (1 - tau)^2 span^4 / 4!} at its largest (tau = 1/2), B the bound
     * of {@link #fourthDerivativeBound}.
     */
    static double curveError(double acceleration, double spanSeconds) {
        double s2 = spanSeconds * spanSeconds;
        return fourthDerivativeBound(acceleration) * s2 * s2 / 384.0;
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
