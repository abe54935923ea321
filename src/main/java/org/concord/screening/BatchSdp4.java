package org.concord.screening;

import java.util.List;

import org.concord.orbit.Sgp4;
import org.concord.orbit.Sgp4Commons;
import org.concord.orbit.Sgp4Error;
import org.hipparchus.util.MathUtils;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.propagation.analytical.tle.TLEConstants;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.DateTimeComponents;
import org.orekit.utils.Constants;

/**
 * SDP4, the deep-space half of SGP4 (period of 225 min or more), for many objects at once: every quantity that depends
 * only on the element set is computed once per object, at construction, into a structure of arrays (one
 * {@code double[]} per quantity, indexed by the object's rank among the deep-space objects); what depends on the time
 * is then a short straight-line computation with no allocation. It computes what the project's {@link Sgp4} computes
 * (Orekit's {@code DeepSDP4} + {@code SDP4} + {@code TLEPropagator}, the epoch quantities of {@link Sgp4Commons}, and
 * Vallado's error checks, eccentricity clamp and Lyddane choice), with the same Vallado error codes: 2 (mean motion not
 * positive after the resonance terms), 1 (mean eccentricity after drag outside [-0.001, 1)), 3 (eccentricity after the
 * lunar-solar periodics outside [0, 1], or within 1e-6 of 1), 4 (semi-latus rectum below zero), 6 (under one Earth
 * radius).
 * <p>
 * The names are those of Spacetrack Report #3 and Vallado's {@code dscom}/{@code dsinit}/{@code dspace}/{@code dpper},
 * as Orekit keeps them: for the lunar-solar terms, {@code s*} are the solar and {@code x*}/{@code e*} the lunar
 * coefficients; the second letter names the element they perturb ({@code e} eccentricity, {@code i} inclination,
 * {@code l} mean longitude, {@code gh} argument of perigee, {@code h} node); the digits are the harmonic (2 and 3: the
 * {@code f2}, {@code f3} terms of twice the third body's true anomaly, 4: its sine). {@code ss*} are the secular rates
 * the Sun and Moon add (rad/min), {@code zmos}/{@code zmol} the Sun's and Moon's mean anomalies at epoch.
 * <p>
 * <b>Resonance.</b> Orbits of 12 h with e &ge; 0.5, and of about one day (0.8 to 1.2 revolutions a day), feel the
 * tesseral harmonics: SDP4 integrates the resonant mean longitude {@code xli} and mean motion {@code xni} from epoch
 * with a second-order Taylor step of 720 min, always from epoch (Orekit's Dundee-compliant mode), the last step
 * shorter. The states the integrator passes through at 0, &plusmn;720, &plusmn;1440, ... min are the same whatever the
 * time asked for, so they are kept (with the derivatives at each) in {@link Resonance}, computed once as far as the
 * times asked reach; a time then costs the one last step, a polynomial in the time from its node (no sine, no
 * cosine), where Orekit integrates from epoch at every call (hundreds of steps for an element set weeks old).
 * <p>
 * Thread-safe: the coefficients are never written after construction, and a resonance's nodes are extended under its
 * lock and published whole.
 */
final class BatchSdp4 {

    /** The resonance integrator's step (min). */
    static final double STEP_MINUTES = 720.0;
    private static final double TWO_PI = 2.0 * Math.PI;
    /** Below this inclination (3 degrees) the node's lunar-solar terms are left out (they divide by sin i). */
    private static final double LOW_INCLINATION = Math.PI / 60.0;
    /** Vallado's Lyddane choice: the periodics are applied directly to node and perigee from this inclination up. */
    private static final double LYDDANE_INCLINATION = 0.2;

