package org.concord.screening;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;

import org.concord.catalog.OrbitRecord.TimeSpan;
import org.concord.conjunction.RtnProjection;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.orekit.frames.Frame;
import org.orekit.frames.FramesFactory;
import org.orekit.propagation.BoundedPropagator;
import org.orekit.propagation.analytical.tle.TLEConstants;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScale;
import org.orekit.time.TimeScales;
import org.orekit.utils.Constants;
import org.orekit.utils.PVCoordinates;

/**
 * One-vs-all screening of an ephemeris (an uploaded OEM, interpolated by Orekit) against element sets (SGP4/SDP4
 * through {@link BatchSgp4}), within the parts of the ephemeris' segments that fall in the window. The primary is
 * taken to TEME, where SGP4's states are.
 *
 * <h2>Stages</h2>
 * <ol>
 *     <li><b>Radial shells of the whole span.</b> Over each screened span the primary's radius lies within
 *     {@code [Rmin, Rmax]}: the smallest distance of each step's chord to the Earth's centre minus {@code dev_p},
 *     the largest sampled radius plus {@code dev_p} (see below). A secondary is propagated further only if its
 *     shell, the osculating perigee and apogee radii of its SGP4 states at both ends of the span widened by
 *     {@value #SHELL_MARGIN_METERS} m, comes within the threshold {@code D} of {@code [Rmin, Rmax]}.</li>
 *     <li><b>Per step.</b> Time is cut into steps of {@code h} ({@link ScreeningParameters#stepSeconds()}); the
 *     secondaries that pass are propagated at every step boundary. A (secondary, step) pair goes to refinement when
 *     the two radial shells of the step, padded by {@code D}, overlap (as in {@link Screener}) and the chord between
 *     the two sampled relative positions comes within {@code D + dev_p + dev_s} of the origin.</li>
 *     <li><b>Refinement</b> as in {@link Screener}: the range rate sampled every at most 5 s, Brent's method to
 *     1e-7 s on each change of sign from negative to non-negative; minima under {@code D} are reported, an
 *     encounter found from two neighbouring steps once. Unlike SGP4, an interpolated ephemeris wiggles: see
 *     {@link #ENCOUNTER_HALF_WIDTH_SECONDS} for how its spurious minima are told from encounters.</li>
 * </ol>
 *
 * <h2>Why no approach under the threshold is missed</h2>
 * A trajectory whose second derivative is bounded by {@code A} over a step stays within {@code A h^2 / 8} of its
 * chord (see {@link Screener}). For a secondary, {@code dev_s} uses SGP4's bound ({@link BatchSgp4#accelerationBound}
 * over {@link Screener#MAX_ACCELERATION}), as the all-vs-all screening does. The primary is an ephemeris that may
 * hold a manoeuvre, so its bound is gravity's {@link Screener#MAX_ACCELERATION} plus a thrust allowance of
 * {@value #THRUST_ALLOWANCE} m/s^2 (one g, beyond the thrust of satellites' chemical and electric engines):
 * {@code dev_p = (10.5 + 9.81) h^2 / 8}, 9.1 km at 60 s. An impulsive manoeuvre must be a break between segments
 * (the usual OEM form), not a jump inside one, whose interpolation no bound covers. Then if the two objects come
 * within D at some time of a step, the relative position is within {@code dev_p + dev_s} of the relative chord, so
 * the chord passes within {@code D + dev_p + dev_s} of the origin, and both radii lie in their step shells, which
 * then come within D of each other. The span-wide shell filter rests on SGP4's radius staying within
 * {@link #shellMargin} of the osculating perigee-apogee range at the span's ends: drag only lowers it between them,
 * J2's short-period terms move it by tens of kilometres in low orbit, the Moon and Sun move a high orbit's by up to
 * 0.05 % of its apogee in a week. {@code EphemerisScreenerTest} checks it on the bundled catalog over a week, every
 * 30 minutes (at most 0.35 of the margin). Secondaries whose SGP4 fails at either end of the
 * span skip that filter. A secondary is dropped from the first sample at which SGP4 raises an error or its drag
 * polynomials run away ({@link Screener#NON_PHYSICAL_DRAG}), as in {@link Screener}.
 */
