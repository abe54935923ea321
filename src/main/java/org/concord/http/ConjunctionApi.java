package org.concord.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.javalin.http.Context;
import org.concord.access.SharingService;
import org.concord.conjunction.Conjunction;
import org.concord.conjunction.ConjunctionStore;
import org.concord.http.HttpErrors.NotFoundException;
import org.concord.http.HttpErrors.UnavailableException;
import org.concord.input.Choices;
import org.concord.spaceweather.SpaceWeatherService;
import org.concord.spaceweather.Storm;

/**
 * Conjunctions' JSON shape, with the names of their objects, and a conjunction's CCSDS CDM over HTTP (the list and
 * one conjunction are the routes of every product kind).
 */
final class ConjunctionApi {

    private final ConjunctionStore conjunctions;
    private final ObjectNames names;
    private final SharingService sharing;
    private final SpaceWeatherService spaceWeather;

    ConjunctionApi(ConjunctionStore conjunctions, ObjectNames names, SharingService sharing,
                   SpaceWeatherService spaceWeather) {
        this.conjunctions = conjunctions;
        this.names = names;
        this.sharing = sharing;
        this.spaceWeather = spaceWeather;
    }

    /**
     * The conjunctions of one answer as JSON, each with the names of its two objects as the catalog shows them to
     * this caller ({@link ObjectNames}). Each says which storm, if any, leaves an input stale at its TCA
     * ({@code staleAfterStorm}, docs/space-weather.md), from the storms in the indices the caller may see, read once
     * for the whole answer.
     */
    List<Map<String, Object>> views(Context ctx, List<Conjunction> answer) {
        Map<Long, String> named = names.of(ctx, answer.stream()
                .flatMap(c -> java.util.stream.Stream.of(c.primaryNoradId(), c.secondaryNoradId())).toList());
        List<Storm> storms = storms(ctx, answer);
        return answer.stream().map(c -> {
            Map<String, Object> m = JsonViews.conjunction(c, Optional.ofNullable(named.get(c.primaryNoradId())),
                    Optional.ofNullable(named.get(c.secondaryNoradId())));
            m.put("staleAfterStorm", c.inputAges().flatMap(a -> Storm.unseenByAny(a.epochsAt(c.tca()), c.tca(),
                    storms)).map(SpaceWeatherApi::storm).orElse(null));
            return m;
        }).toList();
    }

    /** The storms that may leave an input of these conjunctions stale at its TCA; none to read without input ages. */
    private List<Storm> storms(Context ctx, List<Conjunction> answer) {
        List<Conjunction> aged = answer.stream().filter(c -> c.inputAges().isPresent()).toList();
        if (aged.isEmpty()) {
            return List.of();
        }
        Instant earliestEpoch = aged.stream().flatMap(c -> c.inputAges().orElseThrow().epochsAt(c.tca()).stream())
                .min(Instant::compareTo).orElseThrow();
        Instant earliestTca = aged.stream().map(Conjunction::tca).min(Instant::compareTo).orElseThrow();
        Instant latestTca = aged.stream().map(Conjunction::tca).max(Instant::compareTo).orElseThrow();
        SpaceWeatherService.Storms storms = spaceWeather.stormsUnseenBy(earliestEpoch, earliestTca, latestTca,
                Callers.filter(ctx, sharing));
        Callers.served(ctx, storms.served());
        return storms.storms();
    }

    void conjunctionCdm(Context ctx) {
        long id = ApiServer.parseId(ctx.pathParam("id"));
        Conjunction c = conjunctions.findConjunction(id, Callers.filter(ctx, sharing))
                .orElseThrow(() -> new NotFoundException("no conjunction " + id));
        org.concord.event.EventCdm.Format format = EventCdmApi.format(ctx);
        String cdm = c.cdm().orElseThrow(() -> new UnavailableException("conjunction " + id + " comes from a"
                + " screening of mean elements without covariance; a CCSDS CDM needs both objects' covariances at TCA,"
                + " so it has no CDM form"));
        org.orekit.files.ccsds.ndm.cdm.Cdm parsed = org.concord.formats.CdmReader.parse("conjunction-" + id, cdm);
        EventCdmApi.reply(ctx, c.label(), format, format == org.concord.event.EventCdm.Format.XML
                ? org.concord.formats.CdmWriter.writeXml(parsed) : org.concord.formats.CdmWriter.writeKvn(parsed));
    }
}
