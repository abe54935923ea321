package org.concord.screening;

import java.util.ArrayList;
import java.util.List;

import org.concord.orbit.Sgp4;
import org.concord.orbit.Sgp4Commons;
import org.concord.orbit.Sgp4Error;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.propagation.analytical.tle.TLEConstants;
import org.orekit.time.AbsoluteDate;

/**
 * SGP4 for many objects at once: the near-Earth model (period under 225 min) re-implemented over a structure of arrays
 * (one {@code double[]} per quantity, indexed by object), with no allocation per call; it computes exactly what
 * Orekit's {@code SGP4} + {@code TLEPropagator} compute (the same operations in the same order, with the epoch
 * quantities of {@link Sgp4Commons}, as the project's {@link Sgp4} does) and raises the same Vallado error codes as
 * {@link Sgp4}: 1 (mean eccentricity outside [-0.001, 1), or within 1e-6 of 1), 4 (semi-latus rectum below zero) and
 * 6 (radius under one Earth radius).
 * <p>
 * {@link #propagate(int, StateBatch)} propagates one object to many times at once; with the Vector API
 * ({@code --add-modules jdk.incubator.vector}) through {@link VectorSgp4} or {@link VectorSdp4}, a time per vector
 * lane, otherwise time by time through the scalar kernel.
 * <p>
 * Deep-space objects (SDP4, period of 225 min or more) go through {@link BatchSdp4}, the same kind of kernel for the
 * deep-space terms (lunar-solar, resonance), equal to {@link Sgp4} (Orekit's {@code DeepSDP4} with Vallado's checks)
 * within 1 mm, with its codes 2 and 3 besides.
 * <p>
 * Times are seconds from a reference date given at construction. Thread-safe: the same object may be propagated from
 * several threads (the kernels keep no per-call state; a resonance's integrator nodes are published whole).
 */
public final class BatchSgp4 {

    static final double EARTH_RADIUS_M = Sgp4.EARTH_RADIUS_METERS;
    /** Whether the Vector API is there (the JVM was started with {@code --add-modules jdk.incubator.vector}). */
    private static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    private static final double XKE = TLEConstants.XKE;
    private static final double CK2 = TLEConstants.CK2;
    private static final double A3OVK2 = TLEConstants.A3OVK2;
    private static final double TWO_PI = 2.0 * Math.PI;

    private final int size;
    final boolean[] deep;
    /** Each deep-space object's rank in {@link #sdp4} (-1 for near-Earth objects). */
    private final int[] deepRank;
    /** The deep-space objects' kernel. */
    private BatchSdp4 sdp4;
    /** Seconds from the reference date to the epoch of each element set. */
    final double[] epochOffset;
    final double[] m0;
    final double[] argp0;
    final double[] raan0;
    final double[] e0;
    final double[] i0;
    final double[] bstar;
    final double[] xmdot;
    final double[] omgdot;
    final double[] xnodot;
    final double[] xnodcf;
    final double[] c1;
    final double[] c4;
    final double[] c5;
    final double[] t2cof;
    final boolean[] lessThan220;
    final double[] omgcof;
    final double[] xmcof;
    final double[] eta;
    final double[] delM0;
    final double[] d2;
    final double[] d3;
    final double[] d4;
    final double[] t3cof;
    final double[] t4cof;
    final double[] t5cof;
    final double[] sinM0;
    final double[] a0dp;
    final double[] xn0dp;
    final double[] cosi0;
    final double[] sini0;
    final double[] xlcof;
    final double[] aycof;
    final double[] x3thm1;
    final double[] x1mth2;
    final double[] x7thm1;

