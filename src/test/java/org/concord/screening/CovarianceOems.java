package org.concord.screening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.concord.covariance.ElementSetHistoryCalibrationTest;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.utils.PVCoordinates;
import org.orekit.utils.TimeStampedPVCoordinates;

/**
 * An ephemeris with an operator's covariance, for tests, on real data: SPOT-5 (27421) from the latest of its 250
 * successive TLEs (Orekit's test resources, copied in src/test/resources/catalog), SGP4 states every 10 s in GCRF, and
 * a covariance block every 10 minutes. The covariance is a documented one, not measured: in the radial / in-track /
 * cross-track frame of the state, σR = 40 m, σT = 150 m + 50 m per hour from the ephemeris' start (the in-track
 * uncertainty of a prediction grows), σN = 25 m, a radial/in-track correlation of −0.4, velocity σ 0.03, 0.05 and
 * 0.02 m/s (R, T, N) uncorrelated with position; written in GCRF ({@code COV_REF_FRAME = GCRF}), so that reading it
 * needs the frame change back to RTN. The catalog it meets: the SPOT-5 series itself, the same series turned into a
 * crossing object 99421 (inclination 5° more, 300 m ahead along track: it meets SPOT-5 near the nodes twice an
 * orbit, and has a history to estimate a covariance from), and one element set of another crossing object 99422
 * (inclination 5° less, 400 m behind: no history).
 */
public final class CovarianceOems {

    /** Between two covariance blocks. */
    public static final Duration BLOCK_STEP = Duration.ofMinutes(10);
    private static final double DEGREE = Math.PI / 180;

    private CovarianceOems() {
    }

    /** The 250 SPOT-5 element sets. */
    public static List<TLE> spot5() {
        try {
            return ElementSetHistoryCalibrationTest.spot5();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 99421's element set made from one of SPOT-5's. */
    public static TLE crossing(TLE t) {
        return variant(t, 99421, "Z", 5 * DEGREE, 300 / 7.17e6);
    }

    /** 99422's element set made from one of SPOT-5's. */
    public static TLE single(TLE t) {
        return variant(t, 99422, "Y", -5 * DEGREE, -400 / 7.17e6);
    }

    /** The element set as its two lines give it (as the catalog holds it: the lines round the elements). */
    private static TLE variant(TLE t, int number, String piece, double inclination, double anomaly) {
        TLE exact = new TLE(number, t.getClassification(), t.getLaunchYear(), t.getLaunchNumber(), piece,
                t.getEphemerisType(), t.getElementNumber(), t.getDate(), t.getMeanMotion(),
                t.getMeanMotionFirstDerivative(), t.getMeanMotionSecondDerivative(), t.getE(), t.getI() + inclination,
                t.getPerigeeArgument(), t.getRaan(), t.getMeanAnomaly() + anomaly, t.getRevolutionNumberAtEpoch(),
                t.getBStar());
        return new TLE(exact.getLine1(), exact.getLine2());
    }

    /** Two-line text of the element sets. */
    public static String text(List<TLE> sets) {
        StringBuilder text = new StringBuilder();
        for (TLE t : sets) {
            text.append(t.getLine1()).append('\n').append(t.getLine2()).append('\n');
        }
        return text.toString();
    }

    /** The documented covariance (RTN, SI units) {@code seconds} after the ephemeris' start. */
    public static double[][] rtn(double seconds) {
        double[] sigma = {40, 150 + 50 * seconds / 3600, 25, 0.03, 0.05, 0.02};
        double[][] c = new double[6][6];
        for (int i = 0; i < 6; i++) {
            c[i][i] = sigma[i] * sigma[i];
        }
        c[0][1] = c[1][0] = -0.4 * sigma[0] * sigma[1];
        return c;
    }

    /**
     * The covariance by the documented rule at {@code seconds} after the start: the linear interpolation, entry by
     * entry, of the blocks before and after it (docs/screening.md).
     */
    public static double[][] rtnInterpolated(double seconds) {
        double step = BLOCK_STEP.toSeconds();
        double before = Math.floor(seconds / step) * step;
        double w = (seconds - before) / step;
        double[][] a = rtn(before);
        double[][] b = rtn(before + step);
        double[][] c = new double[6][6];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                c[i][j] = (1 - w) * a[i][j] + w * b[i][j];
            }
        }
        return c;
    }

    /**
     * A covariance in the RTN frame of {@code state} turned into the state's inertial frame: M C Mᵀ with M the
     * 6 x 6 block-diagonal matrix of the RTN axes (R along the position, N along r × v, T = N × R) as columns.
     */
    public static double[][] toInertial(double[][] rtn, PVCoordinates state) {
        Vector3D r = state.getPosition().normalize();
        Vector3D n = state.getMomentum().normalize();
        Vector3D t = Vector3D.crossProduct(n, r);
        double[][] axes = {{r.getX(), t.getX(), n.getX()}, {r.getY(), t.getY(), n.getY()},
                {r.getZ(), t.getZ(), n.getZ()}};
        double[][] m = new double[6][6];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m[i][j] = axes[i][j];
                m[i + 3][j + 3] = axes[i][j];
            }
        }
        double[][] out = new double[6][6];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double s = 0;
                for (int k = 0; k < 6; k++) {
                    for (int l = 0; l < 6; l++) {
                        s += m[i][k] * rtn[k][l] * m[j][l];
                    }
                }
                out[i][j] = s;
            }
        }
        return out;
    }

    /**
     * The OEM of SPOT-5 from {@code tle} over {@code [start, start + span]} (states every 10 s), with the documented
     * covariance every {@link #BLOCK_STEP} from the start up to {@code covarianceUntil} after it.
     */
    public static String spot5Oem(TLE tle, Instant start, Duration span, Duration covarianceUntil) {
        List<TimeStampedPVCoordinates> states = TestOems.sgp4States(tle, start, start.plus(span),
                Duration.ofSeconds(10));
        org.orekit.time.AbsoluteDate first = states.getFirst().getDate();
        return TestOems.oem("27421", "SPOT 5", List.of(states), s -> {
            double seconds = s.getDate().durationFrom(first);
            long step = BLOCK_STEP.toSeconds();
            return Math.round(seconds) % step == 0 && seconds <= covarianceUntil.toSeconds()
                    ? toInertial(rtn(seconds), s) : null;
        });
    }
}
