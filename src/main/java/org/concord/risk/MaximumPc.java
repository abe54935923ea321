package org.concord.risk;

import java.util.OptionalDouble;

import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;
import org.hipparchus.util.FastMath;
import org.orekit.errors.OrekitException;
import org.orekit.orbits.Orbit;
import org.orekit.propagation.StateCovariance;
import org.orekit.ssa.collision.shorttermencounter.probability.twod.ShortTermEncounter2DDefinition;
import org.orekit.ssa.collision.shorttermencounter.probability.twod.ShortTermEncounter2DPOCMethod;

/**
 * The maximum probability of collision for objects without a covariance (TLE-only objects), as CelesTrak SOCRATES
 * reports it: the largest Pc any size of covariance could give, for a covariance of assumed shape. It is an upper
 * bound on the Pc, <b>not a measured Pc</b>: every result says so ({@link CovarianceSource#MAXIMUM}).
 * <p>
 * Two ways, which agree (see {@code MaximumPcTest}):
 * <ul>
 * <li>{@link #closedForm}: for an isotropic (circular) 2D covariance of standard deviation σ per axis and a miss
 * distance d much larger than the combined radius R, Pc(σ) ≈ R²/(2σ²)·exp(−d²/(2σ²)), whose maximum over σ is
 * reached at σ = d/√2 and is Alfano's maximum probability <b>Pc_max = R²/(e·d²)</b>;</li>
 * <li>{@link #isotropic} and {@link #scaled}: the maximum over a one-dimensional scale factor, found with
 * Hipparchus' Brent optimiser on the logarithm of the scale, of the Pc that one of Orekit's 2D methods gives for
 * the scaled covariance; no small-radius approximation. {@link #isotropic} scales a circular covariance;
 * {@link #scaled} scales the given covariances of both objects together (their shape, e.g. a covariance model
 * for TLEs, is kept).</li>
 * </ul>
 */
public final class MaximumPc {

    /** The scale is searched over this many decades each side of the geometric guess. */
    private static final double DECADES = 4;

    private MaximumPc() {
    }

    /**
     * Alfano's closed form R²/(e·d²), for a circular covariance and d ≫ R (its relative error is of the order of
     * R²/d²); 1 when the miss distance is not larger than the radius.
     */
    public static CollisionProbability closedForm(double missDistanceM, double combinedHbrM) {
        PcCalculator.checkRadius(combinedHbrM);
        checkMiss(missDistanceM);
        if (missDistanceM <= combinedHbrM) {
            return new CollisionProbability(1.0, "closed form R²/(e·d²)", missDistanceM, combinedHbrM,
                    CovarianceSource.MAXIMUM, OptionalDouble.of(0.0));
        }
        double p = combinedHbrM * combinedHbrM / (FastMath.E * missDistanceM * missDistanceM);
        return new CollisionProbability(Math.min(1.0, p), "closed form R²/(e·d²)", missDistanceM, combinedHbrM,
                CovarianceSource.MAXIMUM, OptionalDouble.of(missDistanceM / FastMath.sqrt(2)));
    }

    /**
     * The maximum over σ of the Pc of a circular combined covariance (σ per axis in the encounter plane) by an
     * Orekit method. {@link CollisionProbability#sigmaAtMaximumM} is the σ of the maximum. When the miss distance
     * is not larger than the radius the supremum is 1, reached as σ tends to 0.
     */
    public static CollisionProbability isotropic(double missDistanceM, double combinedHbrM, PcMethod method) {
        PcCalculator.checkRadius(combinedHbrM);
        checkMiss(missDistanceM);
        String name = "maximum over σ, " + method.displayName();
        if (missDistanceM <= combinedHbrM) {
            return new CollisionProbability(1.0, name, missDistanceM, combinedHbrM, CovarianceSource.MAXIMUM,
                    OptionalDouble.of(0.0));
        }
        ShortTermEncounter2DPOCMethod orekit = method.orekit();
        Maximum max = maximise(FastMath.log(missDistanceM / FastMath.sqrt(2)), logSigma -> {
            double sigma = FastMath.exp(logSigma);
            return orekit.compute(missDistanceM, 0.0, sigma, sigma, combinedHbrM).getValue();
        });
        return new CollisionProbability(PcCalculator.clamp(method, max.value()), name, missDistanceM, combinedHbrM,
                CovarianceSource.MAXIMUM, OptionalDouble.of(FastMath.exp(max.argument())));
    }

