package org.concord.orbit;

import java.util.Locale;

import org.hipparchus.util.FastMath;
import org.hipparchus.util.MathUtils;
import org.orekit.attitudes.FrameAlignedProvider;
import org.orekit.errors.OrekitException;
import org.orekit.errors.OrekitMessages;
import org.orekit.frames.Frame;
import org.orekit.frames.FramesFactory;
import org.orekit.propagation.Propagator;
import org.orekit.propagation.analytical.tle.DeepSDP4;
import org.orekit.propagation.analytical.tle.SGP4;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.propagation.analytical.tle.TLEConstants;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;

/**
 * SGP4/SDP4 through Orekit's {@link TLEPropagator}, made to give what Vallado's reference code gives, errors included.
 * <p>
 * Orekit's {@code SGP4} and {@code DeepSDP4} are subclassed (their state is in protected fields) to:
 * <ul>
 *     <li>raise Vallado's error codes (see {@link Sgp4Error}) where Orekit goes on computing: 1 and 2 from the mean
 *     elements after the secular and drag terms, 3 after the lunar-solar periodics, 4 from the semi-latus rectum,
 *     6 from the radius. Code 1 for near-Earth orbits needs the eccentricity before Orekit clamps it to 1e-6; it is
 *     recomputed from the same drag terms;</li>
 *     <li>recover the semi-major axis as Vallado does ({@link Sgp4Commons});</li>
 *     <li>clamp the deep-space mean eccentricity to 1e-6 before the lunar-solar periodics, as Vallado does and Orekit
 *     does not (50 m on verification case 33335, e = 4e-7);</li>
 *     <li>take Vallado's "Lyddane choice": the periodics are applied directly only when the perturbed inclination is
 *     at least +0.2 rad, where Orekit tests its absolute value (28,000 km on case 20413 after 3.5 years, once the
 *     inclination has drifted below -0.2 rad).</li>
 * </ul>
 * Everything else (the secular, resonance and periodic terms, Kepler's equation, the short-period terms) is Orekit's.
 * Instances are not thread-safe; build one per thread.
 */
public final class Sgp4 {

    /** WGS-72 equatorial radius, SGP4's unit of length and the radius of Vallado's decay check (code 6). */
    public static final double EARTH_RADIUS_METERS = TLEConstants.EARTH_RADIUS * 1000.0;

    private static final double LYDDANE_INCLINATION = 0.2;

    private final TLE tle;
    private final TLEPropagator propagator;
    private final boolean deepSpace;

    private Sgp4(TLE tle, TLEPropagator propagator, boolean deepSpace) {
        this.tle = tle;
        this.propagator = propagator;
        this.deepSpace = deepSpace;
    }

    /** An SGP4 (period under 225 min) or SDP4 propagator for this element set, in Orekit's TEME. */
    public static Sgp4 of(TLE tle) {
        Sgp4Commons commons = Sgp4Commons.of(tle);
        Frame teme = FramesFactory.getTEME();
        try {
            return commons.deepSpace() ? new Sgp4(tle, new DeepSpace(tle, teme), true)
                    : new Sgp4(tle, new NearEarth(tle, teme), false);
        } catch (OrekitException e) {
            throw PropagationException.unreadable("Orekit cannot initialise SGP4 for element set "
                    + tle.getSatelliteNumber() + ": " + e.getMessage(), e);
        }
    }

    public TLE tle() {
        return tle;
    }

    /** Whether the deep-space terms (SDP4) are used. */
    public boolean deepSpace() {
        return deepSpace;
    }

    /**
     * Position (m) and velocity (m/s) in TEME at {@code date}.
     *
     * @throws PropagationException of kind {@link PropagationException.Kind#SGP4_ERROR} where Vallado's code returns
     *                              an error
     */
    public PVCoordinates temePv(AbsoluteDate date) {
        PVCoordinates pv;
        try {
            pv = propagator.getPVCoordinates(date);
        } catch (Sgp4Failure failure) {
            throw PropagationException.sgp4(failure.error, date.toInstant(), minutes(date), failure.detail);
        } catch (OrekitException e) {
            if (e.getSpecifier() == OrekitMessages.TOO_LARGE_ECCENTRICITY_FOR_PROPAGATION_MODEL) {
                throw PropagationException.sgp4(deepSpace ? Sgp4Error.PERTURBED_ECCENTRICITY_OUT_OF_RANGE
                                : Sgp4Error.MEAN_ELEMENTS_OUT_OF_RANGE, date.toInstant(), minutes(date),
                        "eccentricity within 1e-6 of 1, where Orekit cannot solve Kepler's equation");
            }
            throw PropagationException.failed(date.toInstant(), "SGP4 failed for element set "
                    + tle.getSatelliteNumber() + ": " + e.getMessage(), e);
        }
        double radius = pv.getPosition().getNorm();
        if (!(radius >= EARTH_RADIUS_METERS)) {
            throw PropagationException.sgp4(Sgp4Error.DECAYED, date.toInstant(), minutes(date),
                    String.format(Locale.ROOT, "radius %.6f Earth radii (%.3f km) is below 1", radius
                            / EARTH_RADIUS_METERS, radius / 1000.0));
        }
        return pv;
    }

