package org.concord.reentry;

/**
 * The ballistic coefficient {@code B = Cd A / m} of a decaying object and where it comes from.
 *
 * @param squareMetersPerKg B in m²/kg (drag acceleration is {@code ½ ρ v² B})
 * @param source            how it was estimated
 * @param elementSets       how many element sets it was estimated from
 */
public record BallisticCoefficient(double squareMetersPerKg, Source source, int elementSets) {

    /** How a ballistic coefficient was estimated. */
    public enum Source {
        /** Fitted so that the modelled decay of the mean semi-major axis matches the observed one between sets. */
        OBSERVED_DECAY,
        /**
         * So that the modelled rate of decay of the mean semi-major axis matches the one element set's mean motion
         * rate (ṅ, fitted to observations by the catalogue's orbit determination).
         */
        MEAN_MOTION_RATE,
        /** From the B* drag term of one element set: {@code B = 2 B* / ρ₀} with SGP4's ρ₀ = 0.15696615 kg/m²/ER. */
        BSTAR
    }

    /** SGP4's reference density times one Earth radius, kg/m² per Earth radius (Vallado, Fundamentals, 4th ed.). */
    static final double SGP4_REFERENCE_DENSITY_PER_EARTH_RADIUS = 0.15696615;

    static BallisticCoefficient fromBstar(double bstarPerEarthRadius) {
        return new BallisticCoefficient(2.0 * bstarPerEarthRadius / SGP4_REFERENCE_DENSITY_PER_EARTH_RADIUS,
                Source.BSTAR, 1);
    }
}
