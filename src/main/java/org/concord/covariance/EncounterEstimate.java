package org.concord.covariance;

import java.util.Optional;

import org.concord.risk.CollisionProbability;
import org.concord.risk.CovarianceSource;
import org.concord.risk.PcCalculator;
import org.concord.risk.PcMethod;
import org.orekit.frames.Frame;
import org.orekit.orbits.CartesianOrbit;
import org.orekit.propagation.analytical.tle.TLEConstants;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;

/**
 * Both objects' covariances at TCA estimated from their element-set histories, and the probability of collision
 * they give by {@link #METHOD} ({@link CovarianceSource#ESTIMATED}: never a measured Pc).
 */
public record EncounterEstimate(EstimatedCovariance primary, EstimatedCovariance secondary,
                                CollisionProbability probability) {

    /** The Pc method used with estimated covariances: one of the accurate ones, and the only one for large radii. */
    public static final PcMethod METHOD = PcMethod.ALFANO_2005;

    /**
     * The estimate for an encounter at {@code tca} of the references of two histories, at the states they give there
     * (in {@code frame}, an inertial frame such as SGP4's TEME); empty when either history has too few differences
     * over the span from its epoch to TCA, or when the Pc cannot be computed (no relative velocity).
     */
    public static Optional<EncounterEstimate> of(ElementSetHistory primaryHistory, PVCoordinates primaryState,
                                                 ElementSetHistory secondaryHistory, PVCoordinates secondaryState,
                                                 Frame frame, AbsoluteDate tca, double combinedHbrMeters) {
        Optional<EstimatedCovariance> primary = covarianceAt(primaryHistory, tca);
        Optional<EstimatedCovariance> secondary = covarianceAt(secondaryHistory, tca);
        if (primary.isEmpty() || secondary.isEmpty()) {
            return Optional.empty();
        }
        try {
            CollisionProbability pc = PcCalculator.compute(
                    new CartesianOrbit(primaryState, frame, tca, TLEConstants.MU), primary.get().toOrekit(tca),
                    new CartesianOrbit(secondaryState, frame, tca, TLEConstants.MU), secondary.get().toOrekit(tca),
                    combinedHbrMeters, METHOD, CovarianceSource.ESTIMATED);
            return Optional.of(new EncounterEstimate(primary.get(), secondary.get(), pc));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** The estimate in plain words (at most about 300 characters): the Pc, both σ, and the maximum Pc beside it. */
    public String statement(double maximumPc) {
        return probability.describe() + String.format(java.util.Locale.ROOT, "; σ R/T/N %.0f/%.0f/%.0f m and"
                        + " %.0f/%.0f/%.0f m; maximum Pc %.4e", primary.sigmaMeters(0), primary.sigmaMeters(1),
                primary.sigmaMeters(2), secondary.sigmaMeters(0), secondary.sigmaMeters(1), secondary.sigmaMeters(2),
                maximumPc);
    }

    private static Optional<EstimatedCovariance> covarianceAt(ElementSetHistory history, AbsoluteDate tca) {
        double fromEpoch = tca.durationFrom(history.reference().getDate());
        return history.at(java.time.Duration.ofMillis(Math.round(fromEpoch * 1000)));
    }
}