    /**
     * The maximum over k of the Pc computed with both covariances' standard deviations multiplied by k (their
     * shape and orientation kept): the answer when the covariance shape is known (or modelled) but not its size.
     * {@link CollisionProbability#sigmaAtMaximumM} is the factor k of the maximum.
     */
    public static CollisionProbability scaled(Orbit object1, StateCovariance shape1, Orbit object2,
                                              StateCovariance shape2, double combinedHbrM, PcMethod method) {
        PcCalculator.checkRadius(combinedHbrM);
        ShortTermEncounter2DDefinition encounter = new ShortTermEncounter2DDefinition(object1, shape1, object2,
                shape2, combinedHbrM);
        EncounterPlane plane = EncounterPlane.of(encounter, combinedHbrM);
        double sx = plane.sigmaX();
        double sy = plane.sigmaY();
        double d = encounter.computeMissDistance();
        String name = "maximum over covariance scale, " + method.displayName();
        if (d <= combinedHbrM) {
            return new CollisionProbability(1.0, name, d, combinedHbrM, CovarianceSource.MAXIMUM,
                    OptionalDouble.of(0.0));
        }
        // the Mahalanobis distance is 1/k times that of the unscaled covariance: start where it is about sqrt(2)
        double mahalanobis = FastMath.sqrt(ShortTermEncounter2DDefinition.computeSquaredMahalanobisDistance(
                plane.x(), plane.y(), sx, sy));
        ShortTermEncounter2DPOCMethod orekit = method.orekit();
        Maximum max = maximise(FastMath.log(mahalanobis / FastMath.sqrt(2)), logK -> {
            double k = FastMath.exp(logK);
            return orekit.compute(plane.x(), plane.y(), k * sx, k * sy, combinedHbrM).getValue();
        });
        return new CollisionProbability(PcCalculator.clamp(method, max.value()), name, d, combinedHbrM,
                CovarianceSource.MAXIMUM, OptionalDouble.of(FastMath.exp(max.argument())));
    }

    private record Maximum(double argument, double value) {
    }

    /**
     * Brent's method on the logarithm of the scale. The miss distance is larger than the radius here, so the Pc
     * tends to 0 at both ends of the interval; where a method fails numerically far out in the tails (a
     * covariance thousands of times too small or too large), its value is taken as that limit, 0.
     */
    private static Maximum maximise(double guess, UnivariateFunction f) {
        double span = DECADES * FastMath.log(10);
        UnivariateFunction guarded = x -> {
            try {
                double p = f.value(x);
                return Double.isNaN(p) ? 0.0 : p;
            } catch (MathRuntimeException | OrekitException e) {
                return 0.0;
            }
        };
        BrentOptimizer brent = new BrentOptimizer(1e-10, 1e-12);
        UnivariatePointValuePair best = brent.optimize(new MaxEval(1000), new UnivariateObjectiveFunction(guarded),
                GoalType.MAXIMIZE, new SearchInterval(guess - span, guess + span, guess));
        return new Maximum(best.getPoint(), best.getValue());
    }

    private static void checkMiss(double missDistanceM) {
        if (!(missDistanceM >= 0) || Double.isInfinite(missDistanceM)) {
            throw new IllegalArgumentException("miss distance " + missDistanceM
                    + " m is not a finite non-negative length");
        }
    }
}
