package org.concord.spaceweather;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A day's 10.7 cm solar radio flux in solar flux units (1 sfu = 1e-22 W m⁻² Hz⁻¹): as observed and adjusted to 1 AU,
 * each with its 81-day averages centred on the day and ending on it, and the CSSI flux qualifier (0: the flux is
 * the one measured at noon). Empty where the source gives none.
 */
public record SolarFlux(OptionalDouble observedSfu, OptionalDouble adjustedSfu, OptionalDouble observedCentered81Sfu,
                        OptionalDouble observedLast81Sfu, OptionalDouble adjustedCentered81Sfu,
                        OptionalDouble adjustedLast81Sfu, OptionalLong qualifier) {

    public static final SolarFlux NONE = new SolarFlux(OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalLong.empty());

    /** Only the observed daily flux (SWPC's 10.7 cm flux product). */
    public static SolarFlux observed(double sfu) {
        return new SolarFlux(OptionalDouble.of(sfu), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalLong.empty());
    }
}
