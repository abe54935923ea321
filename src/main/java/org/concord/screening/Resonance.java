package org.concord.screening;

import java.util.Arrays;

import org.concord.orbit.Sgp4Commons;
import org.orekit.propagation.analytical.tle.TLEConstants;

/**
 * SDP4's geopotential resonance of one object (Orekit's {@code DeepSDP4}, Vallado's {@code dsinit}/{@code dspace}):
 * the resonant angle {@code xli} (rad) and mean motion {@code xni} (rad/min), integrated from epoch in Taylor steps of
 * {@link BatchSdp4#STEP_MINUTES} (720 min), forward for times after epoch, backward before it, the last step shorter.
 * <p>
 * The integrator always restarts from epoch (Orekit's Dundee-compliant mode), so the states it passes through at
 * node {@code k} (time {@code 720 k} min) do not depend on the time asked for: they are kept here, four numbers a node
 * ({@code xli}, {@code xni} and the derivatives {@code xni'} and {@code xni''/xli'} at the node, which is what the last
 * step needs), node 0 first, in one array forward and one backward. An array is extended under the object's lock when
 * a time beyond it is asked for (a copy, grown ahead) and published whole through a volatile field: readers never
 * lock, and every reader sees complete nodes (the values do not depend on who computed them).
 * <p>
 * Two kinds: the synchronous (one revolution a day: geostationary and nearby, {@code del1..3} the strengths of the
 * J22, J31 and J33 resonances) and the half-day resonance of eccentric 12 h orbits (Molniya; {@code dXYZW} the
 * strengths of the tesseral terms of degree X, order Y and the eccentricity functions G_XYZ, with the argument of
 * perigee drifting at {@code omgdot}).
 */
final class Resonance {

    /** Nodes computed ahead of the one asked for when an array is extended. */
    private static final int GROWTH = 16;

    final boolean synchronous;
    /** The Greenwich sidereal angle at epoch (rad). */
    final double thgr;
    /** The rate of the resonant angle minus the mean motion at epoch (rad/min). */
    final double xfact;
    private final double omegaq;
    private final double omgdot;
    private final double del1;
    private final double del2;
    private final double del3;
    private final double d2201;
    private final double d2211;
    private final double d3210;
    private final double d3222;
    private final double d4410;
    private final double d4422;
    private final double d5220;
    private final double d5232;
    private final double d5421;
    private final double d5433;
    private volatile double[] forward;
    private volatile double[] backward;

    private Resonance(boolean synchronous, double thgr, double xfact, double xlamo, double xnq, double omegaq,
                      double omgdot, double[] del, double[] dTerms) {
        this.synchronous = synchronous;
        this.thgr = thgr;
        this.xfact = xfact;
        this.omegaq = omegaq;
        this.omgdot = omgdot;
        this.del1 = del[0];
        this.del2 = del[1];
        this.del3 = del[2];
        this.d2201 = dTerms[0];
        this.d2211 = dTerms[1];
        this.d3210 = dTerms[2];
        this.d3222 = dTerms[3];
        this.d4410 = dTerms[4];
        this.d4422 = dTerms[5];
        this.d5220 = dTerms[6];
        this.d5232 = dTerms[7];
        this.d5421 = dTerms[8];
        this.d5433 = dTerms[9];
        double[] first = new double[4];
        first[0] = xlamo;
        first[1] = xnq;
        derivatives(xlamo, 0.0, first, 0);
        forward = first;
        backward = first;
    }