    private BatchSgp4(int n) {
        size = n;
        deep = new boolean[n];
        deepRank = new int[n];
        epochOffset = new double[n];
        m0 = new double[n];
        argp0 = new double[n];
        raan0 = new double[n];
        e0 = new double[n];
        i0 = new double[n];
        bstar = new double[n];
        xmdot = new double[n];
        omgdot = new double[n];
        xnodot = new double[n];
        xnodcf = new double[n];
        c1 = new double[n];
        c4 = new double[n];
        c5 = new double[n];
        t2cof = new double[n];
        lessThan220 = new boolean[n];
        omgcof = new double[n];
        xmcof = new double[n];
        eta = new double[n];
        delM0 = new double[n];
        d2 = new double[n];
        d3 = new double[n];
        d4 = new double[n];
        t3cof = new double[n];
        t4cof = new double[n];
        t5cof = new double[n];
        sinM0 = new double[n];
        a0dp = new double[n];
        xn0dp = new double[n];
        cosi0 = new double[n];
        sini0 = new double[n];
        xlcof = new double[n];
        aycof = new double[n];
        x3thm1 = new double[n];
        x1mth2 = new double[n];
        x7thm1 = new double[n];
    }

    /** A kernel for these element sets, times counted in seconds from {@code reference}. */
    public static BatchSgp4 of(List<TLE> tles, AbsoluteDate reference) {
        BatchSgp4 k = new BatchSgp4(tles.size());
        List<TLE> deepTles = new ArrayList<>();
        for (int j = 0; j < tles.size(); j++) {
            TLE tle = tles.get(j);
            Sgp4Commons c = Sgp4Commons.of(tle);
            k.epochOffset[j] = tle.getDate().durationFrom(reference);
            k.c1[j] = c.c1();
            k.t2cof[j] = c.t2cof();
            k.a0dp[j] = c.a0dp();
            k.xn0dp[j] = c.xn0dp();
            if (c.deepSpace()) {
                k.deep[j] = true;
                k.deepRank[j] = deepTles.size();
                deepTles.add(tle);
                continue;
            }
            k.m0[j] = tle.getMeanAnomaly();
            k.argp0[j] = tle.getPerigeeArgument();
            k.raan0[j] = tle.getRaan();
            k.e0[j] = tle.getE();
            k.i0[j] = tle.getI();
            k.bstar[j] = tle.getBStar();
            k.xmdot[j] = c.xmdot();
            k.omgdot[j] = c.omgdot();
            k.xnodot[j] = c.xnodot();
            k.xnodcf[j] = c.xnodcf();
            k.c1[j] = c.c1();
            k.c4[j] = c.c4();
            k.t2cof[j] = c.t2cof();
            k.a0dp[j] = c.a0dp();
            k.xn0dp[j] = c.xn0dp();
            k.cosi0[j] = c.cosi0();
            k.sini0[j] = c.sini0();
            k.eta[j] = c.eta();
            // Orekit's SGP4.sxpInitialize
            boolean low = c.perige() < 220;
            k.lessThan220[j] = low;
            if (!low) {
                double c1v = c.c1();
                double c1sq = c1v * c1v;
                double delM = 1.0 + c.eta() * Math.cos(tle.getMeanAnomaly());
                k.delM0[j] = delM * delM * delM;
                double d2v = 4 * c.a0dp() * c.tsi() * c1sq;
                double temp = d2v * c.tsi() * c1v / 3.0;
                double d3v = (17 * c.a0dp() + c.s4()) * temp;
                double d4v = 0.5 * temp * c.a0dp() * c.tsi() * (221 * c.a0dp() + 31 * c.s4()) * c1v;
                k.d2[j] = d2v;
                k.d3[j] = d3v;
                k.d4[j] = d4v;
                k.t3cof[j] = d2v + 2 * c1sq;
                k.t4cof[j] = 0.25 * (3 * d3v + c1v * (12 * d2v + 10 * c1sq));
                k.t5cof[j] = 0.2 * (3 * d4v + 12 * c1v * d3v + 6 * d2v * d2v + 15 * c1sq * (2 * d2v + c1sq));
                k.sinM0[j] = Math.sin(tle.getMeanAnomaly());
                if (tle.getE() < 1e-4) {
                    k.omgcof[j] = 0.0;
                    k.xmcof[j] = 0.0;
                } else {
                    double c3 = c.coef() * c.tsi() * A3OVK2 * c.xn0dp() * TLEConstants.NORMALIZED_EQUATORIAL_RADIUS
                            * c.sini0() / tle.getE();
                    k.xmcof[j] = -TLEConstants.TWO_THIRD * c.coef() * tle.getBStar()
                            * TLEConstants.NORMALIZED_EQUATORIAL_RADIUS / c.eeta();
                    k.omgcof[j] = tle.getBStar() * c3 * Math.cos(tle.getPerigeeArgument());
                }
            } else {
                // Vallado's code 1 check reads sin(M0) only when perigee >= 220 km; keep it anyway
                k.sinM0[j] = Math.sin(tle.getMeanAnomaly());
            }
            k.c5[j] = 2 * c.coef1() * c.a0dp() * c.beta02() * (1 + 2.75 * (c.etasq() + c.eeta()) + c.eeta() * c.etasq());
            // TLEPropagator.computePVCoordinates: epoch-only factors
            double ci = c.cosi0();
            double si = c.sini0();
            k.xlcof[j] = 0.125 * A3OVK2 * si * (3.0 + 5.0 * ci) / (1.0 + ci);
            k.aycof[j] = 0.25 * A3OVK2 * si;
            double ci2 = ci * ci;
            k.x3thm1[j] = 3.0 * ci2 - 1.0;
            k.x1mth2[j] = 1.0 - ci2;
            k.x7thm1[j] = 7.0 * ci2 - 1.0;
            k.deepRank[j] = -1;
        }
        k.sdp4 = BatchSdp4.of(deepTles, reference);
        return k;
    }

