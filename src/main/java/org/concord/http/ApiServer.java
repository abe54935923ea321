package org.concord.http;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.json.JavalinJackson;
import org.concord.access.SharingService;
import org.concord.conjunction.Conjunction;
import org.concord.federation.PeerClient;
import org.concord.formats.InputRejectedException;
import org.concord.http.HttpErrors.ForbiddenException;
import org.concord.http.HttpErrors.NotFoundException;
import org.concord.http.HttpErrors.RateLimitedException;
import org.concord.http.HttpErrors.UnauthorizedException;
import org.concord.http.HttpErrors.UnavailableException;
import org.concord.ingest.Uploader.UploadRefusedException;
import org.concord.label.DataKind;
import org.concord.node.Node;
import org.concord.orbit.PropagationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's HTTP API, {@code /api/v1}: the route table, the filters around every route (who the caller is, what an
 * anonymous answer costs, the read audit) and the error mapping; each area's handlers are a class of their own.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    /** The largest page an anonymous caller may ask for (objects and conjunctions). */
    static final int ANONYMOUS_MAX_LIMIT = 100;

    private final Javalin app;
    private final Map<String, RouteInputs> routeInputs;

    /**
     * The filters around every route: {@code authenticate} before it, {@code chargeAnonymous} and {@code auditRead}
     * after it. A node serves only {@link #of its own}; the load benchmark (in the test tree) builds others to measure
     * what enforcement costs.
     */
    record Filters(Handler authenticate, Handler chargeAnonymous, Handler auditRead) {

        static Filters of(Node node) {
            Authentication authentication = new Authentication(node.sharing(), node.config());
            return new Filters(authentication::authenticate, authentication::chargeAnonymous,
                    new ReadAudit(node.audit())::append);
        }
    }

    public ApiServer(Node node) {
        this(node, Filters.of(node));
    }

    ApiServer(Node node, Filters filters) {
        SharingService sharing = node.sharing();
        AccessApi access = new AccessApi(sharing);
        AuditApi audit = new AuditApi(node.audit(), node.identity(), sharing);
        FederationApi federation = new FederationApi(node.federation(), sharing);
        StatusApi status = new StatusApi(node, sharing);
        CatalogApi catalog = new CatalogApi(node, sharing);
        ObjectNames names = new ObjectNames(node.catalog(), sharing);
        ConjunctionApi conjunctions = new ConjunctionApi(node.conjunctions(), names, sharing,
                node.spaceWeather());
        EventView events = new EventView(node.catalog(), node.spaceWeather());
        EventCdmApi eventCdm = new EventCdmApi(node.products(), node.eventCdm(), sharing);
        ReentryApi reentries = new ReentryApi(node.reentries(), node.reentryJobs(), node.products(), sharing,
                names);
        ProductApi products = new ProductApi(node.productKinds(), node.products(), sharing,
                Map.of(DataKind.CONJUNCTIONS, (ctx, filter, answer) -> conjunctions.views(ctx, answer.stream()
                                .map(p -> (Conjunction) p.value()).toList()),
                        org.concord.event.EventKind.CODE, events::views,
                        org.concord.reentry.ReentryKind.REENTRIES, (ctx, filter, answer) ->
                                reentries.views(ctx, answer),
                        org.concord.reentry.ReentryNoticeKind.REENTRY_NOTICES, (ctx, filter, answer) ->
                                answer.stream().map(ReentryApi::noticeView).toList()));
        this.routeInputs = RouteInputs.of(node.productKinds());
        ReentryReportApi reentryReports = new ReentryReportApi(node.products(), node.reentryReports(), node.catalog(),
                sharing, reentries);
        ScreeningApi screenings = new ScreeningApi(node.screening(), node.ingest().labels(), sharing,
                conjunctions, node.spaceWeather());
        HttpMetrics metrics = new HttpMetrics(node.metrics());
        StatisticsApi statistics = new StatisticsApi(node, sharing);
        BulkElementsApi bulkElements = new BulkElementsApi(node, sharing);
        SpaceTrackApi spaceTrack = new SpaceTrackApi(node, sharing);
        CelestrakApi celestrak = new CelestrakApi(node, sharing);
        ConnectorApi connectors = new ConnectorApi(node.connectors(), sharing);
        ConsoleRoutes console = new ConsoleRoutes();
        SpaceWeatherApi spaceWeather = new SpaceWeatherApi(node, sharing);
        TaxiiApi taxii = new TaxiiApi(node.cyber(), sharing, node.config().ingestMaxBytes());
        CyberApi cyber = new CyberApi(node.cyber(), node.catalog(), sharing);
        WatchApi watches = new WatchApi(node.watches());
        ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = node.config().ingestMaxBytes();
            config.jsonMapper(new JavalinJackson(mapper, false));
            node.config().https().ifPresent(https -> config.jetty.addConnector((server, plain) ->
                    HttpsConnector.of(server, plain, https)));
            config.appData(RouteInputs.KEY, routeInputs);
            config.routes.before(metrics::start);
            config.routes.before(filters.authenticate());
            config.routes.beforeMatched(RouteInputs::query);
            config.routes.after(filters.chargeAnonymous());
            config.routes.after(filters.auditRead());
            config.routes.after(metrics::record);
            long maxBody = node.config().ingestMaxBytes();
            config.routes.after(ctx -> readUnreadBody(ctx, maxBody));
            config.routes.get("/api/v1/status", status::status);
            config.routes.get("/api/v1/whoami", access::whoami);
            config.routes.get("/api/v1/parties", access::parties);
            config.routes.post("/api/v1/parties", access::addParty);
            config.routes.put("/api/v1/parties/{code}/priority", access::setPriority);
            config.routes.put("/api/v1/parties/{group}/members/{member}", access::addMember);
            config.routes.delete("/api/v1/parties/{group}/members/{member}", access::removeMember);
            config.routes.get("/api/v1/users", access::users);
            config.routes.post("/api/v1/users", access::addUser);
            config.routes.put("/api/v1/users/{name}/disabled", access::disableUser);
            config.routes.post("/api/v1/users/{name}/tokens", access::createToken);
            config.routes.get("/api/v1/tokens", access::tokens);
            config.routes.delete("/api/v1/tokens/{tokenId}", access::revokeToken);
            config.routes.get("/api/v1/agreements", access::agreements);
            config.routes.post("/api/v1/agreements", access::addAgreement);
            config.routes.get("/api/v1/agreements/{agreementId}", access::agreement);
            config.routes.put("/api/v1/agreements/{agreementId}", access::amendAgreement);
            config.routes.delete("/api/v1/agreements/{agreementId}", access::revokeAgreement);
            config.routes.get("/api/v1/openapi.yaml", ctx -> ctx.contentType("application/yaml")
                    .result(OpenApi.yaml()));
            config.routes.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json")
                    .result(OpenApi.json()));
            config.routes.post("/api/v1/orbits", catalog::ingest);
            config.routes.get("/api/v1/orbits/{orbitId}", catalog::orbit);
            config.routes.delete("/api/v1/orbits/{orbitId}", catalog::recall);
            config.routes.put("/api/v1/orbits/{orbitId}/label", catalog::relabel);
            config.routes.get("/api/v1/objects", catalog::objects);
            config.routes.get("/api/v1/objects/{noradId}", catalog::object);
            config.routes.get("/api/v1/objects/{noradId}/orbits", catalog::orbitHistory);
            config.routes.get("/api/v1/objects/{noradId}/elements", catalog::elements);
            config.routes.get("/api/v1/objects/{noradId}/ephemeris", catalog::ephemeris);
            config.routes.exception(InputRejectedException.class, (e, ctx) -> ctx.status(422)
                    .json(JsonViews.error(422, "input rejected: nothing was stored", e.errors())));
            products.register(config.routes);
            config.routes.get("/api/v1/conjunctions/{id}/cdm", conjunctions::conjunctionCdm);
            config.routes.get("/api/v1/events/{id}/cdm", eventCdm::eventCdm);
            config.routes.post(ReentryApi.PATH, reentries::predict);
            config.routes.get(ReentryApi.JOB, reentries::job);
            config.routes.get(ReentryReportApi.RDM, reentryReports::rdm);
            config.routes.get(ReentryReportApi.OF_OBJECT, reentryReports::ofObject);
            config.routes.get("/api/v1/screenings", screenings::screenings);
            config.routes.post("/api/v1/screenings", screenings::startScreening);
            config.routes.post("/api/v1/screenings/ephemeris", screenings::screenEphemeris);
            config.routes.get("/api/v1/screenings/{runId}", screenings::screening);
            config.routes.get("/api/v1/node/key", audit::nodeKey);
            config.routes.get("/api/v1/audit/checkpoints/latest", audit::latestCheckpoint);
            config.routes.post("/api/v1/audit/checkpoints", audit::signCheckpoint);
            config.routes.get("/api/v1/audit/proofs/inclusion", audit::inclusionProof);
            config.routes.get("/api/v1/audit/proofs/consistency", audit::consistencyProof);
            config.routes.get("/api/v1/audit/entries", audit::entries);
            config.routes.get(PeerClient.FEED_PATH, federation::bundles);
            config.routes.post(PeerClient.NOTIFY_PATH, federation::notified);
            config.routes.get("/api/v1/federation/peers", federation::peers);
            config.routes.post("/api/v1/federation/peers", federation::addPeer);
            config.routes.delete("/api/v1/federation/peers/{peerId}", federation::removePeer);
            config.routes.post("/api/v1/federation/peers/{peerId}/sync", federation::sync);
            config.routes.get("/api/v1/federation/metrics", federation::metrics);
            config.routes.get("/api/v1/connectors", connectors::connectors);
            config.routes.post("/api/v1/connectors/{name}/run", connectors::run);
            config.routes.get("/metrics", ctx -> metrics.scrape(ctx, sharing));
            config.routes.get("/api/v1/statistics", statistics::statistics);
            config.routes.get("/api/v1/elements", bulkElements::elements);
            config.routes.get(SpaceTrackApi.PATH, spaceTrack::query);
            config.routes.get(CelestrakApi.PATH, celestrak::gp);
            config.routes.post(SpaceWeatherApi.INGEST, spaceWeather::ingest);
            config.routes.get(SpaceWeatherApi.NOW, spaceWeather::now);
            config.routes.get(SpaceWeatherApi.KP, spaceWeather::kp);
            config.routes.get(ConsoleRoutes.INDEX, console::index);
            config.routes.get(ConsoleRoutes.FILE, console::file);
            config.routes.get(ConsoleRoutes.CESIUM_FILE, console::cesiumFile);
            config.routes.get(ConsoleRoutes.FOLDER_FILE, console::folderFile);
            taxii.register(config.routes);
            config.routes.get(CyberApi.PATH, cyber::linked);
            config.routes.get(CyberApi.STIX, cyber::stix);
            config.routes.get(CyberApi.GROUND_STATION, cyber::groundStation);
            config.routes.get(WatchApi.WATCHES, watches::list);
            config.routes.post(WatchApi.WATCHES, watches::add);
            config.routes.delete(WatchApi.WATCH, watches::remove);
            config.routes.get(WatchApi.NOTIFICATIONS, watches::notifications);
            config.routes.exception(PropagationException.class, (e, ctx) -> ctx.status(422)
                    .json(JsonViews.error(422, e.getMessage(), List.of())));
            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(400)
                    .json(JsonViews.error(400, e.getMessage(), List.of())));
            config.routes.exception(UnavailableException.class, (e, ctx) -> ctx.status(409)
                    .json(JsonViews.error(409, e.getMessage(), List.of())));
            config.routes.exception(NotFoundException.class, (e, ctx) -> ctx.status(404)
                    .json(JsonViews.error(404, e.getMessage(), List.of())));
            config.routes.exception(SharingService.NotFoundException.class, (e, ctx) -> ctx.status(404)
                    .json(JsonViews.error(404, e.getMessage(), List.of())));
            config.routes.exception(UnauthorizedException.class, (e, ctx) -> ctx.status(401)
                    .header("WWW-Authenticate", "Bearer realm=\"concord\"")
                    .json(JsonViews.error(401, e.getMessage(), List.of())));
            config.routes.exception(ForbiddenException.class, (e, ctx) -> ctx.status(403)
                    .json(JsonViews.error(403, e.getMessage(), List.of())));
            config.routes.exception(UploadRefusedException.class, (e, ctx) -> ctx.status(403)
                    .json(JsonViews.error(403, e.getMessage(), List.of())));
            config.routes.exception(org.concord.screening.ScreeningService.PartnerBusyException.class, (e, ctx) -> ctx.status(429)
                    .json(JsonViews.error(429, e.getMessage(), List.of())));
            config.routes.exception(RateLimitedException.class, (e, ctx) -> ctx.status(429)
                    .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                    .json(JsonViews.error(429, e.getMessage(), List.of())));
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
        routes().forEach(route -> RouteInputs.of(routeInputs, route));
    }

    /** What each route accepts: {@link RouteInputs#ROUTES} and the routes of the node's product kinds. */
    Map<String, RouteInputs> routeInputs() {
        return routeInputs;
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

    /** Every route the router serves, as {@code METHOD path}: what the leak test enumerates. */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream().filter(e -> e.endpoint.method.isHttpMethod())
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path).toList();
    }

    /**
     * Reads to its end the body of a request refused before its body was read (an unknown parameter of an upload):
     * closing the connection with the body unread would reset it, and the client, still sending, would lose the
     * answer. At most {@code maxBytes} are read: a longer (or endless) body gets the connection closed.
     */
    private static void readUnreadBody(Context ctx, long maxBytes) throws java.io.IOException {
        if (ctx.statusCode() >= 400 && ctx.req().getContentLengthLong() != 0) {
            java.io.InputStream body = ctx.bodyInputStream();
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            for (int n = body.read(buffer); n >= 0 && read <= maxBytes; n = body.read(buffer)) {
                read += n;
            }
        }
    }

    /** Anonymous callers page through at most {@value #ANONYMOUS_MAX_LIMIT} items at a time. */
    static void requireAnonymousPageSize(Context ctx, int limit) {
        if (limit > ANONYMOUS_MAX_LIMIT && Callers.principal(ctx).isAnonymous()) {
            throw new IllegalArgumentException("limit: callers without a token get at most " + ANONYMOUS_MAX_LIMIT
                    + " items a page (follow nextCursor for more, or send a token)");
        }
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
}