    /** The synchronous resonance (0.8 to 1.2 revolutions a day). */
    static Resonance day(Sgp4Commons c, double m0, double raan, double argp, double thgr, double aqnv, double ssl,
                         double ssg, double ssh) {
        double cosi0 = c.cosi0();
        double sini0 = c.sini0();
        double e0sq = c.e0sq();
        double xnq = c.xn0dp();
        double cosio1 = 1.0 + cosi0;
        double g200 = 1 + e0sq * (-2.5 + 0.8125 * e0sq);
        double g300 = 1 + e0sq * (-6 + 6.60937 * e0sq);
        double f311 = 0.9375 * sini0 * sini0 * (1 + 3 * cosi0) - 0.75 * cosio1;
        double g310 = 1 + 2 * e0sq;
        double f220 = 0.75 * cosio1 * cosio1;
        double f330 = 2.5 * f220 * cosio1;
        double del1 = 3 * xnq * xnq * aqnv * aqnv;
        double del2 = 2 * del1 * f220 * g200 * TLEConstants.Q22;
        double del3 = 3 * del1 * f330 * g300 * TLEConstants.Q33 * aqnv;
        del1 = del1 * f311 * g310 * TLEConstants.Q31 * aqnv;
        double xlamo = m0 + raan + argp - thgr;
        double bfact = c.xmdot() + c.omgdot() + c.xnodot() - TLEConstants.THDT;
        bfact = bfact + ssl + ssg + ssh;
        return new Resonance(true, thgr, bfact - xnq, xlamo, xnq, argp, c.omgdot(), new double[] {del1, del2, del3},
                new double[10]);
    }

    /** The half-day resonance (1.893 to 2.118 revolutions a day, e of 0.5 or more). */
    static Resonance halfDay(Sgp4Commons c, double e, double m0, double raan, double argp, double thgr, double aqnv,
                             double lunarSolarRate) {
        double cosi0 = c.cosi0();
        double sini0 = c.sini0();
        double e0sq = c.e0sq();
        double theta2 = c.theta2();
        double xnq = c.xn0dp();
        double g201 = -0.306 - (e - 0.64) * 0.440;
        double eoc = e * e0sq;
        double sini2 = sini0 * sini0;
        double f220 = 0.75 * (1 + 2 * cosi0 + theta2);
        double f221 = 1.5 * sini2;
        double f321 = 1.875 * sini0 * (1 - 2 * cosi0 - 3 * theta2);
        double f322 = -1.875 * sini0 * (1 + 2 * cosi0 - 3 * theta2);
        double f441 = 35 * sini2 * f220;
        double f442 = 39.3750 * sini2 * sini2;
        double f522 = 9.84375 * sini0 * (sini2 * (1 - 2 * cosi0 - 5 * theta2)
                + 0.33333333 * (-2 + 4 * cosi0 + 6 * theta2));
        double f523 = sini0 * (4.92187512 * sini2 * (-2 - 4 * cosi0 + 10 * theta2)
                + 6.56250012 * (1 + 2 * cosi0 - 3 * theta2));
        double f542 = 29.53125 * sini0 * (2 - 8 * cosi0 + theta2 * (-12 + 8 * cosi0 + 10 * theta2));
        double f543 = 29.53125 * sini0 * (-2 - 8 * cosi0 + theta2 * (12 + 8 * cosi0 - 10 * theta2));
        double g211;
        double g310;
        double g322;
        double g410;
        double g422;
        double g520;
        if (e <= 0.65) {
            g211 = 3.616 - 13.247 * e + 16.290 * e0sq;
            g310 = -19.302 + 117.390 * e - 228.419 * e0sq + 156.591 * eoc;
            g322 = -18.9068 + 109.7927 * e - 214.6334 * e0sq + 146.5816 * eoc;
            g410 = -41.122 + 242.694 * e - 471.094 * e0sq + 313.953 * eoc;
            g422 = -146.407 + 841.880 * e - 1629.014 * e0sq + 1083.435 * eoc;
            g520 = -532.114 + 3017.977 * e - 5740.032 * e0sq + 3708.276 * eoc;
        } else {
            g211 = -72.099 + 331.819 * e - 508.738 * e0sq + 266.724 * eoc;
            g310 = -346.844 + 1582.851 * e - 2415.925 * e0sq + 1246.113 * eoc;
            g322 = -342.585 + 1554.908 * e - 2366.899 * e0sq + 1215.972 * eoc;
            g410 = -1052.797 + 4758.686 * e - 7193.992 * e0sq + 3651.957 * eoc;
            g422 = -3581.69 + 16178.11 * e - 24462.77 * e0sq + 12422.52 * eoc;
            if (e <= 0.715) {
                g520 = 1464.74 - 4664.75 * e + 3763.64 * e0sq;
            } else {
                g520 = -5149.66 + 29936.92 * e - 54087.36 * e0sq + 31324.56 * eoc;
            }
        }
        double g533;
        double g521;
        double g532;
        if (e < 0.7) {
            g533 = -919.2277 + 4988.61 * e - 9064.77 * e0sq + 5542.21 * eoc;
            g521 = -822.71072 + 4568.6173 * e - 8491.4146 * e0sq + 5337.524 * eoc;
            g532 = -853.666 + 4690.25 * e - 8624.77 * e0sq + 5341.4 * eoc;
        } else {
            g533 = -37995.78 + 161616.52 * e - 229838.2 * e0sq + 109377.94 * eoc;
            g521 = -51752.104 + 218913.95 * e - 309468.16 * e0sq + 146349.42 * eoc;
            g532 = -40023.88 + 170470.89 * e - 242699.48 * e0sq + 115605.82 * eoc;
        }
        double[] d = new double[10];
        double temp1 = 3 * xnq * xnq * aqnv * aqnv;
        double temp = temp1 * TLEConstants.ROOT22;
        d[0] = temp * f220 * g201;
        d[1] = temp * f221 * g211;
        temp1 *= aqnv;
        temp = temp1 * TLEConstants.ROOT32;
        d[2] = temp * f321 * g310;
        d[3] = temp * f322 * g322;
        temp1 *= aqnv;
        temp = 2 * temp1 * TLEConstants.ROOT44;
        d[4] = temp * f441 * g410;
        d[5] = temp * f442 * g422;
        temp1 *= aqnv;
        temp = temp1 * TLEConstants.ROOT52;
        d[6] = temp * f522 * g520;
        d[7] = temp * f523 * g532;
        temp = 2 * temp1 * TLEConstants.ROOT54;
        d[8] = temp * f542 * g521;
        d[9] = temp * f543 * g533;
        double xlamo = m0 + raan + raan - thgr - thgr;
        double bfact = c.xmdot() + c.xnodot() + c.xnodot() - TLEConstants.THDT - TLEConstants.THDT;
        bfact += lunarSolarRate;
        return new Resonance(false, thgr, bfact - xnq, xlamo, xnq, argp, c.omgdot(), new double[3], d);
    }