    private final int size;
    final double[] epochOffset;
    final double[] m0;
    final double[] argp0;
    final double[] raan0;
    final double[] e0;
    final double[] i0;
    final double[] bstarC4;
    final double[] xmdot;
    final double[] omgdot;
    final double[] xnodot;
    final double[] xnodcf;
    final double[] c1;
    final double[] t2cof;
    final double[] xn0dp;
    // secular lunar-solar rates
    final double[] sse;
    final double[] ssi;
    final double[] ssl;
    final double[] ssh;
    final double[] ssg;
    // solar periodic coefficients
    final double[] se2;
    final double[] se3;
    final double[] si2;
    final double[] si3;
    final double[] sl2;
    final double[] sl3;
    final double[] sl4;
    final double[] sgh2;
    final double[] sgh3;
    final double[] sgh4;
    final double[] sh2;
    final double[] sh3;
    // lunar periodic coefficients
    final double[] ee2;
    final double[] e3;
    final double[] xi2;
    final double[] xi3;
    final double[] xl2;
    final double[] xl3;
    final double[] xl4;
    final double[] xgh2;
    final double[] xgh3;
    final double[] xgh4;
    final double[] xh2;
    final double[] xh3;
    final double[] zmos;
    final double[] zmol;
    /** The resonance of each object, or none (an empty slot is never read: see {@link #resonant}). */
    final Resonance[] resonance;
    final boolean[] resonant;

    private BatchSdp4(int n) {
        size = n;
        epochOffset = new double[n];
        m0 = new double[n];
        argp0 = new double[n];
        raan0 = new double[n];
        e0 = new double[n];
        i0 = new double[n];
        bstarC4 = new double[n];
        xmdot = new double[n];
        omgdot = new double[n];
        xnodot = new double[n];
        xnodcf = new double[n];
        c1 = new double[n];
        t2cof = new double[n];
        xn0dp = new double[n];
        sse = new double[n];
        ssi = new double[n];
        ssl = new double[n];
        ssh = new double[n];
        ssg = new double[n];
        se2 = new double[n];
        se3 = new double[n];
        si2 = new double[n];
        si3 = new double[n];
        sl2 = new double[n];
        sl3 = new double[n];
        sl4 = new double[n];
        sgh2 = new double[n];
        sgh3 = new double[n];
        sgh4 = new double[n];
        sh2 = new double[n];
        sh3 = new double[n];
        ee2 = new double[n];
        e3 = new double[n];
        xi2 = new double[n];
        xi3 = new double[n];
        xl2 = new double[n];
        xl3 = new double[n];
        xl4 = new double[n];
        xgh2 = new double[n];
        xgh3 = new double[n];
        xgh4 = new double[n];
        xh2 = new double[n];
        xh3 = new double[n];
        zmos = new double[n];
        zmol = new double[n];
        resonance = new Resonance[n];
        resonant = new boolean[n];
    }

    int size() {
        return size;
    }

    /** The deep-space kernel of these (deep-space) element sets, times counted in seconds from {@code reference}. */
    static BatchSdp4 of(List<TLE> tles, AbsoluteDate reference) {
        BatchSdp4 k = new BatchSdp4(tles.size());
        for (int d = 0; d < tles.size(); d++) {
            k.initialise(d, tles.get(d), reference);
        }
        return k;
    }

