package org.concord.http;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.javalin.http.Context;
import org.concord.access.SharingService;
import org.concord.catalog.ObjectQuery;
import org.concord.catalog.OrbitKind;
import org.concord.catalog.OrbitRecord;
import org.concord.catalog.Page;
import org.concord.catalog.SpaceObject;
import org.concord.catalog.SpaceObject.SatcatEntry;
import org.concord.input.SpaceTrackQuery;
import org.concord.input.SpaceTrackQuery.RequestClass;
import org.concord.label.LabelFilter;
import org.concord.node.Node;

/**
 * {@code GET /basicspacedata/query/...}: Space-Track's query paths over what the caller may see (docs/api.md,
 * "Space-Track and CelesTrak compatible reads"). {@code gp} is the newest element set of each object, as
 * {@code /api/v1/elements} serves it; {@code gp_history} every mean-element record of the objects named, as
 * {@code /api/v1/objects/{noradId}/orbits} lists them; {@code satcat} the SATCAT entries, as the object view shows them.
 */
final class SpaceTrackApi {

    static final String PATH = "/basicspacedata/query/<query>";
    /** The most objects one {@code gp_history} answer covers. */
    static final int MAX_HISTORY_OBJECTS = 1_000;

    private final Node node;
    private final SharingService sharing;

    SpaceTrackApi(Node node, SharingService sharing) {
        this.node = node;
        this.sharing = sharing;
    }

    void query(Context ctx) throws IOException {
        SpaceTrackQuery query = SpaceTrackQuery.parse(ctx.pathParam("query"), Instant.now());
        LabelFilter filter = Callers.filter(ctx, sharing);
        if (query.requestClass() == RequestClass.SATCAT) {
            List<SpaceObject> objects = limited(satcat(query, filter).stream().sorted(query.satcatOrder()).toList(),
                    query.limit());
            objects.forEach(o -> Callers.served(ctx, o.satcat().orElseThrow().label()));
            ctx.json(objects.stream().map(SpaceTrackApi::satcatRow).toList());
            return;
        }
        List<OrbitRecord> latest = new ArrayList<>();
        node.catalogScan().eachLatestMeanElements(filter, record -> {
            if (query.requestClass() == RequestClass.GP ? query.admits(record) : query.admitsId(record.noradId())) {
                latest.add(record);
            }
        });
        List<OrbitRecord> records = query.requestClass() == RequestClass.GP ? latest : history(query, latest, filter);
        CompatibleReads.writeElementSets(ctx, node, query.format().form(),
                limited(records.stream().sorted(query.elementSetOrder()).toList(), query.limit()));
    }

    private List<OrbitRecord> history(SpaceTrackQuery query, List<OrbitRecord> latest, LabelFilter filter) {
        if (latest.size() > MAX_HISTORY_OBJECTS) {
            throw new IllegalArgumentException("gp_history: NORAD_CAT_ID names " + latest.size() + " objects with"
                    + " element sets; at most " + MAX_HISTORY_OBJECTS + " are served in one answer");
        }
        List<OrbitRecord> records = new ArrayList<>();
        for (OrbitRecord newest : latest) {
            node.catalog().orbitHistory(newest.noradId(), filter).stream()
                    .filter(o -> o.kind() == OrbitKind.MEAN_ELEMENTS && query.admits(o)).forEach(records::add);
        }
        return records;
    }

    private List<SpaceObject> satcat(SpaceTrackQuery query, LabelFilter filter) {
        List<SpaceObject> objects = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            ObjectQuery page = new ObjectQuery(List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), ObjectQuery.Range.ANY, ObjectQuery.Range.ANY, ObjectQuery.Range.ANY,
                    ObjectQuery.Range.ANY, Optional.empty(), Instant.now(), ObjectQuery.SortKey.NORAD_ID, false,
                    ObjectQuery.MAX_LIMIT, cursor);
            Page<SpaceObject> found = node.catalog().findObjects(page, filter);
            found.items().stream().filter(query::admits).forEach(objects::add);
            cursor = found.nextCursor();
        } while (cursor.isPresent());
        return objects;
    }

    private static <T> List<T> limited(List<T> items, Optional<Integer> limit) {
        return limit.filter(l -> l < items.size()).map(l -> items.subList(0, l)).orElse(items);
    }

    /** An entry with Space-Track's SATCAT field names; a value the entry does not hold is null, as Space-Track's. */
    private static Map<String, Object> satcatRow(SpaceObject object) {
        SatcatEntry entry = object.satcat().orElseThrow();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("INTLDES", object.internationalDesignator().orElse(null));
        row.put("NORAD_CAT_ID", object.noradId());
        row.put("OBJECT_TYPE", entry.objectType());
        row.put("SATNAME", object.name());
        row.put("COUNTRY", entry.owner().orElse(null));
        row.put("LAUNCH", entry.launchDate().map(Object::toString).orElse(null));
        row.put("SITE", entry.launchSite().orElse(null));
        row.put("DECAY", entry.decayDate().map(Object::toString).orElse(null));
        row.put("RCS_SIZE", entry.rcsSize().orElse(null));
        row.put("CURRENT", entry.decayDate().isEmpty() ? "Y" : "N");
        row.put("OBJECT_NAME", object.name());
        row.put("OBJECT_ID", object.internationalDesignator().orElse(null));
        row.put("OBJECT_NUMBER", object.noradId());
        return row;
    }
}
