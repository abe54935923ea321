package org.concord.http;

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
        SpaceWeatherService.Storms storms = StormFlags.read(ctx, spaceWeather, Callers.filter(ctx, sharing),
                answer.stream().flatMap(c -> StormFlags.inputs(c.inputAges(), c.tca()).stream()).toList());
        return answer.stream().map(c -> {
            Map<String, Object> m = JsonViews.conjunction(c, Optional.ofNullable(named.get(c.primaryNoradId())),
                    Optional.ofNullable(named.get(c.secondaryNoradId())));
            m.put("staleAfterStorm", StormFlags.flag(storms, c.inputAges(), c.tca()));
            return m;
        }).toList();
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