    /** Orekit's {@code TLEPropagator.initializeCommons} (as {@link Sgp4Commons}) and {@code DeepSDP4}'s set-up. */
    private void initialise(int d, TLE tle, AbsoluteDate reference) {
        Sgp4Commons c = Sgp4Commons.of(tle);
        double e = tle.getE();
        double inclination = tle.getI();
        double argp = tle.getPerigeeArgument();
        double raan = tle.getRaan();
        epochOffset[d] = tle.getDate().durationFrom(reference);
        m0[d] = tle.getMeanAnomaly();
        argp0[d] = argp;
        raan0[d] = raan;
        e0[d] = e;
        i0[d] = inclination;
        bstarC4[d] = tle.getBStar() * c.c4();
        xmdot[d] = c.xmdot();
        omgdot[d] = c.omgdot();
        xnodot[d] = c.xnodot();
        xnodcf[d] = c.xnodcf();
        c1[d] = c.c1();
        t2cof[d] = c.t2cof();
        xn0dp[d] = c.xn0dp();

        double cosi0 = c.cosi0();
        double sini0 = c.sini0();
        double e0sq = c.e0sq();
        double beta0 = c.beta0();
        double beta02 = c.beta02();
        double sing = Math.sin(argp);
        double cosg = Math.cos(argp);
        double sinq = Math.sin(raan);
        double cosq = Math.cos(raan);
        double aqnv = 1.0 / c.a0dp();
        double xnq = c.xn0dp();

        // days from 1900 January 0.5 (JD 2415020), the epoch of the Sun's and Moon's mean elements below
        double julianDate = tle.getDate().getComponents(tle.getUtc()).offsetFrom(DateTimeComponents.JULIAN_EPOCH)
                / Constants.JULIAN_DAY;
        double daysSince1900 = julianDate - 2415020;
        double thgr = siderealAngle(julianDate);

        // the Moon's orbit: its node, the inclination of its orbit on the equator, its mean anomaly
        double xnodce = 4.5236020 - 9.2422029e-4 * daysSince1900;
        double stem = Math.sin(xnodce);
        double ctem = Math.cos(xnodce);
        double zcosil = 0.91375164 - 0.03568096 * ctem;
        double zsinil = Math.sqrt(1.0 - zcosil * zcosil);
        double zsinhl = 0.089683511 * stem / zsinil;
        double zcoshl = Math.sqrt(1.0 - zsinhl * zsinhl);
        zmol[d] = MathUtils.normalizeAngle(0.228027132 * daysSince1900 - 1.1151842, Math.PI);
        double gam = 5.8351514 + 0.0019443680 * daysSince1900;
        double zx = 0.39785416 * stem / zsinil;
        double zy = zcoshl * ctem + 0.91744867 * zsinhl * stem;
        zx = Math.atan2(zx, zy) + gam - xnodce;
        double zcosgl = Math.cos(zx);
        double zsingl = Math.sin(zx);
        zmos[d] = MathUtils.normalizeAngle(6.2565837 + 0.017201977 * daysSince1900, Math.PI);

        // the Sun's terms (its orbit is the ecliptic, inclined 23.44 deg on the equator; its perigee at 281 deg),
        // then the Moon's (its orbit's node and inclination at epoch, from above): Orekit's two passes
        boolean lowInclination = inclination < LOW_INCLINATION;
        ThirdBody sun = ThirdBody.of(0.1945905, -0.98088458, 0.91744867, 0.39785416, cosq, sinq,
                TLEConstants.C1SS, TLEConstants.ZES, TLEConstants.ZNS, cosi0, sini0, cosg, sing, e, e0sq, beta0,
                beta02, xnq, lowInclination);
        ThirdBody moon = ThirdBody.of(zcosgl, zsingl, zcosil, zsinil, zcoshl * cosq + zsinhl * sinq,
                sinq * zcoshl - cosq * zsinhl, TLEConstants.C1L, TLEConstants.ZEL, TLEConstants.ZNL, cosi0, sini0,
                cosg, sing, e, e0sq, beta0, beta02, xnq, lowInclination);
        double sunNodeRate = lowInclination ? 0 : sun.sh / sini0;
        sse[d] = sun.se + moon.se;
        ssi[d] = sun.si + moon.si;
        ssl[d] = sun.sl + moon.sl;
        ssg[d] = (sun.sgh - cosi0 * sunNodeRate) + (moon.sgh - (lowInclination ? 0 : cosi0 / sini0 * moon.sh));
        ssh[d] = sunNodeRate + (lowInclination ? 0 : moon.sh / sini0);
        se2[d] = sun.e2;
        se3[d] = sun.e3;
        si2[d] = sun.i2;
        si3[d] = sun.i3;
        sl2[d] = sun.l2;
        sl3[d] = sun.l3;
        sl4[d] = sun.l4;
        sgh2[d] = sun.gh2;
        sgh3[d] = sun.gh3;
        sgh4[d] = sun.gh4;
        sh2[d] = sun.h2;
        sh3[d] = sun.h3;
        ee2[d] = moon.e2;
        e3[d] = moon.e3;
        xi2[d] = moon.i2;
        xi3[d] = moon.i3;
        xl2[d] = moon.l2;
        xl3[d] = moon.l3;
        xl4[d] = moon.l4;
        xgh2[d] = moon.gh2;
        xgh3[d] = moon.gh3;
        xgh4[d] = moon.gh4;
        xh2[d] = moon.h2;
        xh3[d] = moon.h3;

        // resonance: 12 h orbits of e >= 0.5 (1.893 to 2.118 revolutions a day), or about a day (0.8 to 1.2)
        if (xnq >= 0.00826 && xnq <= 0.00924 && e >= 0.5) {
            resonance[d] = Resonance.halfDay(c, e, tle.getMeanAnomaly(), raan, argp, thgr, aqnv,
                    ssl[d] + ssh[d] + ssh[d]);
            resonant[d] = true;
        } else if (xnq < 0.0052359877 && xnq > 0.0034906585) {
            resonance[d] = Resonance.day(c, tle.getMeanAnomaly(), raan, argp, thgr, aqnv, ssl[d], ssg[d], ssh[d]);
            resonant[d] = true;
        }
    }

