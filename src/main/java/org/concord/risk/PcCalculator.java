package org.concord.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.hipparchus.exception.MathRuntimeException;
import org.orekit.errors.OrekitException;
import org.orekit.orbits.Orbit;
import org.orekit.propagation.StateCovariance;
import org.orekit.ssa.collision.shorttermencounter.probability.twod.Alfano2005;
import org.orekit.ssa.collision.shorttermencounter.probability.twod.ShortTermEncounter2DDefinition;
import org.orekit.ssa.collision.shorttermencounter.probability.twod.ShortTermEncounter2DPOCMethod;

/**
 * Probability of collision at TCA through Orekit's short-term-encounter 2D methods.
 * <p>
 * The two states must be at the same date (the TCA, within Orekit's tolerance) and may be in any frame Orekit
 * knows; each covariance is a 6x6 position-velocity covariance (metres, seconds) in any frame or local orbital
 * frame (an RTN covariance of a CDM is a {@code StateCovariance} in {@code LOFType.QSW_INERTIAL}). Orekit projects
 * the combined position covariance on the encounter plane and integrates over the combined hard-body disc.
 */
public final class PcCalculator {

    private PcCalculator() {
    }

    /** The probability by one method, from states and measured covariances. */
    public static CollisionProbability compute(Orbit object1, StateCovariance covariance1, Orbit object2,
                                               StateCovariance covariance2, double combinedHbrM, PcMethod method) {
        return compute(object1, covariance1, object2, covariance2, combinedHbrM, method, CovarianceSource.MEASURED);
    }

    /**
     * Covariance remediation as NASA CARA's PcCircle does it: an eigenvalue of the projected 2x2 combined covariance
     * below (this factor × HBR)² is raised to it, so that a non-positive-definite covariance still gives a Pc.
     */
    public static final double CLIP_FACTOR = 1e-4;

    /** The probability by one method; {@code source} says whether the covariances were measured or assumed. */
    public static CollisionProbability compute(Orbit object1, StateCovariance covariance1, Orbit object2,
                                               StateCovariance covariance2, double combinedHbrM, PcMethod method,
                                               CovarianceSource source) {
        checkRadius(combinedHbrM);
        if (source == CovarianceSource.MAXIMUM) {
            throw new IllegalArgumentException("a maximum Pc is computed by MaximumPc");
        }
        ShortTermEncounter2DDefinition encounter = new ShortTermEncounter2DDefinition(object1, covariance1, object2,
                covariance2, combinedHbrM);
        if (encounter.computeOtherRelativeToReferencePVInReferenceInertial().getVelocity().getNorm() == 0) {
            throw new IllegalArgumentException("the objects have no relative velocity at TCA: the short-term"
                    + " encounter (2D) model does not apply, a long-encounter (3D) method is needed");
        }
        double miss = encounter.computeMissDistance();
        if (combinedHbrM == 0) {
            return new CollisionProbability(0.0, method.displayName(), miss, combinedHbrM, source,
                    OptionalDouble.empty());
        }
        EncounterPlane plane = EncounterPlane.of(encounter, combinedHbrM);
        double p;
        try {
            p = method.orekit().compute(plane.x(), plane.y(), plane.sigmaX(), plane.sigmaY(), combinedHbrM)
                    .getValue();
        } catch (MathRuntimeException | OrekitException e) {
            throw new IllegalStateException(method.displayName() + " cannot compute this encounter: "
                    + e.getMessage(), e);
        }
        if (p == 0 && method == PcMethod.LAAS_2015) {
            // Laas 2015's series returns 0 when it fails (combined radius of kilometres): cross-checked
            double alfano = new Alfano2005().compute(plane.x(), plane.y(), plane.sigmaX(), plane.sigmaY(),
                    combinedHbrM).getValue();
            if (alfano > 0) {
                throw new IllegalStateException(method.displayName() + " gives 0 where Alfano 2005 gives " + alfano
                        + ": its series did not converge for this encounter");
            }
        }
        return new CollisionProbability(clamp(method, p), method.displayName(), miss, combinedHbrM, source,
                OptionalDouble.empty());
    }

    /**
     * The probability by every method of {@link PcMethod} that can compute this encounter, in the order of
     * {@link PcMethod}; a method that cannot (an approximation out of its domain, a numerical failure) is left
     * out.
     */
    public static List<CollisionProbability> computeAll(Orbit object1, StateCovariance covariance1, Orbit object2,
                                                        StateCovariance covariance2, double combinedHbrM,
                                                        CovarianceSource source) {
        List<CollisionProbability> all = new ArrayList<>();
        for (PcMethod m : PcMethod.values()) {
            try {
                all.add(compute(object1, covariance1, object2, covariance2, combinedHbrM, m, source));
            } catch (IllegalStateException e) {
                // left out, as documented
            }
        }
        return all;
    }

    static void checkRadius(double combinedHbrM) {
        if (!(combinedHbrM >= 0) || Double.isInfinite(combinedHbrM)) {
            throw new IllegalArgumentException("combined hard-body radius " + combinedHbrM
                    + " m is not a finite non-negative length");
        }
    }

    /**
     * A rounding error just outside [0, 1] is brought back; a value far outside it (an approximation used beyond
     * its domain) or not a number is refused.
     */
    static double clamp(PcMethod method, double p) {
        if (Double.isNaN(p) || p < -1e-9 || p > 1 + 1e-9) {
            throw new IllegalStateException(method.displayName() + " gives " + p + ", not a probability: the"
                    + " method does not apply to this encounter");
        }
        return Math.min(1.0, Math.max(0.0, p));
    }
}
