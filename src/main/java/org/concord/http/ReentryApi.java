package org.concord.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.concord.access.SharingService;
import org.concord.http.HttpErrors.NotFoundException;
import org.concord.input.JsonFields;
import org.concord.product.Product;
import org.concord.product.ProductStore;
import org.concord.reentry.ReentryKind;
import org.concord.reentry.ReentryPrediction;
import org.concord.reentry.ReentryService;

/**
 * {@code POST /api/v1/reentries}: a re-entry prediction made now for one object and stored; its history and the
 * upcoming re-entries are the kind's list ({@code GET /api/v1/reentries?noradId=...&sort=-predicted}).
 */
final class ReentryApi {

    static final String PATH = "/api/v1/reentries";
    static final String NORAD_ID = "noradId";
    private static final long MAX_NORAD_ID = 999_999_999;
    private static final String GROUND_TRACK = "groundTrack";
    private static final String OVERFLOWN = "overflown";
    private static final String OBJECT_NAME = "objectName";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReentryService reentries;
    private final ProductStore store;
    private final SharingService sharing;
    private final ObjectNames names;

    ReentryApi(ReentryService reentries, ProductStore store, SharingService sharing, ObjectNames names) {
        this.reentries = reentries;
        this.store = store;
        this.sharing = sharing;
        this.names = names;
    }

    void predict(Context ctx) {
        Callers.requireNodeAnalyst(ctx, sharing, "re-entries are predicted");
        JsonFields body = RouteInputs.body(ctx);
        long noradId = body.whole(NORAD_ID, 1, MAX_NORAD_ID).orElseThrow(() ->
                new IllegalArgumentException("noradId is required: the catalog number of the object to predict"));
        Product<ReentryPrediction> stored = reentries.predict(noradId)
                .flatMap(p -> store.find(ReentryKind.INSTANCE, p.id(), Callers.filter(ctx, sharing)))
                .orElseThrow(() -> new NotFoundException("no mean-element record of object " + noradId
                        + " that you may see on this node to predict from"));
        Callers.served(ctx, stored.label());
        ctx.status(HttpStatus.CREATED).header("Location", PATH + "/" + stored.id())
                .json(views(ctx, List.of(stored)).getFirst());
    }

    /**
     * The predictions of one answer as JSON ({@link #view}), each with its object's name as the catalog shows it to
     * this caller ({@link ObjectNames}): one catalog query for the whole answer.
     */
    List<Map<String, Object>> views(Context ctx, List<? extends Product<?>> answer) {
        Map<Long, String> named = names.of(ctx, answer.stream()
                .map(p -> ((ReentryPrediction) p.value()).noradId()).toList());
        return answer.stream().map(p -> view(p, Optional.ofNullable(
                named.get(((ReentryPrediction) p.value()).noradId())))).toList();
    }

    /**
     * The kind's default view with the object's name ({@code objectName}, beside its catalog number; null when the
     * caller may see none), the ground track as a GeoJSON geometry and the states overflown as an array (stored as
     * JSON text), so that clients read them without parsing a string.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> view(Product<?> product, Optional<String> objectName) {
        Map<String, Object> defaults = ProductApi.defaultView(ReentryKind.INSTANCE,
                (Product<ReentryPrediction>) product);
        Map<String, Object> m = new LinkedHashMap<>();
        defaults.forEach((field, value) -> {
            m.put(field, value);
            if (field.equals(NORAD_ID)) {
                m.put(OBJECT_NAME, objectName.orElse(null));
            }
        });
        for (String field : List.of(GROUND_TRACK, OVERFLOWN)) {
            try {
                m.put(field, JSON.readTree((String) m.get(field)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored " + field + " of re-entry " + product.id() + " is not JSON", e);
            }
        }
        return m;
    }
}
