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
 * and {@code .../cyber/stix}, the space object itself as a STIX infrastructure.
 */
final class CyberApi {

    static final String PATH = "/api/v1/objects/{noradId}/cyber";
    static final String STIX = PATH + "/stix";
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
        List<Product<StixObject>> linked = cyber.linkedTo(noradId, filter);
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
        ctx.json(Map.of("noradId", noradId, "items", items));
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
