package org.concord.risk;

import org.hipparchus.geometry.euclidean.twod.Vector2D;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.util.FastMath;
import org.orekit.ssa.collision.shorttermencounter.probability.twod.ShortTermEncounter2DDefinition;

/**
 * The encounter in the principal axes of the combined position covariance projected on the encounter plane: the
 * other object's position (x, y) and the standard deviations along the axes, σx ≤ σy (Orekit's convention).
 * <p>
 * The 2x2 covariance is diagonalised here in closed form rather than by Orekit, so that a covariance that is not
 * positive definite is remediated as NASA CARA does it (an eigenvalue below (1e-4 HBR)² is raised to it, see
 * {@link PcCalculator#CLIP_FACTOR}) instead of giving a probability that is not a number.
 */
record EncounterPlane(double x, double y, double sigmaX, double sigmaY, boolean remediated) {

    static EncounterPlane of(ShortTermEncounter2DDefinition encounter, double combinedHbrM) {
        RealMatrix c = encounter.computeProjectedCombinedPositionalCovarianceMatrix();
        Vector2D position = encounter.computeOtherPositionInCollisionPlane();
        double a = c.getEntry(0, 0);
        double b = 0.5 * (c.getEntry(0, 1) + c.getEntry(1, 0));
        double d = c.getEntry(1, 1);
        if (!Double.isFinite(a) || !Double.isFinite(b) || !Double.isFinite(d) || !Double.isFinite(position.getX())
                || !Double.isFinite(position.getY())) {
            throw new IllegalArgumentException("the combined covariance projected on the encounter plane is not"
                    + " finite: the covariances cannot be used");
        }
        double mean = 0.5 * (a + d);
        double radius = FastMath.hypot(0.5 * (a - d), b);
        double small = mean - radius;
        double large = mean + radius;
        // the angle of the eigenvector of the larger eigenvalue from the first axis
        double theta = 0.5 * FastMath.atan2(2 * b, a - d);
        double cos = FastMath.cos(theta);
        double sin = FastMath.sin(theta);
        // y along the larger eigenvalue's vector, x along the smaller's
        double alongLarge = cos * position.getX() + sin * position.getY();
        double alongSmall = -sin * position.getX() + cos * position.getY();
        double floor = PcCalculator.CLIP_FACTOR * combinedHbrM * PcCalculator.CLIP_FACTOR * combinedHbrM;
        boolean remediated = small < floor || large < floor;
        return new EncounterPlane(alongSmall, alongLarge, FastMath.sqrt(Math.max(small, floor)),
                FastMath.sqrt(Math.max(large, floor)), remediated);
    }
}