public final class EphemerisScreener {

    private final TimeScale utc;

    /** A screener that reads the window's start in the UTC of {@code timeScales}. */
    public EphemerisScreener(TimeScales timeScales) {
        this.utc = timeScales.getUTC();
    }

    /** Thrust acceleration allowed for the primary beyond gravity, m/s^2. */
    public static final double THRUST_ALLOWANCE = Constants.G0_STANDARD_GRAVITY;
    /** Widening of a secondary's osculating perigee-apogee shell: this many metres plus a fraction of the apogee. */
    public static final double SHELL_MARGIN_METERS = 50_000.0;
    public static final double SHELL_MARGIN_APOGEE_FRACTION = 0.005;

    private static final double PRIMARY_ACCELERATION = Screener.MAX_ACCELERATION + THRUST_ALLOWANCE;
    private static final double REFINE_SUBSTEP = 5.0;
    private static final int OBJECT_BLOCK = 64;
    /**
     * Half-width of one encounter, seconds. An interpolated ephemeris wiggles at the spacing of its states by about
     * the mismatch between its velocities and the derivative of its positions (centimetres per second for states
     * sampled from SGP4): for co-orbital pairs, moving apart at centimetres to metres per second, that adds range
     * minima tens of seconds apart within one encounter, and near a range maximum. A minimum is kept only if the
     * range is larger this long before and after it, and minima of one pair this close are one encounter (the
     * closest kept). Real encounters of a pair are minutes apart at least.
     */
    static final double ENCOUNTER_HALF_WIDTH_SECONDS = 60.0;

    /**
     * Screens {@code primary} against {@code secondaries} over {@code [start, start + window]} of
     * {@code parameters} (its primaries are ignored), with {@code parameters.thresholdMeters()} as {@code D}; the
     * close approaches have the primary as primary (orbit id 0: the ephemeris is not a stored record).
     *
     * @throws IllegalArgumentException when no segment of the ephemeris overlaps the window
     */
    public ScreeningResult screen(EphemerisPrimary primary, List<ScreeningObject> secondaries,
                                  ScreeningParameters parameters, DoubleConsumer progress) {
        Instant end = parameters.start().plus(parameters.window());
        List<TimeSpan> spans = primary.spansWithin(parameters.start(), end);
        if (spans.isEmpty()) {
            throw new IllegalArgumentException("the ephemeris " + primary.sourceName() + " covers "
                    + primary.coverage().start() + " to " + primary.coverage().stop()
                    + ", which does not overlap the window " + parameters.start() + " to " + end);
        }
        return Screener.inPool(parameters.threads(),
                () -> new Run(primary, secondaries, parameters, spans, progress, utc).run());
    }

    private static final class Run {

        private final EphemerisPrimary primary;
        private final List<ScreeningObject> secondaries;
        private final List<TimeSpan> spans;
        private final DoubleConsumer progress;
        private final double threshold;
        private final double h;
        private final AbsoluteDate reference;
        private final Instant start;
        private final Frame teme = FramesFactory.getTEME();
        private final BatchSgp4 kernel;
        /** Sample at which each secondary failed (counted over all spans), or Integer.MAX_VALUE. */
        private final int[] failedAt;
        private final int[] errorCode;
        private final AtomicLong gridPairs = new AtomicLong();
        private final AtomicLong radialPairs = new AtomicLong();
        private final AtomicLong candidatePairs = new AtomicLong();
        private final AtomicLong propagations = new AtomicLong();

