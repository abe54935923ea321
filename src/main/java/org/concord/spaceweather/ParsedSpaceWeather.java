package org.concord.spaceweather;

import java.util.List;

/** What one space weather input holds: its format, its days of indices and its alert messages. */
public record ParsedSpaceWeather(SpaceWeatherFormat format, List<DailyIndices> indices,
                                 List<SpaceWeatherAlert> alerts) {

    public ParsedSpaceWeather {
        indices = List.copyOf(indices);
        alerts = List.copyOf(alerts);
    }
}