    /**
     * The Greenwich sidereal angle (rad) at a UTC Julian date as Orekit's {@code SDP4.thetaG} computes it (1992
     * Astronomical Almanac, page B6), for the resonance's phase.
     */
    private static double siderealAngle(double julianDate) {
        double ut = (julianDate + 0.5) % 1;
        double secondsPerDay = Constants.JULIAN_DAY;
        double centuries = (julianDate - ut - 2451545.0) / 36525.;
        double gmst = 24110.54841 + centuries * (8640184.812866 + centuries * (0.093104 - centuries * 6.2E-6));
        gmst = (gmst + secondsPerDay * 1.00273790934 * ut) % secondsPerDay;
        if (gmst < 0.) {
            gmst += secondsPerDay;
        }
        return TWO_PI * gmst / secondsPerDay;
    }

    /**
     * Object {@code d} at {@code seconds} after the reference date: position (m) and velocity (m/s) in TEME written to
     * {@code out[offset .. offset + 5]}.
     *
     * @return 0, or the Vallado error code (nothing is written then)
     */
    int propagate(int d, double seconds, double[] out, int offset) {
        double t = (seconds - epochOffset[d]) / 60.0;

        // SDP4.sxpPropagate: secular gravity and drag
        double omgadf = argp0[d] + omgdot[d] * t;
        double xnoddf = raan0[d] + xnodot[d] * t;
        double tsq = t * t;
        double xnode = xnoddf + xnodcf[d] * tsq;
        double xn = xn0dp[d];
        double xll = m0[d] + xmdot[d] * t;

        // DeepSDP4.deepSecularEffects: lunar-solar secular rates, resonance
        xll += ssl[d] * t;
        omgadf += ssg[d] * t;
        xnode += ssh[d] * t;
        double em = e0[d] + sse[d] * t;
        double xinc = i0[d] + ssi[d] * t;
        if (resonant[d]) {
            Resonance res = resonance[d];
            int node = Resonance.node(t);
            double[] nodes = res.nodes(node);
            int at = 4 * Math.abs(node);
            double atime = node * STEP_MINUTES;
            double xli = nodes[at];
            double xni = nodes[at + 1];
            double dot = nodes[at + 2];
            double dot2 = nodes[at + 3];
            // the integrator's last step, from the node to t (Orekit's order of operations)
            double delt = t - atime;
            double xldot = xni + res.xfact;
            xli += delt * xldot;
            xni += delt * dot;
            double deltFactor = delt * (delt / 2);
            xli += deltFactor * dot;
            xni += deltFactor * (dot2 * xldot);
            xn = xni;
            double temp = -xnode + res.thgr + t * TLEConstants.THDT;
            xll = xli + temp + (res.synchronous ? -omgadf : temp);
        }

        double tempa = 1 - c1[d] * t;
        double a = Math.pow(TLEConstants.XKE / xn, TLEConstants.TWO_THIRD) * tempa * tempa;
        em -= bstarC4[d] * t;
        xll += xn0dp[d] * t2cof[d] * tsq;

        // Sgp4.DeepSpace.deepPeriodicEffects: Vallado's checks on the mean elements, and clamp
        if (!(xn > 0.0)) {
            return Sgp4Error.NEGATIVE_MEAN_MOTION.code();
        }
        if (em >= 1.0 || em < -0.001) {
            return Sgp4Error.MEAN_ELEMENTS_OUT_OF_RANGE.code();
        }
        if (em < 1.0e-6) {
            em = 1.0e-6;
        }

        // DeepSDP4.deepPeriodicEffects: the Sun's and the Moon's periodics at t
        double zm = zmos[d] + TLEConstants.ZNS * t;
        double zf = zm + 2 * TLEConstants.ZES * Math.sin(zm);
        double sinzf = Math.sin(zf);
        double f2 = 0.5 * sinzf * sinzf - 0.25;
        double f3 = -0.5 * sinzf * Math.cos(zf);
        double ses = se2[d] * f2 + se3[d] * f3;
        double sis = si2[d] * f2 + si3[d] * f3;
        double sls = sl2[d] * f2 + sl3[d] * f3 + sl4[d] * sinzf;
        double sghs = sgh2[d] * f2 + sgh3[d] * f3 + sgh4[d] * sinzf;
        double shs = sh2[d] * f2 + sh3[d] * f3;
        zm = zmol[d] + TLEConstants.ZNL * t;
        zf = zm + 2 * TLEConstants.ZEL * Math.sin(zm);
        sinzf = Math.sin(zf);
        f2 = 0.5 * sinzf * sinzf - 0.25;
        f3 = -0.5 * sinzf * Math.cos(zf);
        double sel = ee2[d] * f2 + e3[d] * f3;
        double sil = xi2[d] * f2 + xi3[d] * f3;
        double sll = xl2[d] * f2 + xl3[d] * f3 + xl4[d] * sinzf;
        double sghl = xgh2[d] * f2 + xgh3[d] * f3 + xgh4[d] * sinzf;
        double shl = xh2[d] * f2 + xh3[d] * f3;
        double pe = ses + sel;
        double pinc = sis + sil;
        double pl = sls + sll;
        double pgh = sghs + sghl;
        double ph = shs + shl;

        xinc += pinc;
        double sinis = Math.sin(xinc);
        double cosis = Math.cos(xinc);
        em += pe;
        xll += pl;
        omgadf += pgh;
        if (xinc >= LYDDANE_INCLINATION) {
            // periodics applied directly
            double temp = ph / sinis;
            omgadf -= cosis * temp;
            xnode += temp;
        } else {
            // Lyddane's modification (Vallado's form: the node reduced to (-2 pi, 2 pi) in the perigee's term)
            double sinok = Math.sin(xnode);
            double cosok = Math.cos(xnode);
            double alfdp = ph * cosok + (pinc * cosis + sinis) * sinok;
            double betdp = -ph * sinok + (pinc * cosis + sinis) * cosok;
            double deltaNode = MathUtils.normalizeAngle(Math.atan2(alfdp, betdp) - xnode, 0);
            double node0 = xnode % TWO_PI;
            omgadf += -node0 * sinis * pinc - cosis * deltaNode;
            xnode += deltaNode;
        }
        if (em < 0.0 || em > 1.0) {
            return Sgp4Error.PERTURBED_ECCENTRICITY_OUT_OF_RANGE.code();
        }
        xinc = MathUtils.normalizeAngle(xinc, 0);

        // SDP4.sxpPropagate, end: the short periodics use the perturbed inclination (Dundee)
        double xl = xll + omgadf + xnode;
        double sini = Math.sin(xinc);
        double cosi = Math.cos(xinc);
        double cosi2 = cosi * cosi;
        double xlcof = 0.125 * TLEConstants.A3OVK2 * sini * (3.0 + 5.0 * cosi) / (1.0 + cosi);
        double aycof = 0.25 * TLEConstants.A3OVK2 * sini;
        return BatchSgp4.state(a, em, omgadf, xl, xnode, xinc, sini, cosi, xlcof, aycof, 3.0 * cosi2 - 1.0,
                1.0 - cosi2, 7.0 * cosi2 - 1.0, Sgp4Error.PERTURBED_ECCENTRICITY_OUT_OF_RANGE.code(), out, offset);
    }

