package org.concord.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import io.javalin.http.Context;
import org.concord.access.SharingService;
import org.concord.catalog.CatalogStore;
import org.concord.catalog.ObjectQuery;
import org.concord.catalog.SpaceObject;
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

    /** Catalog numbers asked of the catalog at once: well inside any database's limit on bound values. */
    private static final int NAMES_AT_ONCE = 1000;

    private final ConjunctionStore conjunctions;
    private final CatalogStore catalog;
    private final SharingService sharing;
    private final SpaceWeatherService spaceWeather;

    ConjunctionApi(ConjunctionStore conjunctions, CatalogStore catalog, SharingService sharing,
                   SpaceWeatherService spaceWeather) {
        this.conjunctions = conjunctions;
        this.catalog = catalog;
        this.sharing = sharing;
        this.spaceWeather = spaceWeather;
    }

    /**
     * The conjunctions of one answer as JSON, each with the names of its two objects as the catalog shows them to
     * this caller: an object none of whose orbit records the caller may see has no name here (as
     * {@code GET /api/v1/objects/{noradId}} answers 404 for it), and the records the names come from are served data
     * for the read audit, as on the object routes. Each says which storm, if any, leaves an input stale at its TCA
     * ({@code staleAfterStorm}, docs/space-weather.md), from the storms in the indices the caller may see, read once
     * for the whole answer.
     */
    List<Map<String, Object>> views(Context ctx, List<Conjunction> answer) {
        List<Long> noradIds = new ArrayList<>(new TreeSet<>(answer.stream()
                .flatMap(c -> java.util.stream.Stream.of(c.primaryNoradId(), c.secondaryNoradId())).toList()));
        Map<Long, String> names = new HashMap<>();
        for (int from = 0; from < noradIds.size(); from += NAMES_AT_ONCE) {
            List<Long> part = noradIds.subList(from, Math.min(noradIds.size(), from + NAMES_AT_ONCE));
            for (SpaceObject o : catalog.findObjects(ObjectQuery.of(part), Callers.filter(ctx, sharing)).items()) {
                if (!o.name().isBlank()) {
                    names.put(o.noradId(), o.name());
                    o.latestOrbit().ifPresent(orbit -> Callers.served(ctx, orbit.label()));
                }
            }
        }
        SpaceWeatherService.Storms storms = StormFlags.read(ctx, spaceWeather, Callers.filter(ctx, sharing),
                answer.stream().flatMap(c -> StormFlags.inputs(c.inputAges(), c.tca()).stream()).toList());
        return answer.stream().map(c -> {
            Map<String, Object> m = JsonViews.conjunction(c, Optional.ofNullable(names.get(c.primaryNoradId())),
                    Optional.ofNullable(names.get(c.secondaryNoradId())));
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
