package org.concord.http;

import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.concord.access.Principal;
import org.concord.access.SharingService;
import org.concord.catalog.OrbitRecord;
import org.concord.catalog.Page;
import org.concord.catalog.RecallOutcome;
import org.concord.catalog.RelabelOutcome;
import org.concord.catalog.SpaceObject;
import org.concord.formats.ElementSetExport;
import org.concord.formats.ElementSetExport.Layout;
import org.concord.formats.OmmWriter;
import org.concord.http.HttpErrors.ForbiddenException;
import org.concord.http.HttpErrors.NotFoundException;
import org.concord.ingest.IngestReport;
import org.concord.ingest.IngestRequest;
import org.concord.input.Arguments;
import org.concord.input.EphemerisInput;
import org.concord.input.JsonFields;
import org.concord.input.ObjectSearch;
import org.concord.label.Label;
import org.concord.node.Node;
import org.concord.orbit.ElementAge;
import org.concord.orbit.Ephemeris;
import org.concord.orbit.EphemerisFormat;
import org.concord.spaceweather.SpaceWeatherService;

/** The catalog over HTTP: objects, their orbit records, element sets and ephemerides; ingest, recall, re-label. */
final class CatalogApi {

    private final Node node;
    private final SharingService sharing;

    CatalogApi(Node node, SharingService sharing) {
        this.node = node;
        this.sharing = sharing;
    }

    void ingest(Context ctx) {
        Upload upload = Upload.of(ctx, node);
        Principal principal = upload.principal();
        boolean skipInvalid = upload.query().bool("skipInvalid").orElse(false);
        Optional<Long> object = upload.query().text("object", 64).map(ApiServer::parseId);
        IngestReport report = node.ingestAudited(new IngestRequest(upload.name(), ctx.bodyAsBytes(),
                Optional.of(upload.label()), principal.name(), skipInvalid, object), principal.name(),
                principal.party());
        ctx.status(report.stored() > 0 ? HttpStatus.CREATED : HttpStatus.OK).json(JsonViews.ingestReport(report));
    }

    void objects(Context ctx) {
        org.concord.catalog.ObjectQuery query = ObjectSearch.read(RouteInputs.query(ctx), Instant.now());
        ApiServer.requireAnonymousPageSize(ctx, query.limit());
        Page<SpaceObject> page = node.catalog().findObjects(query, Callers.filter(ctx, sharing));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", page.items().stream().map(JsonViews::object).toList());
        m.put("total", page.total());
        m.put("nextCursor", page.nextCursor().orElse(null));
        page.items().forEach(o -> served(ctx, o));
        ctx.json(m);
    }

    private static void served(Context ctx, SpaceObject object) {
        object.latestOrbit().ifPresent(o -> Callers.served(ctx, o.label()));
        object.satcat().ifPresent(s -> Callers.served(ctx, s.label()));
    }

    void object(Context ctx) {
        long id = ApiServer.parseId(ctx.pathParam("noradId"));
        SpaceObject object = node.catalog().findObject(id, Callers.filter(ctx, sharing))
                .orElseThrow(() -> new NotFoundException("no object " + id + " in this catalog"));
        served(ctx, object);
        Map<String, Object> m = JsonViews.object(object);
        m.put("latestOrbitChoice", JsonViews.latestOrbitChoice(node.catalog().latestOrbitChoice(
                object.latestOrbit().orElseThrow(), Callers.filter(ctx, sharing))));
        SpaceWeatherService.Storms storm = node.spaceWeather().staleAfterStorm(
                object.latestOrbit().orElseThrow().epoch(), Instant.now(), Callers.filter(ctx, sharing));
        Callers.served(ctx, storm.served());
        m.put("staleAfterStorm", storm.storms().stream().findFirst().map(SpaceWeatherApi::storm).orElse(null));
        ctx.json(m);
    }

    void orbitHistory(Context ctx) {
        long id = ApiServer.parseId(ctx.pathParam("noradId"));
        var history = node.catalog().orbitHistory(id, Callers.filter(ctx, sharing));
        if (history.isEmpty()) {
            throw new NotFoundException("no object " + id + " in this catalog");
        }
        boolean content = RouteInputs.query(ctx).bool("content").orElse(false);
        Callers.served(ctx, history.stream().map(OrbitRecord::label).toList());
        ctx.json(Map.of("items", history.stream().map(o -> JsonViews.orbit(o, content)).toList()));
    }

    void elements(Context ctx) {
        long id = ApiServer.parseId(ctx.pathParam("noradId"));
        Arguments query = RouteInputs.query(ctx);
        Layout layout = Layout.parse(query.text("format", 64).orElse("tle"));
        Optional<OmmWriter.Version> ommVersion = query.choice("ommVersion", OmmWriter.Version.BY_NAME);
        OrbitRecord latest = node.catalog().latestMeanElements(id, Callers.filter(ctx, sharing))
                .orElseThrow(() -> new NotFoundException("no mean-element orbit (TLE/OMM) of object " + id
                        + " in this catalog"));
        Callers.exported(ctx, latest.label());
        ctx.header("X-Concord-Label", latest.label().toString());
        ctx.header("X-Concord-Orbit-Id", Long.toString(latest.id()));
        ElementAge age = node.config().staleness().assess(latest, Instant.now());
        elementAgeHeaders(ctx, age);
        ctx.contentType(layout.mediaType()).result(ElementSetExport.export(latest, layout,
                List.of(age.describe() + " at export"), ommVersion));
    }