    /**
     * The node the integrator's last step to {@code t} (min from epoch) starts from: {@code k} for the time
     * {@code 720 k} min, negative before epoch; as Orekit's loop takes full steps while more than one remains.
     */
    static int node(double t) {
        if (t >= 0) {
            int k = Math.max(0, (int) Math.ceil(t / BatchSdp4.STEP_MINUTES) - 1);
            while (k > 0 && !(t - (k - 1) * BatchSdp4.STEP_MINUTES > BatchSdp4.STEP_MINUTES)) {
                k--;
            }
            while (t - k * BatchSdp4.STEP_MINUTES > BatchSdp4.STEP_MINUTES) {
                k++;
            }
            return k;
        }
        int k = Math.max(0, (int) Math.ceil(-t / BatchSdp4.STEP_MINUTES) - 1);
        while (k > 0 && !(t + (k - 1) * BatchSdp4.STEP_MINUTES < -BatchSdp4.STEP_MINUTES)) {
            k--;
        }
        while (t + k * BatchSdp4.STEP_MINUTES < -BatchSdp4.STEP_MINUTES) {
            k++;
        }
        return -k;
    }

    /**
     * The nodes on node {@code k}'s side of epoch, at least as far as {@code k}: four numbers a node, node {@code |k|}
     * at {@code 4 |k|}.
     */
    double[] nodes(int k) {
        double[] nodes = k >= 0 ? forward : backward;
        if (4 * Math.abs(k) + 3 < nodes.length) {
            return nodes;
        }
        return extend(k);
    }