    /**
     * A bound (m/s^2) on the norm of the second derivative of object {@code j}'s SGP4 position between {@code from}
     * and {@code to} (seconds from the reference date), at radii of at least one Earth radius: the
     * {@code gravity} bound plus what SGP4's secular drag polynomials add, tempa(t) = 1 - C1 t - D2 t^2 - D3 t^3 - D4 t^4
     * in the semi-major axis a = a0 tempa^2 and templ(t) = T2 t^2 + ... + T5 t^5 in the mean longitude. With
     * L' = n + n0 |templ'| the rate of the longitude, the acceleration of r = a u(L) (u a unit vector) differs from the
     * drag-free one by at most |a''| + 2 |a'| L' + a (n0 |templ''| + 2 n n0 |templ'| + (n0 templ')^2), each factor
     * bounded by the absolute values of the coefficients at the largest |t|; doubled for the eccentricity and
     * short-period terms this neglects. For ordinary element sets it adds well under 0.1 m/s^2; for decaying sets
     * whose polynomials run away (58566 of the 2024-07 catalog is thrown out to 90,000 km) it is what keeps the
     * broad phase's argument valid.
     */
    public double accelerationBound(int j, double from, double to, double gravity) {
        double t = Math.max(Math.abs(from - epochOffset[j]), Math.abs(to - epochOffset[j])) / 60.0; // minutes
        double c1a = Math.abs(c1[j]);
        double d2a = Math.abs(d2[j]);
        double d3a = Math.abs(d3[j]);
        double d4a = Math.abs(d4[j]);
        double ta = 1 + t * (c1a + t * (d2a + t * (d3a + t * d4a)));
        double ta1 = c1a + t * (2 * d2a + t * (3 * d3a + t * 4 * d4a));
        double ta2 = 2 * d2a + t * (6 * d3a + t * 12 * d4a);
        double a0 = a0dp[j];
        double aMax = a0 * ta * ta;
        double a1 = 2 * a0 * ta * ta1;
        double a2 = 2 * a0 * (ta1 * ta1 + ta * ta2);
        double l1 = Math.abs(t2cof[j]) * 2 * t + Math.abs(t3cof[j]) * 3 * t * t + Math.abs(t4cof[j]) * 4 * t * t * t
                + Math.abs(t5cof[j]) * 5 * t * t * t * t;
        double l2 = Math.abs(t2cof[j]) * 2 + Math.abs(t3cof[j]) * 6 * t + Math.abs(t4cof[j]) * 12 * t * t
                + Math.abs(t5cof[j]) * 20 * t * t * t;
        double n = xn0dp[j];
        double dl1 = n * l1;
        double extra = a2 + 2 * a1 * (n + dl1) + aMax * (n * l2 + 2 * n * dl1 + dl1 * dl1);
        // Earth radii per minute^2 to m/s^2, doubled
        return gravity + 2 * extra * EARTH_RADIUS_M / 3600.0;
    }