    private double minutes(AbsoluteDate date) {
        return date.durationFrom(tle.getDate()) / 60.0;
    }

    /** A failed check inside Orekit's propagation; converted to a {@link PropagationException} by the caller. */
    static final class Sgp4Failure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final Sgp4Error error;
        final String detail;

        Sgp4Failure(Sgp4Error error, String detail) {
            super(detail, null, false, false);
            this.error = error;
            this.detail = detail;
        }
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    /** Vallado's pl: the semi-latus rectum of the long-period-perturbed elements, in Earth radii. */
    private static double semiLatusRectum(double a, double e, double omega, double sini) {
        // axn^2 + ayn^2 with axn = e cos(omega), ayn = e sin(omega) + k
        double k = 0.25 * TLEConstants.A3OVK2 * sini / (a * (1.0 - e * e));
        return a * (1.0 - (e * e + k * (2.0 * e * FastMath.sin(omega) + k)));
    }

    /*
     * Both subclasses: the TLEPropagator constructor calls sxpInitialize (which overwrites Orekit's epoch quantities
     * with Vallado's, see Sgp4Commons) and propagates to the epoch before the subclass constructor body runs, so the
     * fields written then must not have initialisers (they would be reset), and
     * a failed check at that moment must not throw (the epoch may be the only bad time): it leaves harmless elements so
     * that Orekit can build its unused initial state, and the check fires again when that time is asked for.
     */

    private static final class NearEarth extends SGP4 {

        private Sgp4Commons commons;
        private double bstar;
        private double e0;
        private double m0;
        private double argp0;
        private double sinM0;
        private Sgp4Failure failure;
        private boolean constructed;

        NearEarth(TLE tle, Frame teme) {
            super(tle, FrameAlignedProvider.of(teme), Propagator.DEFAULT_MASS, teme);
            constructed = true;
        }

        @Override
        protected void sxpInitialize() {
            commons = Sgp4Commons.of(tle);
            bstar = tle.getBStar();
            e0 = tle.getE();
            m0 = tle.getMeanAnomaly();
            argp0 = tle.getPerigeeArgument();
            sinM0 = FastMath.sin(m0);
            cosi0 = commons.cosi0();
            sini0 = commons.sini0();
            theta2 = commons.theta2();
            e0sq = commons.e0sq();
            beta02 = commons.beta02();
            beta0 = commons.beta0();
            xn0dp = commons.xn0dp();
            a0dp = commons.a0dp();
            perige = commons.perige();
            s4 = commons.s4();
            tsi = commons.tsi();
            eta = commons.eta();
            etasq = commons.etasq();
            eeta = commons.eeta();
            coef = commons.coef();
            coef1 = commons.coef1();
            c1 = commons.c1();
            c2 = commons.c2();
            c4 = commons.c4();
            xmdot = commons.xmdot();
            omgdot = commons.omgdot();
            xnodot = commons.xnodot();
            xnodcf = commons.xnodcf();
            t2cof = commons.t2cof();
            super.sxpInitialize();
        }

        @Override
        protected void sxpPropagate(double t) {
            failure = null;
            super.sxpPropagate(t);
            // Orekit clamps e to 1e-6 before code 1 can be checked: recompute Vallado's em from the same drag terms
            double tempe = bstar * commons.c4() * t;
            if (perige >= 220.0) {
                double xmp = m0 + xmdot * t + argp0 + omgdot * t - omega;
                tempe += bstar * commons.c5() * (FastMath.sin(xmp) - sinM0);
            }
            double meanE = e0 - tempe;
            if (meanE >= 1.0 || meanE < -0.001) {
                fail(Sgp4Error.MEAN_ELEMENTS_OUT_OF_RANGE,
                        format("mean eccentricity %.6f is outside [-0.001, 1)", meanE));
            } else {
                double pl = semiLatusRectum(a, e, omega, sini0);
                if (!(pl >= 0.0)) {
                    fail(Sgp4Error.NEGATIVE_SEMI_LATUS_RECTUM, format("semi-latus rectum %.6f is below zero", pl));
                }
            }
            conclude();
        }

        private void fail(Sgp4Error error, String detail) {
            if (failure == null) {
                failure = new Sgp4Failure(error, detail);
            }
        }

        private void conclude() {
            if (failure != null && constructed) {
                throw failure;
            }
            if (!constructed && (failure != null || e > 1.0 - 1.0e-6)) {
                a = 2.0;
                e = 0.1;
                xl = 0.0;
            }
        }
    }

    private static final class DeepSpace extends DeepSDP4 {

        private Sgp4Failure failure;
        private boolean constructed;

        DeepSpace(TLE tle, Frame teme) {
            super(tle, FrameAlignedProvider.of(teme), Propagator.DEFAULT_MASS, teme);
            constructed = true;
        }