    /**
     * The resonant angle {@code xli} and mean motion {@code xni} at {@code t} (min from epoch) into
     * {@code angle[m]} and {@code motion[m]}: the integrator's last step from {@link #node(double)} of {@code t}, in
     * Orekit's order of operations, as {@link BatchSdp4#propagate(int, double, double[], int)} takes it.
     */
    void state(double t, double[] angle, double[] motion, int m) {
        int node = node(t);
        double[] nodes = nodes(node);
        int at = 4 * Math.abs(node);
        double xli = nodes[at];
        double xni = nodes[at + 1];
        double dot = nodes[at + 2];
        double dot2 = nodes[at + 3];
        double delt = t - node * BatchSdp4.STEP_MINUTES;
        double xldot = xni + xfact;
        xli += delt * xldot;
        xni += delt * dot;
        double deltFactor = delt * (delt / 2);
        xli += deltFactor * dot;
        xni += deltFactor * (dot2 * xldot);
        angle[m] = xli;
        motion[m] = xni;
    }

    private synchronized double[] extend(int k) {
        boolean ahead = k >= 0;
        double[] nodes = ahead ? forward : backward;
        int count = nodes.length / 4;
        int wanted = Math.abs(k) + 1;
        if (wanted <= count) {
            return nodes;
        }
        int target = wanted + GROWTH;
        double[] grown = Arrays.copyOf(nodes, 4 * target);
        double delt = ahead ? BatchSdp4.STEP_MINUTES : -BatchSdp4.STEP_MINUTES;
        for (int n = count; n < target; n++) {
            int from = 4 * (n - 1);
            double xli = grown[from];
            double xni = grown[from + 1];
            double dot = grown[from + 2];
            double dot2 = grown[from + 3];
            // one full Taylor step (Orekit's order of operations)
            double xldot = xni + xfact;
            xli += delt * xldot;
            xni += delt * dot;
            double deltFactor = delt * (delt / 2);
            xli += deltFactor * dot;
            xni += deltFactor * (dot2 * xldot);
            int at = 4 * n;
            grown[at] = xli;
            grown[at + 1] = xni;
            derivatives(xli, (ahead ? n : -n) * BatchSdp4.STEP_MINUTES, grown, at);
        }
        if (ahead) {
            forward = grown;
        } else {
            backward = grown;
        }
        return grown;
    }