    /**
     * Whether {@link #propagate(int, StateBatch)} runs the vector kernel ({@link VectorSgp4}): where the module
     * {@code jdk.incubator.vector} is in the boot layer. Otherwise it runs the scalar kernel.
     */
    public static boolean vectorised() {
        return VECTOR;
    }

    /**
     * Object {@code j} at every time of {@code batch}: the states and error codes written to it, as
     * {@link #propagate(int, double, double[], int)} gives them (within 1 mm and 1e-6 m/s, with the same codes).
     * Through the vector kernels where the Vector API is there ({@link VectorSgp4} near Earth, {@link VectorSdp4} in
     * deep space), otherwise time by time through the scalar kernels.
     */
    public void propagate(int j, StateBatch batch) {
        if (VECTOR && !deep[j]) {
            VectorSgp4.propagate(this, j, batch);
        } else if (VECTOR) {
            VectorSdp4.propagate(sdp4, deepRank[j], batch);
        } else {
            propagateScalar(j, batch);
        }
    }

    /** As {@link #propagate(int, StateBatch)}, time by time through the scalar kernel (the reference, and the fallback). */
    public void propagateScalar(int j, StateBatch batch) {
        double[] out = batch.scratch;
        for (int m = 0; m < batch.count; m++) {
            int code = propagate(j, batch.seconds[m], out, 0);
            batch.code[m] = code;
            if (code == 0) {
                batch.x[m] = out[0];
                batch.y[m] = out[1];
                batch.z[m] = out[2];
                batch.vx[m] = out[3];
                batch.vy[m] = out[4];
                batch.vz[m] = out[5];
            }
        }
    }

    public int size() {
        return size;
    }

    /** Whether object {@code j} goes through the deep-space (SDP4) path. */
    public boolean deepSpace(int j) {
        return deep[j];
    }

