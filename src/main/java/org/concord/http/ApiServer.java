package org.concord.http;

import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import org.concord.catalog.CatalogStatistics;
import org.concord.catalog.OrbitRecord;
import org.concord.catalog.Page;
import org.concord.catalog.SpaceObject;
import org.concord.conjunction.Conjunction;
import org.concord.conjunction.ScreeningRun;
import org.concord.screening.ScreeningService;
import org.concord.formats.ElementSetExport;
import org.concord.formats.ElementSetExport.Layout;
import org.concord.formats.InputRejectedException;
import org.concord.ingest.IngestReport;
import org.concord.ingest.IngestRequest;
import org.concord.label.Label;
import org.concord.orbit.Ephemeris;
import org.concord.orbit.PropagationException;
import org.concord.node.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The node's HTTP API, {@code /api/v1}: thin routes over the node's services. */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final Node node;
    private final Javalin app;

    public ApiServer(Node node) {
        this.node = node;
        ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = node.config().ingestMaxBytes();
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.routes.get("/api/v1/status", this::status);
            config.routes.get("/api/v1/openapi.yaml", ctx -> ctx.contentType("application/yaml")
                    .result(OpenApi.yaml()));
            config.routes.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json")
                    .result(OpenApi.json()));
            config.routes.post("/api/v1/orbits", this::ingest);
            config.routes.get("/api/v1/orbits/{orbitId}", this::orbit);
            config.routes.get("/api/v1/objects", this::objects);
            config.routes.get("/api/v1/objects/{noradId}", this::object);
            config.routes.get("/api/v1/objects/{noradId}/orbits", this::orbitHistory);
            config.routes.get("/api/v1/objects/{noradId}/elements", this::elements);
            config.routes.get("/api/v1/objects/{noradId}/ephemeris", this::ephemeris);
            config.routes.exception(InputRejectedException.class, (e, ctx) -> ctx.status(422)
                    .json(JsonViews.error(422, "input rejected: nothing was stored", e.errors())));
            config.routes.get("/api/v1/conjunctions", this::conjunctions);
            config.routes.get("/api/v1/conjunctions/{conjunctionId}", this::conjunction);
            config.routes.get("/api/v1/conjunctions/{conjunctionId}/cdm", this::conjunctionCdm);
            config.routes.get("/api/v1/screenings", this::screenings);
            config.routes.post("/api/v1/screenings", this::startScreening);
            config.routes.post("/api/v1/screenings/ephemeris", this::screenEphemeris);
            config.routes.get("/api/v1/screenings/{runId}", this::screening);
            config.routes.exception(PropagationException.class, (e, ctx) -> ctx.status(422)
                    .json(JsonViews.error(422, e.getMessage(), List.of())));
            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(400)
                    .json(JsonViews.error(400, e.getMessage(), List.of())));
            config.routes.exception(UnavailableException.class, (e, ctx) -> ctx.status(409)
                    .json(JsonViews.error(409, e.getMessage(), List.of())));
            config.routes.exception(NotFoundException.class, (e, ctx) -> ctx.status(404)
                    .json(JsonViews.error(404, e.getMessage(), List.of())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(500).json(JsonViews.error(500, "internal error; the node's log has the details",
                        List.of()));
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    ctx.json(JsonViews.error(404, "no such resource: " + ctx.path(), List.of()));
                }
            });
        });
    }

    /** Starts serving; returns the port (useful when 0 asked for any free port). */
    public int start(String host, int port) {
        app.start(host, port);
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private void status(Context ctx) {
        CatalogStatistics stats = node.catalog().statistics();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", Node.version());
        m.put("party", node.config().party());
        m.put("database", node.databaseDescription());
        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("objects", stats.objects());
        catalog.put("orbitRecords", stats.orbitRecords());
        catalog.put("satcatEntries", stats.satcatEntries());
        catalog.put("newestEpoch", stats.newestEpoch().map(Instant::toString).orElse(null));
        catalog.put("medianEpoch", stats.medianEpoch().map(Instant::toString).orElse(null));
        m.put("catalog", catalog);
        Map<String, Object> orekit = new LinkedHashMap<>();
        orekit.put("leapSeconds", "bundled UTC-TAI.history");
        orekit.put("earthOrientationLoaded", node.orekit().earthOrientationLoaded());
        orekit.put("orekitDataDirectory", node.orekit().orekitDataDirectory().map(Object::toString).orElse(null));
        orekit.put("itrfApproximate", !node.orekit().earthOrientationLoaded());
        m.put("orekit", orekit);
        ctx.json(m);
    }

    private void ingest(Context ctx) {
        String name = Optional.ofNullable(ctx.queryParam("name")).filter(s -> !s.isBlank()).orElse("upload");
        Optional<Label> label = Optional.ofNullable(ctx.queryParam("label")).filter(s -> !s.isBlank())
                .map(spec -> Label.parse(spec, node.ingest().labels().labelFor(name)));
        boolean skipInvalid = Boolean.parseBoolean(ctx.queryParam("skipInvalid"));
        Optional<Long> object = Optional.ofNullable(ctx.queryParam("object")).filter(s -> !s.isBlank())
                .map(ApiServer::parseId);
        IngestReport report = node.ingest().ingest(new IngestRequest(name, ctx.bodyAsBytes(), label,
                "http:" + ctx.ip(), skipInvalid, object));
        ctx.status(report.stored() > 0 ? HttpStatus.CREATED : HttpStatus.OK).json(JsonViews.ingestReport(report));
    }

    private void objects(Context ctx) {
        Page<SpaceObject> page = node.catalog().findObjects(ObjectQueryParameters.parse(ctx.queryParamMap(),
                Instant.now()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", page.items().stream().map(JsonViews::object).toList());
        m.put("total", page.total());
        m.put("nextCursor", page.nextCursor().orElse(null));
        ctx.json(m);
    }

    private void object(Context ctx) {
        long id = parseId(ctx.pathParam("noradId"));
        SpaceObject object = node.catalog().findObject(id)
                .orElseThrow(() -> new NotFoundException("no object " + id + " in this catalog"));
        ctx.json(JsonViews.object(object));
    }

    private void orbitHistory(Context ctx) {
        long id = parseId(ctx.pathParam("noradId"));
        var history = node.catalog().orbitHistory(id);
        if (history.isEmpty()) {
            throw new NotFoundException("no object " + id + " in this catalog");
        }
        boolean content = Boolean.parseBoolean(ctx.queryParam("content"));
        ctx.json(Map.of("items", history.stream().map(o -> JsonViews.orbit(o, content)).toList()));
    }

    private void elements(Context ctx) {
        long id = parseId(ctx.pathParam("noradId"));
        Layout layout = Layout.parse(Optional.ofNullable(ctx.queryParam("format")).orElse("tle"));
        OrbitRecord latest = node.catalog().latestMeanElements(id)
                .orElseThrow(() -> new NotFoundException("no mean-element orbit (TLE/OMM) of object " + id
                        + " in this catalog"));
        ctx.header("X-Concord-Label", latest.label().toString());
        ctx.header("X-Concord-Orbit-Id", Long.toString(latest.id()));
        ctx.contentType(layout.mediaType()).result(ElementSetExport.export(latest, layout));
    }

    private void ephemeris(Context ctx) {
        long id = parseId(ctx.pathParam("noradId"));
        OrbitRecord record = Optional.ofNullable(ctx.queryParam("orbitId")).filter(s -> !s.isBlank())
                .map(ApiServer::parseId)
                .map(orbitId -> node.catalog().findOrbit(orbitId).filter(o -> o.noradId() == id)
                        .orElseThrow(() -> new NotFoundException("object " + id + " has no orbit record " + orbitId)))
                .orElseGet(() -> node.catalog().findObject(id).flatMap(o -> o.latestOrbit())
                        .orElseThrow(() -> new NotFoundException("no object " + id + " in this catalog")));
        EphemerisParameters parameters = EphemerisParameters.parse(ctx.queryParamMap(), record);
        Ephemeris ephemeris = node.propagation().propagate(record, parameters.request());
        StringWriter out = new StringWriter();
        parameters.format().write(ephemeris, out, node.config().party());
        ctx.header("X-Concord-Label", record.label().toString());
        ctx.header("X-Concord-Orbit-Id", Long.toString(record.id()));
        ctx.header("X-Concord-Approximate", Boolean.toString(ephemeris.approximate()));
        ctx.contentType(parameters.format().mediaType()).result(out.toString());
    }

    private void conjunctions(Context ctx) {
        Page<Conjunction> page = node.conjunctions().findConjunctions(ConjunctionParameters.parse(ctx.queryParamMap()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", page.items().stream().map(JsonViews::conjunction).toList());
        m.put("total", page.total());
        m.put("nextCursor", page.nextCursor().orElse(null));
        ctx.json(m);
    }

    private void conjunction(Context ctx) {
        long id = parseId(ctx.pathParam("conjunctionId"));
        ctx.json(JsonViews.conjunction(node.conjunctions().findConjunction(id)
                .orElseThrow(() -> new NotFoundException("no conjunction " + id))));
    }

    private void conjunctionCdm(Context ctx) {
        long id = parseId(ctx.pathParam("conjunctionId"));
        Conjunction c = node.conjunctions().findConjunction(id)
                .orElseThrow(() -> new NotFoundException("no conjunction " + id));
        String format = Optional.ofNullable(ctx.queryParam("format")).orElse("kvn").toLowerCase(java.util.Locale.ROOT);
        if (!format.equals("kvn") && !format.equals("xml")) {
            throw new IllegalArgumentException("unknown CDM format '" + format + "' (expected kvn or xml)");
        }
        String cdm = c.cdm().orElseThrow(() -> new UnavailableException("conjunction " + id + " comes from a"
                + " screening of mean elements without covariance; a CCSDS CDM needs both objects' covariances at TCA,"
                + " so it has no CDM form"));
        org.orekit.files.ccsds.ndm.cdm.Cdm parsed = org.concord.formats.CdmReader.parse("conjunction-" + id, cdm);
        ctx.header("X-Concord-Label", c.label().toString());
        ctx.contentType(format.equals("xml") ? "application/xml" : "text/plain")
                .result(format.equals("xml") ? org.concord.formats.CdmWriter.writeXml(parsed)
                        : org.concord.formats.CdmWriter.writeKvn(parsed));
    }

    private void screenings(Context ctx) {
        ctx.json(Map.of("items", node.conjunctions().runs(100).stream().map(JsonViews::screeningRun).toList()));
    }

    private void startScreening(Context ctx) {
        com.fasterxml.jackson.databind.JsonNode body;
        try {
            body = new ObjectMapper().readTree(ctx.body());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getMessage());
        }
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object such as {\"start\":"
                    + " \"2024-07-05T00:00:00Z\", \"windowSeconds\": 604800, \"thresholdMeters\": 5000}");
        }
        Instant start;
        try {
            start = Instant.parse(body.path("start").asText(""));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("start must be an ISO-8601 UTC instant such as 2024-07-05T00:00:00Z");
        }
        for (String key : List.of("windowSeconds", "thresholdMeters", "primaryNoradId")) {
            if (body.has(key) && !body.get(key).isNumber() && !body.get(key).isNull()) {
                throw new IllegalArgumentException(key + " must be a number, was " + body.get(key));
            }
        }
        if (body.has("wait") && !body.get("wait").isBoolean()) {
            throw new IllegalArgumentException("wait must be true or false, was " + body.get("wait"));
        }
        long windowSeconds = body.path("windowSeconds").asLong(7 * 86400);
        if (windowSeconds <= 0 || windowSeconds > ScreeningRequests.MAX_WINDOW_SECONDS) {
            throw new IllegalArgumentException("windowSeconds must be between 1 and 30 days");
        }
        Optional<Long> primary = body.hasNonNull("primaryNoradId") ? Optional.of(body.get("primaryNoradId").asLong())
                : Optional.empty();
        ScreeningService.Request request = new ScreeningService.Request(start,
                java.time.Duration.ofSeconds(windowSeconds), ScreeningRequests.volume(body), primary);
        if (body.path("wait").asBoolean(false)) {
            ScreeningRun run = node.screening().run(request, "http:" + ctx.ip(), fraction -> { });
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("run", JsonViews.screeningRun(run));
            m.put("conjunctions", node.conjunctions().findConjunctions(new org.concord.conjunction.ConjunctionQuery(
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(run.id()), org.concord.conjunction.ConjunctionQuery.Sort.TCA,
                    org.concord.conjunction.ConjunctionQuery.MAX_LIMIT, 0)).items().stream()
                    .map(JsonViews::conjunction).toList());
            ctx.status(HttpStatus.OK).header("Location", "/api/v1/screenings/" + run.id()).json(m);
            return;
        }
        ScreeningRun run = node.screening().start(request, "http:" + ctx.ip());
        ctx.status(HttpStatus.ACCEPTED).header("Location", "/api/v1/screenings/" + run.id())
                .json(JsonViews.screeningRun(run));
    }

    /** An uploaded OEM screened against the catalog now; the answer is the stored run and its conjunctions. */
    private void screenEphemeris(Context ctx) {
        Map<String, List<String>> query = ctx.queryParamMap();
        String name = ScreeningRequests.single(query, "name").orElse("upload.oem");
        Optional<Label> label = ScreeningRequests.single(query, "label")
                .map(spec -> Label.parse(spec, node.ingest().labels().labelFor(name)));
        ScreeningService.EphemerisScreening result = node.screening().screenEphemeris(
                new ScreeningService.EphemerisRequest(name, ctx.bodyAsBytes(), label, ScreeningRequests.start(query),
                        ScreeningRequests.window(query), ScreeningRequests.volume(query)),
                "http:" + ctx.ip(), fraction -> { });
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", JsonViews.screeningRun(result.run()));
        m.put("screened", result.screened().stream().map(span -> Map.of("start", span.start().toString(),
                "stop", span.stop().toString())).toList());
        m.put("conjunctions", result.conjunctions().stream().map(JsonViews::conjunction).toList());
        ctx.status(HttpStatus.OK).header("Location", "/api/v1/screenings/" + result.run().id()).json(m);
    }

    private void screening(Context ctx) {
        long id = parseId(ctx.pathParam("runId"));
        ctx.json(JsonViews.screeningRun(node.conjunctions().findRun(id)
                .orElseThrow(() -> new NotFoundException("no screening run " + id))));
    }

    private void orbit(Context ctx) {
        long id = parseId(ctx.pathParam("orbitId"));
        ctx.json(JsonViews.orbit(node.catalog().findOrbit(id)
                .orElseThrow(() -> new NotFoundException("no orbit record " + id)), true));
    }

    static long parseId(String text) {
        try {
            long id = Long.parseLong(text);
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a catalog number or record id");
        }
    }

    /** A resource that exists but has no representation of the kind asked for. */
    static final class UnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnavailableException(String message) {
            super(message);
        }
    }

    /** A resource that does not exist (or that the caller may not know exists). */
    static final class NotFoundException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFoundException(String message) {
            super(message);
        }
    }
}