        Run(EphemerisPrimary primary, List<ScreeningObject> secondaries, ScreeningParameters parameters,
            List<TimeSpan> spans, DoubleConsumer progress, TimeScale utc) {
            this.primary = primary;
            this.secondaries = secondaries;
            this.spans = spans;
            this.progress = progress;
            this.threshold = parameters.thresholdMeters();
            this.h = parameters.stepSeconds();
            this.start = parameters.start();
            this.reference = new AbsoluteDate(start, utc);
            this.kernel = BatchSgp4.of(secondaries.stream().map(ScreeningObject::tle).toList(), reference);
            this.failedAt = new int[secondaries.size()];
            Arrays.fill(failedAt, Integer.MAX_VALUE);
            this.errorCode = new int[secondaries.size()];
        }

        /** The samples of one span: times (seconds from the reference) and the primary's TEME positions. */
        private record Samples(BoundedPropagator trajectory, double[] times, double[] positions, int offset) {
            int steps() {
                return times.length - 1;
            }
        }

        ScreeningResult run() {
            long t0 = System.nanoTime();
            double propagationSeconds = 0;
            double broadSeconds = 0;
            double refineSeconds = 0;
            List<CloseApproach> found = new ArrayList<>();
            int sampleOffset = 0;
            int totalSamples = 0;
            for (int s = 0; s < spans.size(); s++) {
                TimeSpan span = spans.get(s);
                long a = System.nanoTime();
                Samples samples = samples(span, sampleOffset);
                sampleOffset += samples.times().length;
                totalSamples += samples.times().length;
                int[] candidates = shellFilter(samples);
                long b = System.nanoTime();
                propagationSeconds += (b - a) / 1e9;
                List<long[]> perBlock = IntStream.range(0, (candidates.length + OBJECT_BLOCK - 1) / OBJECT_BLOCK)
                        .parallel().mapToObj(block -> {
                            int to = Math.min(candidates.length, (block + 1) * OBJECT_BLOCK);
                            long[] out = new long[0];
                            for (int m = block * OBJECT_BLOCK; m < to; m++) {
                                out = concat(out, steps(candidates[m], samples));
                            }
                            return out;
                        }).toList();
                long c = System.nanoTime();
                broadSeconds += (c - b) / 1e9;
                for (long[] block : perBlock) {
                    for (long candidate : block) {
                        found.addAll(refine(samples, (int) (candidate >>> 32), (int) candidate));
                    }
                }
                refineSeconds += (System.nanoTime() - c) / 1e9;
                progress.accept((s + 1.0) / spans.size());
            }
            List<CloseApproach> merged = deduplicate(found);
            Map<Long, Integer> excluded = new HashMap<>();
            int deep = 0;
            for (int j = 0; j < secondaries.size(); j++) {
                if (failedAt[j] != Integer.MAX_VALUE) {
                    excluded.put(secondaries.get(j).noradId(), errorCode[j]);
                }
                if (kernel.deepSpace(j)) {
                    deep++;
                }
            }
            return new ScreeningResult(merged, new ScreeningStatistics(secondaries.size(), deep, excluded.size(),
                    totalSamples, propagations.get(), gridPairs.get(), radialPairs.get(), candidatePairs.get(),
                    merged.size(), propagationSeconds, broadSeconds, refineSeconds, (System.nanoTime() - t0) / 1e9),
                    excluded);
        }

        private Samples samples(TimeSpan span, int offset) {
            BoundedPropagator trajectory = primary.segmentHolding(span).orElseThrow().trajectory();
            double from = seconds(span.start());
            double length = seconds(span.stop()) - from;
            int steps = Math.max(1, (int) Math.ceil(length / h - 1e-9));
            double[] times = new double[steps + 1];
            double[] positions = new double[3 * (steps + 1)];
            for (int k = 0; k <= steps; k++) {
                times[k] = from + Math.min(k * h, length);
                double[] pv = primaryState(trajectory, times[k]);
                System.arraycopy(pv, 0, positions, 3 * k, 3);
            }
            return new Samples(trajectory, times, positions, offset);
        }

        private double seconds(Instant instant) {
            return Duration.between(start, instant).toNanos() / 1e9;
        }

