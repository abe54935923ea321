package org.concord.conjunction;

import java.util.Optional;

import org.concord.risk.CollisionProbability;
import org.concord.risk.CovarianceSource;
import org.concord.risk.MaximumPc;

/**
 * The probability of collision of a conjunction and how it was obtained. {@code source} says whether the covariance
 * behind it was measured (OEM or CDM), assumed (a model), estimated from the element-set histories, or whether the
 * figure is the maximum over all covariance scalings (TLE-only objects, as CelesTrak SOCRATES reports);
 * {@code statement} says so in plain words.
 */
public record CollisionRisk(double probability, String method, CovarianceSource source,
                            double combinedHardBodyRadiusMeters, String statement) {

    /** A miss distance under this is taken as this for the maximum Pc (which is 1 within the hard-body radius). */
    private static final double SMALLEST_MISS_METERS = 1e-3;

    /**
     * The maximum Pc of objects without a covariance, Alfano's closed form ({@link MaximumPc#closedForm}), its
     * statement followed by {@code note}.
     */
    public static CollisionRisk maximum(double missDistanceMeters, double combinedHbrMeters, String note) {
        CollisionProbability max = maximumProbability(missDistanceMeters, combinedHbrMeters);
        return new CollisionRisk(max.probability(), max.method(), CovarianceSource.MAXIMUM, combinedHbrMeters,
                max.describe() + note);
    }

    /**
     * For a Pc from an estimated or assumed covariance, the maximum Pc beside it (the same closed form, at the same
     * miss distance and hard-body radius): what the Pc can be at most, whatever the covariance's size.
     */
    public Optional<Double> maximumBeside(double missDistanceMeters) {
        boolean modelled = source == CovarianceSource.ESTIMATED || source == CovarianceSource.ASSUMED;
        return modelled && Double.isFinite(combinedHardBodyRadiusMeters)
                ? Optional.of(maximumProbability(missDistanceMeters, combinedHardBodyRadiusMeters).probability())
                : Optional.empty();
    }

    private static CollisionProbability maximumProbability(double missDistanceMeters, double combinedHbrMeters) {
        return MaximumPc.closedForm(Math.max(missDistanceMeters, SMALLEST_MISS_METERS), combinedHbrMeters);
    }
}
