package org.concord.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.javalin.http.Context;
import org.concord.conjunction.InputAges;
import org.concord.label.LabelFilter;
import org.concord.spaceweather.SpaceWeatherService;

/**
 * The {@code staleAfterStorm} flag of results computed from element sets (conjunctions, event updates) as every answer
 * shows it (docs/space-weather.md): the storms read once per answer in the indices the caller may see (recorded as
 * served), and each result's flag by the rule of {@link org.concord.spaceweather.Storm}. A result without input ages
 * (a CDM's, a partner's) has none.
 */
final class StormFlags {

    private StormFlags() {
    }

    /** What the rule needs of a result with these input ages at this TCA; nothing without ages. */
    static Optional<SpaceWeatherService.Inputs> inputs(Optional<InputAges> ages, Instant tca) {
        return ages.map(a -> new SpaceWeatherService.Inputs(a.epochsAt(tca), tca));
    }

    /** The storms that may leave these results' inputs stale, read once for the answer and recorded as served. */
    static SpaceWeatherService.Storms read(Context ctx, SpaceWeatherService spaceWeather, LabelFilter filter,
                                           List<SpaceWeatherService.Inputs> results) {
        SpaceWeatherService.Storms storms = spaceWeather.stormsUnseenBy(results, filter);
        Callers.served(ctx, storms.served());
        return storms;
    }

    /** A result's flag as JSON: the latest storm that leaves either input stale at its TCA, or null. */
    static Map<String, Object> flag(SpaceWeatherService.Storms storms, Optional<InputAges> ages, Instant tca) {
        return inputs(ages, tca).flatMap(storms::unseenBy).map(SpaceWeatherApi::storm).orElse(null);
    }
}