    void ephemeris(Context ctx) {
        long id = ApiServer.parseId(ctx.pathParam("noradId"));
        OrbitRecord record = RouteInputs.query(ctx).text("orbitId", 64).map(ApiServer::parseId)
                .map(orbitId -> node.catalog().findOrbit(orbitId, Callers.filter(ctx, sharing)).filter(o -> o.noradId() == id)
                        .orElseThrow(() -> new NotFoundException("object " + id + " has no orbit record " + orbitId)))
                .orElseGet(() -> node.catalog().findObject(id, Callers.filter(ctx, sharing)).flatMap(o -> o.latestOrbit())
                        .orElseThrow(() -> new NotFoundException("no object " + id + " in this catalog")));
        EphemerisInput parameters = EphemerisInput.read(RouteInputs.query(ctx), record, EphemerisFormat.JSON);
        Ephemeris ephemeris = node.propagation().propagate(record, parameters.request());
        StringWriter out = new StringWriter();
        parameters.format().write(ephemeris, out, node.config().party());
        Callers.exported(ctx, record.label());
        ctx.header("X-Concord-Label", record.label().toString());
        ctx.header("X-Concord-Orbit-Id", Long.toString(record.id()));
        ctx.header("X-Concord-Approximate", Boolean.toString(ephemeris.approximate()));
        elementAgeHeaders(ctx, ephemeris.elementAge());
        ctx.contentType(parameters.format().mediaType()).result(out.toString());
    }

    /** How old the element set behind an answer is (docs/staleness.md), in headers beside the answer's body. */
    private static void elementAgeHeaders(Context ctx, ElementAge age) {
        ctx.header("X-Concord-Element-Epoch", age.epoch().toString());
        ctx.header("X-Concord-Element-Age-Seconds", Long.toString(age.age().toSeconds()));
        ctx.header("X-Concord-Element-Age-Limit-Seconds", Long.toString(age.limit().toSeconds()));
        ctx.header("X-Concord-Orbit-Regime", age.regime().name());
        ctx.header("X-Concord-Stale", Boolean.toString(age.stale()));
    }

    void orbit(Context ctx) {
        long id = ApiServer.parseId(ctx.pathParam("orbitId"));
        OrbitRecord record = node.catalog().findOrbit(id, Callers.filter(ctx, sharing))
                .orElseThrow(() -> new NotFoundException("no orbit record " + id));
        Callers.served(ctx, record.label());
        ctx.json(JsonViews.orbit(record, true));
    }

    /**
     * Recalls an orbit record: an operator or administrator of its originator party. A record the caller may not
     * see is answered exactly as a missing one.
     */
    void recall(Context ctx) {
        Principal principal = Callers.requireAuthenticated(ctx);
        OrbitRecord record = originatorsRecord(ctx, principal, "recall");
        RecallOutcome outcome = node.recallAudited(record.contentSha256(), record.label().originator(),
                RouteInputs.query(ctx).text("reason", 1024).orElse(""), principal.name(), principal.party());
        ctx.json(JsonViews.recall(outcome));
    }

    /**
     * The orbit record of the path that the caller changes: one it may see (else answered exactly as a missing one),
     * and of whose originator party it is an operator or administrator (else 403).
     */
    private OrbitRecord originatorsRecord(Context ctx, Principal principal, String change) {
        long id = ApiServer.parseId(ctx.pathParam("orbitId"));
        OrbitRecord record = node.catalog().findOrbit(id, Callers.filter(ctx, sharing))
                .orElseThrow(() -> new NotFoundException("no orbit record " + id));
        String originator = record.label().originator();
        if (!principal.mayIngest() || !principal.party().map(originator::equals).orElse(false)) {
            throw new ForbiddenException("only an operator or administrator of the originator " + originator
                    + " may " + change + " its records");
        }
        return record;
    }

    /**
     * Gives an orbit record another label: an operator or administrator of its originator party, as for a recall. A
     * record the caller may not see is answered exactly as a missing one.
     */
    void relabel(Context ctx) {
        Principal principal = Callers.requireAuthenticated(ctx);
        OrbitRecord record = originatorsRecord(ctx, principal, "re-label");
        JsonFields body = RouteInputs.body(ctx);
        RelabelOutcome.Relabelled done = node.relabelAudited(record, Label.parse(body.requiredText("label", 8192),
                        record.label()), body.bool("widen").orElse(false), body.text("reason", 1024).orElse(""),
                        principal.name(), principal.party()).relabelled()
                .orElseThrow(() -> new NotFoundException("no orbit record " + record.id()));
        ctx.json(JsonViews.relabel(done));
    }
}