        private double primaryDeviation(double dt) {
            return PRIMARY_ACCELERATION * dt * dt / 8.0;
        }

        /** The secondaries whose osculating shells at the span's ends come near the primary's radius range. */
        private int[] shellFilter(Samples samples) {
            double rMin = Double.POSITIVE_INFINITY;
            double rMax = 0;
            double[] p = samples.positions();
            for (int k = 0; k < samples.steps(); k++) {
                double dev = primaryDeviation(samples.times()[k + 1] - samples.times()[k]);
                rMin = Math.min(rMin, Screener.segmentMinNorm(p[3 * k], p[3 * k + 1], p[3 * k + 2], p[3 * k + 3],
                        p[3 * k + 4], p[3 * k + 5]) - dev);
                rMax = Math.max(rMax, Math.max(norm(p, 3 * k), norm(p, 3 * k + 3)) + dev);
            }
            double low = rMin - threshold;
            double high = rMax + threshold;
            double first = samples.times()[0];
            double last = samples.times()[samples.steps()];
            propagations.addAndGet(2L * secondaries.size());
            return IntStream.range(0, secondaries.size()).parallel().filter(j -> {
                double[] state = new double[6];
                double perigee = Double.POSITIVE_INFINITY;
                double apogee = 0;
                for (double t : new double[] {first, last}) {
                    if (kernel.propagate(j, t, state, 0) != 0) {
                        return true; // let the per-step samples find where it fails
                    }
                    double[] shell = osculatingShell(state);
                    perigee = Math.min(perigee, shell[0]);
                    apogee = Math.max(apogee, shell[1]);
                }
                double margin = shellMargin(apogee);
                return apogee + margin >= low && perigee - margin <= high;
            }).toArray();
        }

        /**
         * The steps of one secondary that pass the radial and relative-chord tests, packed as
         * {@code secondary << 32 | step}.
         */
        private long[] steps(int j, Samples samples) {
            double[] p = samples.positions();
            double[] times = samples.times();
            double[] s0 = new double[6];
            double[] s1 = new double[6];
            long[] out = new long[0];
            int count = 0;
            boolean previousValid = false;
            long examined = 0;
            long radial = 0;
            for (int k = 0; k <= samples.steps(); k++) {
                int sample = samples.offset() + k;
                boolean valid = failedAt[j] > sample && propagateChecked(j, times[k], s1, sample);
                if (valid && previousValid) {
                    int step = k - 1;
                    double dt = times[k] - times[step];
                    double devS = kernel.accelerationBound(j, times[step], times[k], Screener.MAX_ACCELERATION)
                            * dt * dt / 8.0;
                    double devP = primaryDeviation(dt);
                    int o = 3 * step;
                    examined++;
                    double pLow = Screener.segmentMinNorm(p[o], p[o + 1], p[o + 2], p[o + 3], p[o + 4], p[o + 5])
                            - devP;
                    double pHigh = Math.max(norm(p, o), norm(p, o + 3)) + devP;
                    double sLow = Screener.segmentMinNorm(s0[0], s0[1], s0[2], s1[0], s1[1], s1[2]) - devS;
                    double sHigh = Math.max(Screener.norm(s0[0], s0[1], s0[2]), Screener.norm(s1[0], s1[1], s1[2]))
                            + devS;
                    if (pLow <= sHigh + threshold && sLow <= pHigh + threshold) {
                        radial++;
                        double distance = Screener.segmentMinNorm(s0[0] - p[o], s0[1] - p[o + 1], s0[2] - p[o + 2],
                                s1[0] - p[o + 3], s1[1] - p[o + 4], s1[2] - p[o + 5]);
                        if (distance <= threshold + devP + devS) {
                            if (count == out.length) {
                                out = Arrays.copyOf(out, Math.max(4, 2 * count));
                            }
                            out[count++] = ((long) j << 32) | step;
                        }
                    }
                }
                previousValid = valid;
                double[] swap = s0;
                s0 = s1;
                s1 = swap;
            }
            propagations.addAndGet(samples.steps() + 1);
            gridPairs.addAndGet(examined);
            radialPairs.addAndGet(radial);
            candidatePairs.addAndGet(count);
            return Arrays.copyOf(out, count);
        }

