package org.concord.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.concord.access.SharingService;
import org.concord.catalog.CatalogStore;
import org.concord.catalog.OrbitRecord;
import org.concord.catalog.SpaceObject;
import org.concord.cyber.CyberService;
import org.concord.cyber.SpaceObjectStix;
import org.concord.cyber.StixObject;
import org.concord.cyber.Timestamps;
import org.concord.http.HttpErrors.NotFoundException;
import org.concord.product.Product;

/**
 * {@code GET /api/v1/objects/{noradId}/cyber}: the STIX objects linked to a space object the caller may see (those
 * naming it with {@code x-concord-space-object}, the relationships and sightings that join them, and the objects at
 * their other ends: incidents, indicators, attack patterns), newest visible version of each, revoked ones left out;
 * and {@code .../cyber/stix}, the space object itself as a STIX infrastructure; and the same links for a ground
 * station ({@code x-concord-ground-station}).
 */
final class CyberApi {

    static final String PATH = "/api/v1/objects/{noradId}/cyber";
    static final String STIX = PATH + "/stix";
    static final String GROUND_STATION = "/api/v1/ground-stations/{stationId}/cyber";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CyberService cyber;
    private final CatalogStore catalog;
    private final SharingService sharing;

    CyberApi(CyberService cyber, CatalogStore catalog, SharingService sharing) {
        this.cyber = cyber;
        this.catalog = catalog;
        this.sharing = sharing;
    }

    void linked(Context ctx) throws JsonProcessingException {
        long noradId = ApiServer.parseId(ctx.pathParam("noradId"));
        var filter = Callers.filter(ctx, sharing);
        if (catalog.findObject(noradId, filter).isEmpty()) {
            throw new NotFoundException("no object " + noradId + " in this catalog");
        }
        ctx.json(Map.of("noradId", noradId, "items", items(ctx, cyber.linkedTo(noradId, filter))));
    }

    /**
     * {@code GET /api/v1/ground-stations/{stationId}/cyber}: the STIX objects linked to a ground station (the
     * infrastructure objects naming it with {@code x-concord-ground-station}, the relationships and sightings that join
     * them, the objects at their other ends: its {@code location}, incidents, indicators, ...), as for a space object.
     * The catalog holds no ground stations: a station nobody named, or named only where the caller may not see, has no
     * items (the same answer).
     */
    void groundStation(Context ctx) throws JsonProcessingException {
        String stationId = ctx.pathParam("stationId");
        var filter = Callers.filter(ctx, sharing);
        ctx.json(Map.of("stationId", stationId, "items", items(ctx, cyber.linkedToGroundStation(stationId,
                filter))));
    }

    /** The linked objects as items, recorded for the read audit. */
    private static List<Map<String, Object>> items(Context ctx, List<Product<StixObject>> linked)
            throws JsonProcessingException {
        Callers.served(ctx, linked.stream().map(Product::label).toList());
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (Product<StixObject> p : linked) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("stixId", p.value().stixId());
            m.put("type", p.value().type());
            m.put("collection", p.value().collectionId());
            m.put("version", Timestamps.format(p.value().version()));
            m.put("label", JsonViews.label(p.label()));
            m.put("object", JSON.readTree(p.value().json()));
            items.add(m);
        }
        return items;
    }

    /**
     * {@code GET /api/v1/objects/{noradId}/cyber/stix}: the space object as a STIX infrastructure, made from its latest
     * orbit record the caller may see and labelled like it (docs/cyber.md); not stored: its reader may post it to a
     * collection.
     */
    void stix(Context ctx) {
        long noradId = ApiServer.parseId(ctx.pathParam("noradId"));
        OrbitRecord record = catalog.findObject(noradId, Callers.filter(ctx, sharing))
                .flatMap(SpaceObject::latestOrbit)
                .orElseThrow(() -> new NotFoundException("no object " + noradId + " in this catalog"));
        SpaceObjectStix.Made made = SpaceObjectStix.of(noradId, record.objectName(),
                record.internationalDesignator(), record.label(), record.epoch());
        Callers.served(ctx, List.of(record.label()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("noradId", noradId);
        m.put("orbitId", record.id());
        m.put("label", JsonViews.label(made.label()));
        m.put("notCarried", made.notCarried());
        m.put("object", made.object());
        ctx.json(m);
    }
}
