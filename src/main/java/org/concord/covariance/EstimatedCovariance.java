package org.concord.covariance;

import java.time.Duration;

import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.orekit.frames.LOFType;
import org.orekit.propagation.StateCovariance;
import org.orekit.time.AbsoluteDate;

/**
 * A position-velocity covariance (m², m²/s, m²/s²) in the radial / in-track / cross-track frame of an element set's
 * prediction {@code span} after its epoch, estimated from the element-set history: the second moment of
 * {@code samples} differences between earlier element sets propagated over spans within {@code span} ±
 * {@code halfWidth} and the element sets at the epochs they were propagated to, from {@code elementSets} element sets.
 * Not a measured covariance.
 */
public record EstimatedCovariance(double[][] rtn, Duration span, Duration halfWidth, int samples, int elementSets) {

    public EstimatedCovariance {
        if (rtn.length != 6) {
            throw new IllegalArgumentException("a position-velocity covariance is 6 x 6");
        }
        double[][] copy = new double[6][];
        for (int i = 0; i < 6; i++) {
            copy[i] = rtn[i].clone();
        }
        rtn = copy;
    }

    /** The standard deviation along axis 0 (radial), 1 (in-track) or 2 (cross-track), metres. */
    public double sigmaMeters(int axis) {
        return Math.sqrt(rtn[axis][axis]);
    }

    /** Entry (row, column), SI units. */
    public double entry(int row, int column) {
        return rtn[row][column];
    }

    /** As Orekit's state covariance at {@code date}, in the inertial RTN frame (Orekit's {@code QSW_INERTIAL}). */
    public StateCovariance toOrekit(AbsoluteDate date) {
        RealMatrix m = MatrixUtils.createRealMatrix(rtn);
        return new StateCovariance(m, date, LOFType.QSW_INERTIAL);
    }

    /** One line in plain words and plain ASCII (it goes into CDM COMMENT lines): what it is and its position sigmas. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "ESTIMATED from the element-set history (TLE differencing, not"
                        + " measured): %d differences over spans of %.2f +/- %.2f d from %d element sets; sigma radial %.0f"
                        + " m, in-track %.0f m, cross-track %.0f m", samples, span.toSeconds() / 86400.0,
                halfWidth.toSeconds() / 86400.0, elementSets, sigmaMeters(0), sigmaMeters(1), sigmaMeters(2));
    }
}
