package org.concord.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.javalin.http.Context;
import org.concord.access.SharingService;
import org.concord.catalog.CatalogStore;
import org.concord.catalog.ObjectQuery;
import org.concord.catalog.SpaceObject;

/**
 * The names of objects as the catalog shows them to the caller at hand, for answers that name their objects by
 * catalog number (conjunctions, re-entry predictions): one catalog query per thousand objects of an answer, through
 * the caller's label filter. An object none of whose orbit records the caller may see has no name here (as
 * {@code GET /api/v1/objects/{noradId}} answers 404 for it), and an object whose newest record is hidden from the
 * caller is named after the newest record it may see. The records the names come from are served data for the read
 * audit, as on the object routes.
 */
final class ObjectNames {

    /** Catalog numbers asked of the catalog at once: well inside any database's limit on bound values. */
    private static final int AT_ONCE = 1000;

    private final CatalogStore catalog;
    private final SharingService sharing;

    ObjectNames(CatalogStore catalog, SharingService sharing) {
        this.catalog = catalog;
        this.sharing = sharing;
    }

    /** The names of these objects the caller may see, by catalog number; an object without one is absent. */
    Map<Long, String> of(Context ctx, Collection<Long> noradIds) {
        List<Long> distinct = new ArrayList<>(new TreeSet<>(noradIds));
        Map<Long, String> names = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += AT_ONCE) {
            List<Long> part = distinct.subList(from, Math.min(distinct.size(), from + AT_ONCE));
            for (SpaceObject o : catalog.findObjects(ObjectQuery.of(part), Callers.filter(ctx, sharing)).items()) {
                if (!o.name().isBlank()) {
                    names.put(o.noradId(), o.name());
                    o.latestOrbit().ifPresent(orbit -> Callers.served(ctx, orbit.label()));
                }
            }
        }
        return Map.copyOf(names);
    }
}