        /** Propagates secondary j; on an SGP4 error or runaway drag records where it failed and returns false. */
        private boolean propagateChecked(int j, double t, double[] out, int sample) {
            int code = kernel.propagate(j, t, out, 0);
            if (code == 0 && kernel.accelerationBound(j, t, t, Screener.MAX_ACCELERATION)
                    > Screener.NON_PHYSICAL_ACCELERATION) {
                code = Screener.NON_PHYSICAL_DRAG;
            }
            if (code != 0) {
                failedAt[j] = Math.min(failedAt[j], sample);
                errorCode[j] = code;
                return false;
            }
            return true;
        }

        private List<CloseApproach> refine(Samples samples, int j, int step) {
            double ta = samples.times()[step];
            double tb = samples.times()[step + 1];
            int sub = Math.max(1, (int) Math.ceil((tb - ta) / REFINE_SUBSTEP - 1e-9));
            double[] secondary = new double[6];
            UnivariateFunction rangeRate = t -> rangeRate(samples.trajectory(), j, t, secondary);
            List<CloseApproach> result = new ArrayList<>(1);
            double previousT = ta;
            double previous = rangeRate.value(ta);
            for (int m = 1; m <= sub; m++) {
                double t = m == sub ? tb : ta + (tb - ta) * m / sub;
                double value = rangeRate.value(t);
                if (!Double.isNaN(value) && !Double.isNaN(previous) && previous < 0 && value >= 0) {
                    double tca = value == 0 ? t : new BrentSolver(1e-7).solve(100, rangeRate, previousT, t);
                    if (isMinimumOfItsEncounter(samples, j, tca)) {
                        approach(samples.trajectory(), j, tca).ifPresent(result::add);
                    }
                }
                previous = value;
                previousT = t;
            }
            return result;
        }

        /**
         * Whether the range at {@code tca} is below the range {@link #ENCOUNTER_HALF_WIDTH_SECONDS} before and after
         * (within the span; where SGP4 fails there, that side is not compared).
         */
        private boolean isMinimumOfItsEncounter(Samples samples, int j, double tca) {
            double first = samples.times()[0];
            double last = samples.times()[samples.steps()];
            double range = range(samples.trajectory(), j, tca);
            for (double t : new double[] {Math.max(first, tca - ENCOUNTER_HALF_WIDTH_SECONDS),
                    Math.min(last, tca + ENCOUNTER_HALF_WIDTH_SECONDS)}) {
                if (Math.abs(t - tca) > 1e-3 && range(samples.trajectory(), j, t) <= range) {
                    return false;
                }
            }
            return true;
        }

        /** |r_s - r_p| at t; +infinity where SGP4 fails. */
        private double range(BoundedPropagator trajectory, int j, double t) {
            double[] secondary = new double[6];
            if (kernel.propagate(j, t, secondary, 0) != 0) {
                return Double.POSITIVE_INFINITY;
            }
            double[] p = primaryState(trajectory, t);
            return Screener.norm(secondary[0] - p[0], secondary[1] - p[1], secondary[2] - p[2]);
        }

        /** (r_s - r_p) . (v_s - v_p) at t; NaN where SGP4 fails. */
        private double rangeRate(BoundedPropagator trajectory, int j, double t, double[] secondary) {
            if (kernel.propagate(j, t, secondary, 0) != 0) {
                return Double.NaN;
            }
            double[] p = primaryState(trajectory, t);
            double s = 0;
            for (int ax = 0; ax < 3; ax++) {
                s += (secondary[ax] - p[ax]) * (secondary[3 + ax] - p[3 + ax]);
            }
            return s;
        }

