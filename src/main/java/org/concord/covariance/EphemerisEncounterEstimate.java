package org.concord.covariance;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.concord.risk.CollisionProbability;
import org.concord.risk.CovarianceSource;
import org.concord.risk.PcCalculator;
import org.concord.risk.PcMethod;
import org.orekit.frames.Frame;
import org.orekit.orbits.CartesianOrbit;
import org.orekit.propagation.StateCovariance;
import org.orekit.propagation.analytical.tle.TLEConstants;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;

/**
 * An encounter of an ephemeris that carries its own covariance (an uploaded OEM: MEASURED, from the operator's orbit
 * determination) with an element set whose covariance is ESTIMATED from its element-set history, and the
 * probability of collision they give by {@link #METHOD}. As one of the two covariances is an estimate, so is the Pc:
 * its source is {@link CovarianceSource#ESTIMATED}, never measured, and the maximum Pc is given beside it.
 */
public record EphemerisEncounterEstimate(EstimatedCovariance secondary, CollisionProbability probability) {

    /** The Pc method: the one used with estimated covariances ({@link EncounterEstimate#METHOD}). */
    public static final PcMethod METHOD = EncounterEstimate.METHOD;

    /** The secondary's covariance at {@code tca} from its history, if it has enough differences near that span. */
    public static Optional<EstimatedCovariance> secondaryCovariance(ElementSetHistory history, AbsoluteDate tca) {
        double fromEpoch = tca.durationFrom(history.reference().getDate());
        return history.at(Duration.ofMillis(Math.round(fromEpoch * 1000)));
    }

    /**
     * The Pc of the primary (state and its measured covariance {@code primaryRtn}, a {@code StateCovariance} in any
     * frame or local orbital frame, at {@code tca}) and the secondary (state and its estimated covariance), both
     * states in {@code frame}, an inertial frame such as SGP4's TEME.
     *
     * @throws IllegalArgumentException when the short-term encounter model does not apply (no relative velocity)
     * @throws IllegalStateException    when the method cannot compute this encounter
     */
    public static EphemerisEncounterEstimate of(PVCoordinates primaryState, StateCovariance primaryRtn,
                                                PVCoordinates secondaryState, EstimatedCovariance secondary,
                                                Frame frame, AbsoluteDate tca, double combinedHbrMeters) {
        CollisionProbability pc = PcCalculator.compute(
                new CartesianOrbit(primaryState, frame, tca, TLEConstants.MU), primaryRtn,
                new CartesianOrbit(secondaryState, frame, tca, TLEConstants.MU), secondary.toOrekit(tca),
                combinedHbrMeters, METHOD, CovarianceSource.ESTIMATED);
        return new EphemerisEncounterEstimate(secondary, pc);
    }

    /**
     * The estimate in plain ASCII words (under 512 characters): the Pc, its method, each covariance's source and
     * position sigmas, and the maximum Pc beside it; {@code primarySigmasMeters} are the primary's R, T, N sigmas.
     */
    public String statement(double[] primarySigmasMeters, double maximumPc) {
        return String.format(Locale.ROOT, "ESTIMATED probability of collision %.4e (%s), not a measured Pc: primary"
                        + " covariance MEASURED (the OEM's own), secondary covariance ESTIMATED from its element-set"
                        + " history (TLE differencing, %d differences, %d element sets); sigma R/T/N %.0f/%.0f/%.0f m"
                        + " and %.0f/%.0f/%.0f m; miss distance %.3f m, combined HBR %.3f m; maximum Pc %.4e",
                probability.probability(), probability.method(), secondary.samples(), secondary.elementSets(),
                primarySigmasMeters[0], primarySigmasMeters[1], primarySigmasMeters[2], secondary.sigmaMeters(0),
                secondary.sigmaMeters(1), secondary.sigmaMeters(2), probability.missDistanceM(),
                probability.combinedHbrM(), maximumPc);
    }
}
