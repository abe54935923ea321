package org.concord.http;

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

    private final ReentryService reentries;
    private final ProductStore store;
    private final SharingService sharing;

    ReentryApi(ReentryService reentries, ProductStore store, SharingService sharing) {
        this.reentries = reentries;
        this.store = store;
        this.sharing = sharing;
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
                .json(ProductApi.defaultView(ReentryKind.INSTANCE, stored));
    }
}