        @Override
        protected void sxpInitialize() {
            Sgp4Commons commons = Sgp4Commons.of(tle);
            cosi0 = commons.cosi0();
            sini0 = commons.sini0();
            theta2 = commons.theta2();
            e0sq = commons.e0sq();
            beta02 = commons.beta02();
            beta0 = commons.beta0();
            xn0dp = commons.xn0dp();
            a0dp = commons.a0dp();
            perige = commons.perige();
            s4 = commons.s4();
            tsi = commons.tsi();
            eta = commons.eta();
            etasq = commons.etasq();
            eeta = commons.eeta();
            coef = commons.coef();
            coef1 = commons.coef1();
            c1 = commons.c1();
            c2 = commons.c2();
            c4 = commons.c4();
            xmdot = commons.xmdot();
            omgdot = commons.omgdot();
            xnodot = commons.xnodot();
            xnodcf = commons.xnodcf();
            t2cof = commons.t2cof();
            super.sxpInitialize();
        }

        @Override
        protected void sxpPropagate(double t) {
            failure = null;
            super.sxpPropagate(t);
            if (failure == null) {
                double pl = semiLatusRectum(a, e, omega, sini0);
                if (!(pl >= 0.0)) {
                    fail(Sgp4Error.NEGATIVE_SEMI_LATUS_RECTUM, format("semi-latus rectum %.6f is below zero", pl));
                }
            }
            if (failure != null && constructed) {
                throw failure;
            }
            if (!constructed && (failure != null || e > 1.0 - 1.0e-6)) {
                a = 2.0;
                e = 0.1;
                xl = 0.0;
            }
        }

        /** Called by SDP4 with the secular mean elements (em after drag, xn after resonance) in the fields. */
        @Override
        protected void deepPeriodicEffects(double t) {
            if (!(xn > 0.0)) {
                fail(Sgp4Error.NEGATIVE_MEAN_MOTION, format("mean motion %.9f rad/min is not positive", xn));
            } else if (em >= 1.0 || em < -0.001) {
                fail(Sgp4Error.MEAN_ELEMENTS_OUT_OF_RANGE,
                        format("mean eccentricity %.6f is outside [-0.001, 1)", em));
            }
            if (em < 1.0e-6) {
                em = 1.0e-6;
            }
            double inclinationBefore = xinc;
            double nodeBefore = xnode;
            double perigeeBefore = omgadf;
            super.deepPeriodicEffects(t);
            valladoLyddaneChoice(inclinationBefore, nodeBefore, perigeeBefore);
            if (failure == null && (em < 0.0 || em > 1.0)) {
                fail(Sgp4Error.PERTURBED_ECCENTRICITY_OUT_OF_RANGE,
                        format("perturbed eccentricity %.6f is outside [0, 1]", em));
            }
        }

        /**
         * Orekit applies the lunar-solar periodics to node and perigee directly when |inclination| >= 0.2 rad and with
         * Lyddane's modification otherwise; Vallado's code applies them directly only when inclination >= +0.2 rad, and
         * its Lyddane form uses the node reduced to (-2 pi, 2 pi). The inputs of Orekit's step (ph, pgh, pinc) are
         * recovered from what it changed, and the step is redone where the two codes differ.
         */
        private void valladoLyddaneChoice(double inclinationBefore, double nodeBefore, double perigeeBefore) {
            double pinc = MathUtils.normalizeAngle(xinc - inclinationBefore, 0.0);
            double inclination = inclinationBefore + pinc;
            boolean orekitDirect = FastMath.abs(xinc) >= LYDDANE_INCLINATION;
            boolean valladoDirect = inclination >= LYDDANE_INCLINATION;
            double sinI = FastMath.sin(inclination);
            double cosI = FastMath.cos(inclination);
            double node0 = nodeBefore % MathUtils.TWO_PI;
            if (orekitDirect && !valladoDirect) {
                double nodeShift = xnode - nodeBefore;
                double ph = nodeShift * sinI;
                double pgh = omgadf - perigeeBefore + cosI * nodeShift;
                double sinNode = FastMath.sin(node0);
                double cosNode = FastMath.cos(node0);
                double alfdp = sinI * sinNode + ph * cosNode + pinc * cosI * sinNode;
                double betdp = sinI * cosNode - ph * sinNode + pinc * cosI * cosNode;
                double node1 = FastMath.atan2(alfdp, betdp);
                if (FastMath.abs(node0 - node1) > FastMath.PI) {
                    node1 += node1 < node0 ? MathUtils.TWO_PI : -MathUtils.TWO_PI;
                }
                omgadf = perigeeBefore + pgh - pinc * node0 * sinI + cosI * (node0 - node1);
                xnode = nodeBefore + (node1 - node0);
            } else if (!orekitDirect && !valladoDirect) {
                omgadf += (nodeBefore - node0) * sinI * pinc;
            }
        }

        private void fail(Sgp4Error error, String detail) {
            if (failure == null) {
                failure = new Sgp4Failure(error, detail);
            }
        }
    }
}
