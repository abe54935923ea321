package org.concord.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.javalin.http.Context;
import org.concord.access.SharingService;
import org.concord.catalog.CatalogStore;
import org.concord.catalog.SpaceObject;
import org.concord.formats.rdm.RdmMessage;
import org.concord.formats.rdm.RdmWriter;
import org.concord.http.HttpErrors.NotFoundException;
import org.concord.http.HttpErrors.UnavailableException;
import org.concord.input.Choices;
import org.concord.label.LabelFilter;
import org.concord.product.Product;
import org.concord.product.ProductQuery;
import org.concord.product.ProductStore;
import org.concord.reentry.ReentryKind;
import org.concord.reentry.ReentryPrediction;
import org.concord.reentry.ReentryRdm;
import org.concord.reentry.ReentryReport;
import org.concord.reentry.ReentryReportKind;
import org.concord.reentry.ReentryReports;

/**
 * The re-entry standards: {@code GET /api/v1/reentries/{id}/rdm} (a prediction of this node as a CCSDS RDM, KVN or
 * XML) and {@code GET /api/v1/objects/{noradId}/reentries} (an object's re-entry: the node's predictions and the
 * reports of other originators side by side, and the confirmation that closed it, if one is held).
 */
final class ReentryReportApi {

    static final String RDM = "/api/v1/reentries/{id}/rdm";
    static final String OF_OBJECT = "/api/v1/objects/{noradId}/reentries";

    private final ProductStore store;
    private final ReentryReports reports;
    private final CatalogStore catalog;
    private final SharingService sharing;
    private final ReentryApi predictions;

    ReentryReportApi(ProductStore store, ReentryReports reports, CatalogStore catalog, SharingService sharing,
                     ReentryApi predictions) {
        this.store = store;
        this.reports = reports;
        this.catalog = catalog;
        this.sharing = sharing;
        this.predictions = predictions;
    }

    void rdm(Context ctx) {
        long id = ApiServer.parseId(ctx.pathParam("id"));
        String format = RouteInputs.query(ctx).text("format", 64)
                .map(f -> Choices.of("format", f, List.of("kvn", "xml"))).orElse("kvn");
        LabelFilter filter = Callers.filter(ctx, sharing);
        Product<ReentryPrediction> prediction = store.find(ReentryKind.INSTANCE, id, filter)
                .orElseThrow(() -> new NotFoundException("no re-entry prediction " + id));
        Optional<SpaceObject> object = catalog.findObject(prediction.value().noradId(), filter);
        RdmMessage rdm = ReentryRdm.of(prediction, sharing.nodeParty(), object).orElseThrow(() ->
                new UnavailableException("re-entry prediction " + id + " gives no re-entry epoch (outcome "
                        + prediction.value().outcome() + "); an RDM must give the remaining lifetime"));
        object.ifPresent(o -> {
            o.latestOrbit().ifPresent(r -> Callers.served(ctx, r.label()));
            o.satcat().ifPresent(s -> Callers.served(ctx, s.label()));
        });
        Callers.exported(ctx, prediction.label());
        ctx.header("X-Concord-Label", prediction.label().toString());
        ctx.contentType(format.equals("xml") ? "application/xml" : "text/plain")
                .result(format.equals("xml") ? RdmWriter.writeXml(rdm) : RdmWriter.writeKvn(rdm));
    }

    void ofObject(Context ctx) {
        long noradId = ApiServer.parseId(ctx.pathParam("noradId"));
        LabelFilter filter = Callers.filter(ctx, sharing);
        List<Product<ReentryPrediction>> own = store.listAll(ReentryKind.INSTANCE, new ProductQuery(
                Map.of("noradId", noradId), ReentryKind.NEWEST_FIRST, ProductQuery.MAX_LIMIT, Optional.empty()),
                filter);
        List<Product<ReentryReport>> received = reports.of(noradId, filter);
        own.forEach(p -> Callers.served(ctx, p.label()));
        received.forEach(p -> Callers.served(ctx, p.label()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("noradId", noradId);
        m.put("reentered", received.stream().filter(r -> r.value().observed()).findFirst()
                .map(r -> ProductApi.defaultView(ReentryReportKind.INSTANCE, r)).orElse(null));
        m.put("predictions", predictions.views(ctx, own));
        m.put("reports", received.stream().map(p -> ProductApi.defaultView(ReentryReportKind.INSTANCE, p)).toList());
        ctx.json(m);
    }
}
