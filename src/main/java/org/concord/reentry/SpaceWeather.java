package org.concord.reentry;

import java.util.Optional;

import org.orekit.models.earth.atmosphere.NRLMSISE00InputParameters;

/**
 * The solar flux and geomagnetic indices the atmosphere model is fed with, and what they are in words (shown in every
 * prediction). Without indices no epoch can be predicted, and the prediction says so.
 *
 * @param indices the indices, Orekit's {@code CssiSpaceWeatherData} or any other provider
 * @param source  where they come from (a file, the node's store, ...) and up to when they are observed
 */
public record SpaceWeather(Optional<NRLMSISE00InputParameters> indices, String source) {

    public static SpaceWeather of(NRLMSISE00InputParameters indices, String source) {
        return new SpaceWeather(Optional.of(indices), source);
    }

    public static SpaceWeather none(String why) {
        return new SpaceWeather(Optional.empty(), why);
    }
}
