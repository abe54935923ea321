package org.concord.conjunction;

import org.concord.risk.CovarianceSource;

/**
 * The probability of collision of a conjunction and how it was obtained. {@code source} says whether the covariance
 * behind it was measured (OEM or CDM), assumed (a model), or whether the figure is the maximum over all covariance
 * scalings (TLE-only objects, as CelesTrak SOCRATES reports); {@code statement} says so in plain words.
 */
public record CollisionRisk(double probability, String method, CovarianceSource source,
                            double combinedHardBodyRadiusMeters, String statement) {
}