    /**
     * One third body's lunar-solar coefficients (Orekit's {@code luniSolarTermsComputation}, one pass; Vallado's
     * {@code dscom}): the secular rates {@code se}, {@code si}, {@code sl}, {@code sgh}, {@code sh} (rad/min) and the
     * periodic coefficients.
     */
    private record ThirdBody(double se, double si, double sl, double sgh, double sh, double e2, double e3, double i2,
                             double i3, double l2, double l3, double l4, double gh2, double gh3, double gh4,
                             double h2, double h3) {

        /**
         * @param zcosg, zsing  cosine and sine of the body's argument of perigee
         * @param zcosi, zsini  of its inclination on the equator
         * @param zcosh, zsinh  of its node relative to the satellite's
         * @param cc            its strength ({@code C1SS}, {@code C1L})
         * @param ze            its orbit's eccentricity
         * @param zn            its mean motion (rad/min)
         */
        static ThirdBody of(double zcosg, double zsing, double zcosi, double zsini, double zcosh, double zsinh,
                            double cc, double ze, double zn, double cosi0, double sini0, double cosg, double sing,
                            double e, double e0sq, double beta0, double beta02, double xnq, boolean lowInclination) {
            double a1 = zcosg * zcosh + zsing * zcosi * zsinh;
            double a3 = -zsing * zcosh + zcosg * zcosi * zsinh;
            double a7 = -zcosg * zsinh + zsing * zcosi * zcosh;
            double a8 = zsing * zsini;
            double a9 = zsing * zsinh + zcosg * zcosi * zcosh;
            double a10 = zcosg * zsini;
            double a2 = cosi0 * a7 + sini0 * a8;
            double a4 = cosi0 * a9 + sini0 * a10;
            double a5 = -sini0 * a7 + cosi0 * a8;
            double a6 = -sini0 * a9 + cosi0 * a10;
            double x1 = a1 * cosg + a2 * sing;
            double x2 = a3 * cosg + a4 * sing;
            double x3 = -a1 * sing + a2 * cosg;
            double x4 = -a3 * sing + a4 * cosg;
            double x5 = a5 * sing;
            double x6 = a6 * sing;
            double x7 = a5 * cosg;
            double x8 = a6 * cosg;
            double z31 = 12 * x1 * x1 - 3 * x3 * x3;
            double z32 = 24 * x1 * x2 - 6 * x3 * x4;
            double z33 = 12 * x2 * x2 - 3 * x4 * x4;
            double z11 = -6 * a1 * a5 + e0sq * (-24 * x1 * x7 - 6 * x3 * x5);
            double z12 = -6 * (a1 * a6 + a3 * a5) + e0sq * (-24 * (x2 * x7 + x1 * x8) - 6 * (x3 * x6 + x4 * x5));
            double z13 = -6 * a3 * a6 + e0sq * (-24 * x2 * x8 - 6 * x4 * x6);
            double z21 = 6 * a2 * a5 + e0sq * (24 * x1 * x5 - 6 * x3 * x7);
            double z22 = 6 * (a4 * a5 + a2 * a6) + e0sq * (24 * (x2 * x5 + x1 * x6) - 6 * (x4 * x7 + x3 * x8));
            double z23 = 6 * a4 * a6 + e0sq * (24 * x2 * x6 - 6 * x4 * x8);
            double s3 = cc / xnq;
            double s2 = -0.5 * s3 / beta0;
            double s4 = s3 * beta0;
            double s1 = -15 * e * s4;
            double s5 = x1 * x3 + x2 * x4;
            double s6 = x2 * x3 + x1 * x4;
            double s7 = x2 * x4 - x1 * x3;
            double z1 = 3 * (a1 * a1 + a2 * a2) + z31 * e0sq;
            double z2 = 6 * (a1 * a3 + a2 * a4) + z32 * e0sq;
            double z3 = 3 * (a3 * a3 + a4 * a4) + z33 * e0sq;
            z1 = z1 + z1 + beta02 * z31;
            z2 = z2 + z2 + beta02 * z32;
            z3 = z3 + z3 + beta02 * z33;
            return new ThirdBody(s1 * zn * s5, s2 * zn * (z11 + z13), -zn * s3 * (z1 + z3 - 14 - 6 * e0sq),
                    s4 * zn * (z31 + z33 - 6), lowInclination ? 0 : -zn * s2 * (z21 + z23),
                    2 * s1 * s6, 2 * s1 * s7, 2 * s2 * z12, 2 * s2 * (z13 - z11), -2 * s3 * z2, -2 * s3 * (z3 - z1),
                    -2 * s3 * (-21 - 9 * e0sq) * ze, 2 * s4 * z32, 2 * s4 * (z33 - z31), -18 * s4 * ze,
                    -2 * s2 * z22, -2 * s2 * (z23 - z21));
        }
    }
}