    /**
     * Orekit's {@code computeSecularDerivs} at resonant angle {@code xli} and time {@code atime} (min): the rate of the
     * mean motion {@code xni'} into {@code out[at + 2]} and {@code xni''/xli'} into {@code out[at + 3]} (Orekit's
     * {@code derivs[1]} before it is multiplied by {@code xli'}).
     */
    private void derivatives(double xli, double atime, double[] out, int at) {
        double sinLi = Math.sin(xli);
        double cosLi = Math.cos(xli);
        double sin2li = 2. * sinLi * cosLi;
        double cos2li = 2. * cosLi * cosLi - 1.;
        if (synchronous) {
            double sin3li = sin2li * cosLi + cos2li * sinLi;
            double cos3li = cos2li * cosLi - sin2li * sinLi;
            double term1a = del1 * (sinLi * TLEConstants.C_FASX2 - cosLi * TLEConstants.S_FASX2);
            double term2a = del2 * (sin2li * TLEConstants.C_2FASX4 - cos2li * TLEConstants.S_2FASX4);
            double term3a = del3 * (sin3li * TLEConstants.C_3FASX6 - cos3li * TLEConstants.S_3FASX6);
            double term1b = del1 * (cosLi * TLEConstants.C_FASX2 + sinLi * TLEConstants.S_FASX2);
            double term2b = 2.0 * del2 * (cos2li * TLEConstants.C_2FASX4 + sin2li * TLEConstants.S_2FASX4);
            double term3b = 3.0 * del3 * (cos3li * TLEConstants.C_3FASX6 + sin3li * TLEConstants.S_3FASX6);
            out[at + 2] = term1a + term2a + term3a;
            out[at + 3] = term1b + term2b + term3b;
            return;
        }
        // the argument of perigee at this time: the half-day terms are in li +- omega
        double xomi = omegaq + omgdot * atime;
        double sinOmi = Math.sin(xomi);
        double cosOmi = Math.cos(xomi);
        double sinLiMOmi = sinLi * cosOmi - sinOmi * cosLi;
        double sinLiPOmi = sinLi * cosOmi + sinOmi * cosLi;
        double cosLiMOmi = cosLi * cosOmi + sinOmi * sinLi;
        double cosLiPOmi = cosLi * cosOmi - sinOmi * sinLi;
        double sin2omi = 2. * sinOmi * cosOmi;
        double cos2omi = 2. * cosOmi * cosOmi - 1.;
        double sin2liMOmi = sin2li * cosOmi - sinOmi * cos2li;
        double sin2liPOmi = sin2li * cosOmi + sinOmi * cos2li;
        double cos2liMOmi = cos2li * cosOmi + sinOmi * sin2li;
        double cos2liPOmi = cos2li * cosOmi - sinOmi * sin2li;
        double sin2liP2omi = sin2li * cos2omi + sin2omi * cos2li;
        double cos2liP2omi = cos2li * cos2omi - sin2omi * sin2li;
        double sin2omiPLi = sinLi * cos2omi + sin2omi * cosLi;
        double cos2omiPLi = cosLi * cos2omi - sin2omi * sinLi;
        double term1a = d2201 * (sin2omiPLi * TLEConstants.C_G22 - cos2omiPLi * TLEConstants.S_G22)
                + d2211 * (sinLi * TLEConstants.C_G22 - cosLi * TLEConstants.S_G22)
                + d3210 * (sinLiPOmi * TLEConstants.C_G32 - cosLiPOmi * TLEConstants.S_G32)
                + d3222 * (sinLiMOmi * TLEConstants.C_G32 - cosLiMOmi * TLEConstants.S_G32)
                + d5220 * (sinLiPOmi * TLEConstants.C_G52 - cosLiPOmi * TLEConstants.S_G52)
                + d5232 * (sinLiMOmi * TLEConstants.C_G52 - cosLiMOmi * TLEConstants.S_G52);
        double term2a = d4410 * (sin2liP2omi * TLEConstants.C_G44 - cos2liP2omi * TLEConstants.S_G44)
                + d4422 * (sin2li * TLEConstants.C_G44 - cos2li * TLEConstants.S_G44)
                + d5421 * (sin2liPOmi * TLEConstants.C_G54 - cos2liPOmi * TLEConstants.S_G54)
                + d5433 * (sin2liMOmi * TLEConstants.C_G54 - cos2liMOmi * TLEConstants.S_G54);
        double term1b = d2201 * (cos2omiPLi * TLEConstants.C_G22 + sin2omiPLi * TLEConstants.S_G22)
                + d2211 * (cosLi * TLEConstants.C_G22 + sinLi * TLEConstants.S_G22)
                + d3210 * (cosLiPOmi * TLEConstants.C_G32 + sinLiPOmi * TLEConstants.S_G32)
                + d3222 * (cosLiMOmi * TLEConstants.C_G32 + sinLiMOmi * TLEConstants.S_G32)
                + d5220 * (cosLiPOmi * TLEConstants.C_G52 + sinLiPOmi * TLEConstants.S_G52)
                + d5232 * (cosLiMOmi * TLEConstants.C_G52 + sinLiMOmi * TLEConstants.S_G52);
        double term2b = 2.0 * (d4410 * (cos2liP2omi * TLEConstants.C_G44 + sin2liP2omi * TLEConstants.S_G44)
                + d4422 * (cos2li * TLEConstants.C_G44 + sin2li * TLEConstants.S_G44)
                + d5421 * (cos2liPOmi * TLEConstants.C_G54 + sin2liPOmi * TLEConstants.S_G54)
                + d5433 * (cos2liMOmi * TLEConstants.C_G54 + sin2liMOmi * TLEConstants.S_G54));
        out[at + 2] = term1a + term2a;
        out[at + 3] = term1b + term2b;
    }
}
