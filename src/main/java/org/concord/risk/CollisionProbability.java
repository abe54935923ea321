package org.concord.risk;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A probability of collision and what it was computed from.
 *
 * @param probability        the probability, between 0 and 1
 * @param method             the method, e.g. "Alfano 2005", or "closed form" for the closed-form maximum
 * @param missDistanceM      the miss distance at TCA, metres
 * @param combinedHbrM       the combined hard-body radius, metres
 * @param covarianceSource   measured covariance, an assumed model, or a maximum over covariance scaling
 * @param sigmaAtMaximumM    for a {@link CovarianceSource#MAXIMUM} over an isotropic covariance: the standard
 *                           deviation (per axis, metres) at which the maximum is reached; for a maximum over the
 *                           scaling of a given covariance: the scale factor of the standard deviations; else empty
 */
public record CollisionProbability(double probability, String method, double missDistanceM, double combinedHbrM,
                                   CovarianceSource covarianceSource, OptionalDouble sigmaAtMaximumM) {

    public CollisionProbability {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability " + probability + " is not in [0, 1]");
        }
    }

    /** Whether this is an upper bound (a maximum over covariance size), not a measured probability. */
    public boolean isMaximum() {
        return covarianceSource == CovarianceSource.MAXIMUM;
    }

    /** One line in plain words, saying whether it is a maximum. */
    public String describe() {
        String what = switch (covarianceSource) {
            case MEASURED -> "probability of collision";
            case ASSUMED -> "probability of collision with an ASSUMED covariance (not measured)";
            case ESTIMATED -> "probability of collision with covariances ESTIMATED from the element-set histories"
                    + " (not measured)";
            case MAXIMUM -> "MAXIMUM probability of collision (the largest any covariance size could give;"
                    + " not a measured Pc)";
        };
        return String.format(Locale.ROOT, "%s %.4e (%s), miss distance %.3f m, combined HBR %.3f m", what,
                probability, method, missDistanceM, combinedHbrM);
    }
}
