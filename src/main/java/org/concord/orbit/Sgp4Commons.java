package org.concord.orbit;

import org.hipparchus.util.FastMath;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.propagation.analytical.tle.TLEConstants;

/**
 * The epoch quantities SGP4 derives from an element set, computed as Vallado's {@code initl} and {@code sgp4init} do.
 * <p>
 * Orekit 13.1.2 recovers the Brouwer semi-major axis as {@code a0 / (1 - delta0)} (Spacetrack Report #3), where
 * Vallado's code takes {@code (XKE / n0'')^(2/3)} from the recovered mean motion. The two agree to a few parts in
 * 1e12 for ordinary orbits but not for very eccentric ones: on the verification case 33333 (e = 0.995) the secular
 * rates differ by 3e-4 and the positions by 3,400 km after 20 minutes. The Vallado-conformant propagators overwrite
 * Orekit's fields with these values before Orekit derives the rest of its initialisation from them.
 */
public record Sgp4Commons(double cosi0, double sini0, double theta2, double e0sq, double beta02, double beta0,
                   double xn0dp, double a0dp, double perige, double s4, double tsi, double eta, double etasq,
                   double eeta, double coef, double coef1, double c1, double c2, double c4, double c5,
                   double xmdot, double omgdot, double xnodot, double xnodcf, double t2cof) {

    private static final double J2 = TLEConstants.XJ2;
    private static final double J4 = TLEConstants.XJ4;
    private static final double RADIUS_KM = TLEConstants.EARTH_RADIUS;

    /** Orbits whose period is at least this many minutes are propagated with the deep-space terms (SDP4). */
    public static final double DEEP_SPACE_PERIOD_MINUTES = 225.0;

    public static Sgp4Commons of(TLE tle) {
        double e0 = tle.getE();
        double n0 = tle.getMeanMotion() * 60.0; // rad/min
        double cosi = FastMath.cos(tle.getI());
        double sini = FastMath.sin(tle.getI());
        double cosi2 = cosi * cosi;
        double e0sq = e0 * e0;
        double beta02 = 1.0 - e0sq;
        double beta0 = FastMath.sqrt(beta02);

        // un-Kozai the mean motion
        double ak = FastMath.pow(TLEConstants.XKE / n0, 2.0 / 3.0);
        double d1 = 0.75 * J2 * (3.0 * cosi2 - 1.0) / (beta0 * beta02);
        double del = d1 / (ak * ak);
        double adel = ak * (1.0 - del * del - del * (1.0 / 3.0 + 134.0 * del * del / 81.0));
        del = d1 / (adel * adel);
        double xn0dp = n0 / (1.0 + del);
        double a0dp = FastMath.pow(TLEConstants.XKE / xn0dp, 2.0 / 3.0);

        double perige = (a0dp * (1.0 - e0) - 1.0) * RADIUS_KM;
        double s4 = TLEConstants.S;
        double qoms24 = TLEConstants.QOMS2T;
        if (perige < 156.0) {
            double sKm = perige < 98.0 ? 20.0 : perige - 78.0;
            qoms24 = FastMath.pow((120.0 - sKm) / RADIUS_KM, 4.0);
            s4 = sKm / RADIUS_KM + 1.0;
        }
        double po = a0dp * beta02;
        double pinvsq = 1.0 / (po * po);
        double tsi = 1.0 / (a0dp - s4);
        double eta = a0dp * e0 * tsi;
        double etasq = eta * eta;
        double eeta = e0 * eta;
        double psisq = FastMath.abs(1.0 - etasq);
        double coef = qoms24 * FastMath.pow(tsi, 4.0);
        double coef1 = coef / FastMath.pow(psisq, 3.5);
        double x3thm1 = 3.0 * cosi2 - 1.0;
        double c2 = coef1 * xn0dp * (a0dp * (1.0 + 1.5 * etasq + eeta * (4.0 + etasq))
                + 0.375 * J2 * tsi / psisq * x3thm1 * (8.0 + 3.0 * etasq * (8.0 + etasq)));
        double c1 = tle.getBStar() * c2;
        double x1mth2 = 1.0 - cosi2;
        double c4 = 2.0 * xn0dp * coef1 * a0dp * beta02 * (eta * (2.0 + 0.5 * etasq) + e0 * (0.5 + 2.0 * etasq)
                - J2 * tsi / (a0dp * psisq) * (-3.0 * x3thm1 * (1.0 - 2.0 * eeta + etasq * (1.5 - 0.5 * eeta))
                + 0.75 * x1mth2 * (2.0 * etasq - eeta * (1.0 + etasq)) * FastMath.cos(2.0 * tle.getPerigeeArgument())));
        double c5 = 2.0 * coef1 * a0dp * beta02 * (1.0 + 2.75 * (etasq + eeta) + eeta * etasq);
        double cosi4 = cosi2 * cosi2;
        double temp1 = 1.5 * J2 * pinvsq * xn0dp;
        double temp2 = 0.5 * temp1 * J2 * pinvsq;
        double temp3 = -0.46875 * J4 * pinvsq * pinvsq * xn0dp;
        double xmdot = xn0dp + 0.5 * temp1 * beta0 * x3thm1
                + 0.0625 * temp2 * beta0 * (13.0 - 78.0 * cosi2 + 137.0 * cosi4);
        double omgdot = -0.5 * temp1 * (1.0 - 5.0 * cosi2) + 0.0625 * temp2 * (7.0 - 114.0 * cosi2 + 395.0 * cosi4)
                + temp3 * (3.0 - 36.0 * cosi2 + 49.0 * cosi4);
        double xhdot1 = -temp1 * cosi;
        double xnodot = xhdot1 + (0.5 * temp2 * (4.0 - 19.0 * cosi2) + 2.0 * temp3 * (3.0 - 7.0 * cosi2)) * cosi;
        double xnodcf = 3.5 * beta02 * xhdot1 * c1;
        double t2cof = 1.5 * c1;
        return new Sgp4Commons(cosi, sini, cosi2, e0sq, beta02, beta0, xn0dp, a0dp, perige, s4, tsi, eta, etasq,
                eeta, coef, coef1, c1, c2, c4, c5, xmdot, omgdot, xnodot, xnodcf, t2cof);
    }

    public boolean deepSpace() {
        return 2.0 * FastMath.PI / xn0dp >= DEEP_SPACE_PERIOD_MINUTES;
    }
}