    /**
     * Position (m) and velocity (m/s) in TEME of object {@code j} at {@code seconds} after the reference date, written
     * to {@code out[offset .. offset + 5]} (x, y, z, vx, vy, vz).
     *
     * @return 0, or the Vallado error code (nothing is written then)
     */
    public int propagate(int j, double seconds, double[] out, int offset) {
        if (deep[j]) {
            return sdp4.propagate(deepRank[j], seconds, out, offset);
        }
        double tSince = (seconds - epochOffset[j]) / 60.0;

        // SGP4.sxpPropagate: secular gravity and atmospheric drag
        double xmdf = m0[j] + xmdot[j] * tSince;
        double omgadf = argp0[j] + omgdot[j] * tSince;
        double xn0ddf = raan0[j] + xnodot[j] * tSince;
        double omega = omgadf;
        double xmp = xmdf;
        double tsq = tSince * tSince;
        double xnode = xn0ddf + xnodcf[j] * tsq;
        double tempa = 1 - c1[j] * tSince;
        double tempe = bstar[j] * c4[j] * tSince;
        double templ = t2cof[j] * tsq;
        if (!lessThan220[j]) {
            double delomg = omgcof[j] * tSince;
            double delm = 1. + eta[j] * Math.cos(xmdf);
            delm = xmcof[j] * (delm * delm * delm - delM0[j]);
            double temp = delomg + delm;
            xmp = xmdf + temp;
            omega = omgadf - temp;
            double tcube = tsq * tSince;
            double tfour = tSince * tcube;
            tempa = tempa - d2[j] * tsq - d3[j] * tcube - d4[j] * tfour;
            tempe = tempe + bstar[j] * c5[j] * (Math.sin(xmp) - sinM0[j]);
            templ = templ + t3cof[j] * tcube + tfour * (t4cof[j] + tSince * t5cof[j]);
        }
        double a = a0dp[j] * tempa * tempa;
        double e = e0[j] - tempe;
        // Vallado's code 1 on the mean eccentricity before Orekit's clamp
        if (e >= 1.0 || e < -0.001) {
            return Sgp4Error.MEAN_ELEMENTS_OUT_OF_RANGE.code();
        }
        if (e < 1e-6) {
            e = 1e-6;
        }
        double xl = xmp + omega + xnode + xn0dp[j] * templ;
        return state(a, e, omega, xl, xnode, i0[j], sini0[j], cosi0[j], xlcof[j], aycof[j], x3thm1[j], x1mth2[j],
                x7thm1[j], Sgp4Error.MEAN_ELEMENTS_OUT_OF_RANGE.code(), out, offset);
    }