        private double[] primaryState(BoundedPropagator trajectory, double t) {
            PVCoordinates pv = trajectory.getPVCoordinates(reference.shiftedBy(t), teme);
            return new double[] {pv.getPosition().getX(), pv.getPosition().getY(), pv.getPosition().getZ(),
                    pv.getVelocity().getX(), pv.getVelocity().getY(), pv.getVelocity().getZ()};
        }

        private Optional<CloseApproach> approach(BoundedPropagator trajectory, int j, double t) {
            double[] ps = new double[6];
            if (kernel.propagate(j, t, ps, 0) != 0) {
                return Optional.empty();
            }
            double[] pp = primaryState(trajectory, t);
            double dx = ps[0] - pp[0];
            double dy = ps[1] - pp[1];
            double dz = ps[2] - pp[2];
            double miss = Screener.norm(dx, dy, dz);
            if (!(miss < threshold)) {
                return Optional.empty();
            }
            double[] rtn = RtnProjection.project(pp, dx, dy, dz);
            ScreeningObject s = secondaries.get(j);
            return Optional.of(new CloseApproach(primary.noradId(), s.noradId(), 0, s.orbitId(),
                    start.plusNanos(Math.round(t * 1e9)), miss,
                    Screener.norm(ps[3] - pp[3], ps[4] - pp[4], ps[5] - pp[5]), rtn[0], rtn[1], rtn[2], pp, ps));
        }

        private static List<CloseApproach> deduplicate(List<CloseApproach> found) {
            List<CloseApproach> sorted = new ArrayList<>(found);
            sorted.sort(Comparator.comparingLong(CloseApproach::secondaryNoradId).thenComparing(CloseApproach::tca));
            List<CloseApproach> out = new ArrayList<>();
            for (CloseApproach c : sorted) {
                if (!out.isEmpty()) {
                    CloseApproach last = out.get(out.size() - 1);
                    if (last.secondaryNoradId() == c.secondaryNoradId()
                            && Duration.between(last.tca(), c.tca()).abs().toNanos()
                            < ENCOUNTER_HALF_WIDTH_SECONDS * 1e9) {
                        if (c.missDistanceMeters() < last.missDistanceMeters()) {
                            out.set(out.size() - 1, c);
                        }
                        continue;
                    }
                }
                out.add(c);
            }
            out.sort(Comparator.comparing(CloseApproach::tca).thenComparingLong(CloseApproach::secondaryNoradId));
            return out;
        }

        private static long[] concat(long[] a, long[] b) {
            if (a.length == 0) {
                return b;
            }
            long[] c = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, c, a.length, b.length);
            return c;
        }
    }

    /** How far beyond its osculating perigee-apogee range an SGP4 trajectory of this apogee radius may go, m. */
    static double shellMargin(double apogeeMeters) {
        return SHELL_MARGIN_METERS + SHELL_MARGIN_APOGEE_FRACTION * apogeeMeters;
    }

    /** Osculating perigee and apogee radii (m) of a TEME state under SGP4's WGS-72 gravity; apogee infinite when
     * the state is not bound. */
    static double[] osculatingShell(double[] state) {
        double mu = TLEConstants.MU;
        double r = Screener.norm(state[0], state[1], state[2]);
        double v2 = state[3] * state[3] + state[4] * state[4] + state[5] * state[5];
        double energy = v2 / 2 - mu / r;
        double hx = state[1] * state[5] - state[2] * state[4];
        double hy = state[2] * state[3] - state[0] * state[5];
        double hz = state[0] * state[4] - state[1] * state[3];
        double h2 = hx * hx + hy * hy + hz * hz;
        double e = Math.sqrt(Math.max(0, 1 + 2 * energy * h2 / (mu * mu)));
        if (energy >= 0) {
            return new double[] {h2 / (mu * (1 + e)), Double.POSITIVE_INFINITY};
        }
        double a = -mu / (2 * energy);
        return new double[] {a * (1 - e), a * (1 + e)};
    }

    private static double norm(double[] p, int o) {
        return Screener.norm(p[o], p[o + 1], p[o + 2]);
    }
}