    /**
     * What SGP4 and SDP4 share after their secular (and, for SDP4, lunar-solar) terms: Vallado's code 4 (semi-latus
     * rectum, as {@link Sgp4}'s), the eccentricity check of Orekit's {@code TLEPropagator.computePVCoordinates} (code
     * {@code nearOneCode}: 1 near Earth, 3 in deep space, as {@link Sgp4} reports it), the long-period periodics,
     * Kepler's equation, the short periodics, the state and Vallado's code 6 (under one Earth radius).
     *
     * @param a         semi-major axis (Earth radii)
     * @param e         eccentricity
     * @param omega     argument of perigee (rad)
     * @param xl        mean longitude (rad)
     * @param xnode     right ascension of the ascending node (rad)
     * @param inclination (rad), with its sine and cosine, and the factors of the periodics that depend on it
     * @return 0 with the state written to {@code out[offset .. offset + 5]}, or the error code
     */
    static int state(double a, double e, double omega, double xl, double xnode, double inclination, double sini,
                     double cosi, double xlcof, double aycof, double x3thm1, double x1mth2, double x7thm1,
                     int nearOneCode, double[] out, int offset) {
        double sinOmega = Math.sin(omega);
        double cosOmega = Math.cos(omega);
        // Vallado's code 4: semi-latus rectum (as Sgp4.semiLatusRectum)
        double kpl = 0.25 * A3OVK2 * sini / (a * (1.0 - e * e));
        double plCheck = a * (1.0 - (e * e + kpl * (2.0 * e * sinOmega + kpl)));
        if (!(plCheck >= 0.0)) {
            return Sgp4Error.NEGATIVE_SEMI_LATUS_RECTUM.code();
        }
        if (e > (1 - 1e-6)) {
            return nearOneCode;
        }

        // TLEPropagator.computePVCoordinates: long-period periodics
        double axn = e * cosOmega;
        double temp = 1.0 / (a * (1.0 - e * e));
        double xll = temp * xlcof * axn;
        double aynl = temp * aycof;
        double xlt = xl + xll;
        double ayn = e * sinOmega + aynl;
        double elsq = axn * axn + ayn * ayn;
        double capuArg = xlt - xnode;
        double capu = capuArg - TWO_PI * Math.floor(capuArg / TWO_PI);
        double epw = capu;
        double ecosE = 0;
        double esinE = 0;
        double sinEPW = 0;
        double cosEPW = 0;

        // Kepler's equation
        for (int it = 0; it < 10; it++) {
            boolean secondOrder = true;
            sinEPW = Math.sin(epw);
            cosEPW = Math.cos(epw);
            ecosE = axn * cosEPW + ayn * sinEPW;
            esinE = axn * sinEPW - ayn * cosEPW;
            double f = capu - epw + esinE;
            if (Math.abs(f) < 1e-12) {
                break;
            }
            double fdot = 1.0 - ecosE;
            double delta = f / fdot;
            if (it == 0) {
                double maxNewton = 1.25 * Math.abs(e);
                secondOrder = false;
                if (delta > maxNewton) {
                    delta = maxNewton;
                } else if (delta < -maxNewton) {
                    delta = -maxNewton;
                } else {
                    secondOrder = true;
                }
            }
            if (secondOrder) {
                delta = f / (fdot + 0.5 * esinE * delta);
            }
            epw += delta;
        }

        // short-period preliminary quantities
        temp = 1.0 - elsq;
        double pl = a * temp;
        double r = a * (1.0 - ecosE);
        double temp2 = a / r;
        double betal = Math.sqrt(temp);
        temp = esinE / (1.0 + betal);
        double cosu = temp2 * (cosEPW - axn + ayn * temp);
        double sinu = temp2 * (sinEPW - ayn - axn * temp);
        double sin2u = 2.0 * sinu * cosu;
        double cos2u = 2.0 * cosu * cosu - 1.0;
        double temp1 = CK2 / pl;
        temp2 = temp1 / pl;

        // short periodics; uk = u + du is rotated from (cos u, sin u) (no atan2, which the JIT does not intrinsify)
        double rk = r * (1.0 - 1.5 * temp2 * betal * x3thm1) + 0.5 * temp1 * x1mth2 * cos2u;
        double du = -0.25 * temp2 * x7thm1 * sin2u;
        double xnodek = xnode + 1.5 * temp2 * cosi * sin2u;
        double xinck = inclination + 1.5 * temp2 * cosi * sini * cos2u;

        double sinDu = Math.sin(du);
        double cosDu = Math.cos(du);
        double sinuk = sinu * cosDu + cosu * sinDu;
        double cosuk = cosu * cosDu - sinu * sinDu;
        double sinik = Math.sin(xinck);
        double cosik = Math.cos(xinck);
        double sinnok = Math.sin(xnodek);
        double cosnok = Math.cos(xnodek);
        double xmx = -sinnok * cosik;
        double xmy = cosnok * cosik;
        double ux = xmx * sinuk + cosnok * cosuk;
        double uy = xmy * sinuk + sinnok * cosuk;
        double uz = sinik * sinuk;

        double cr = 1000 * rk * TLEConstants.EARTH_RADIUS;
        double px = cr * ux;
        double py = cr * uy;
        double pz = cr * uz;
        double radius = Math.sqrt(px * px + py * py + pz * pz);
        if (!(radius >= EARTH_RADIUS_M)) {
            return Sgp4Error.DECAYED.code();
        }

        double sqrtA = Math.sqrt(a);
        double rdot = XKE * sqrtA * esinE / r;
        double rfdot = XKE * Math.sqrt(pl) / r;
        double xn = XKE / (a * sqrtA);
        double rdotk = rdot - xn * temp1 * x1mth2 * sin2u;
        double rfdotk = rfdot + xn * temp1 * (x1mth2 * cos2u + 1.5 * x3thm1);
        double vx = xmx * cosuk - cosnok * sinuk;
        double vy = xmy * cosuk - sinnok * sinuk;
        double vz = sinik * cosuk;
        double cv = 1000.0 * TLEConstants.EARTH_RADIUS / 60.0;

        out[offset] = px;
        out[offset + 1] = py;
        out[offset + 2] = pz;
        out[offset + 3] = cv * (rdotk * ux + rfdotk * vx);
        out[offset + 4] = cv * (rdotk * uy + rfdotk * vy);
        out[offset + 5] = cv * (rdotk * uz + rfdotk * vz);
        return 0;
    }
}
