package org.concord.http;

import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import org.concord.label.LabelFilter;
import org.concord.catalog.CatalogStatistics;
import org.concord.catalog.OrbitRecord;
import org.concord.catalog.Page;
import org.concord.catalog.RecallOutcome;
import org.concord.catalog.RelabelOutcome;
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
import org.concord.orbit.ElementAge;
import org.concord.orbit.Ephemeris;
import org.concord.orbit.PropagationException;
import org.concord.node.Node;
import org.concord.access.Principal;
import org.concord.federation.FederationService;
import org.concord.access.SharingService;
import org.concord.http.HttpErrors.ForbiddenException;
import org.concord.http.HttpErrors.NotFoundException;
import org.concord.http.HttpErrors.RateLimitedException;
import org.concord.http.HttpErrors.UnauthorizedException;
import org.concord.http.HttpErrors.UnavailableException;
import org.concord.input.Choices;
import org.concord.input.ConjunctionSearch;
import org.concord.input.EphemerisInput;
import org.concord.input.JsonFields;
import org.concord.input.ObjectSearch;
import org.concord.input.Arguments;
import org.concord.input.ScreeningInput;
import org.concord.orbit.EphemerisFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The node's HTTP API, {@code /api/v1}: thin routes over the node's services. */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final Node node;
    private final SharingService sharing;
    private final RateLimiter anonymousLimiter;
    /** Anonymous requests answered at once; one more is refused, so partners with tokens keep the node's time. */
    private final java.util.concurrent.Semaphore anonymousGate;
    /** Records an anonymous answer carries for each token it costs beyond the one the request took. */
    static final int ANONYMOUS_RECORDS_PER_TOKEN = 100;
    /** The largest page an anonymous caller may ask for (objects and conjunctions). */
    static final int ANONYMOUS_MAX_LIMIT = 100;
    private static final String GATE_HELD = "concord.anonymous-gate";
    private final Enforcement enforcement;

    /**
     * What the server enforces. Only {@link #FULL} is ever served; the others exist for the load benchmark, which
     * measures what authentication and the label filter cost, and what the read audit adds, against a server doing
     * none of it, on a copy of the data.
     */
    enum Enforcement {
        FULL,
        WITHOUT_READ_AUDIT,
        NONE
    }
    private final Javalin app;

    public ApiServer(Node node) {
        this(node, Enforcement.FULL);
    }

    /**
     * Anything but {@link Enforcement#FULL} exists for one purpose: the load benchmark, run on a copy of the data.
     * Nothing in the node or its configuration can turn enforcement off.
     */
    ApiServer(Node node, Enforcement enforcement) {
        this.node = node;
        this.enforcement = enforcement;
        this.sharing = node.sharing();
        this.anonymousLimiter = new RateLimiter(node.config().anonymousRequestsPerMinute(),
                node.config().anonymousBurst(), System::nanoTime);
        this.anonymousGate = new java.util.concurrent.Semaphore(node.config().anonymousConcurrency());
        AccessApi access = new AccessApi(sharing);
        ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        AuditApi audit = new AuditApi(node.audit(), node.identity(), sharing);
        FederationApi federation = new FederationApi(node.federation(), sharing);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = node.config().ingestMaxBytes();
            config.jsonMapper(new JavalinJackson(mapper, false));
            node.config().https().ifPresent(https -> config.jetty.addConnector((server, plain) ->
                    httpsConnector(server, plain, https)));
            config.routes.before(this::authenticate);
            config.routes.beforeMatched(RouteInputs::query);
            config.routes.after(this::chargeAnonymous);
            config.routes.after(this::auditRead);
            config.routes.get("/api/v1/status", this::status);
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
            config.routes.post("/api/v1/orbits", this::ingest);
            config.routes.get("/api/v1/orbits/{orbitId}", this::orbit);
            config.routes.delete("/api/v1/orbits/{orbitId}", this::recall);
            config.routes.put("/api/v1/orbits/{orbitId}/label", this::relabel);
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
            config.routes.get("/api/v1/node/key", audit::nodeKey);
            config.routes.get("/api/v1/audit/checkpoints/latest", audit::latestCheckpoint);
            config.routes.post("/api/v1/audit/checkpoints", audit::signCheckpoint);
            config.routes.get("/api/v1/audit/proofs/inclusion", audit::inclusionProof);
            config.routes.get("/api/v1/audit/proofs/consistency", audit::consistencyProof);
            config.routes.get("/api/v1/audit/entries", audit::entries);
            config.routes.get(FederationService.FEED_PATH, federation::bundles);
            config.routes.post(FederationService.NOTIFY_PATH, federation::notified);
            config.routes.get("/api/v1/federation/peers", federation::peers);
            config.routes.post("/api/v1/federation/peers", federation::addPeer);
            config.routes.delete("/api/v1/federation/peers/{peerId}", federation::removePeer);
            config.routes.post("/api/v1/federation/peers/{peerId}/sync", federation::sync);
            config.routes.get("/api/v1/federation/metrics", federation::metrics);
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
        routes().forEach(RouteInputs::of);
    }

    private static org.eclipse.jetty.server.Connector httpsConnector(org.eclipse.jetty.server.Server server,
                                                                     org.eclipse.jetty.server.HttpConfiguration plain,
                                                                     org.concord.node.NodeConfig.Https https) {
        org.eclipse.jetty.util.ssl.SslContextFactory.Server tls = new org.eclipse.jetty.util.ssl.SslContextFactory
                .Server();
        tls.setKeyStoreType("PKCS12");
        tls.setKeyStorePath(https.keyStore().path().toString());
        tls.setKeyStorePassword(https.keyStore().password());
        org.eclipse.jetty.server.HttpConfiguration secure = new org.eclipse.jetty.server.HttpConfiguration(plain);
        org.eclipse.jetty.server.SecureRequestCustomizer customizer =
                new org.eclipse.jetty.server.SecureRequestCustomizer();
        // partners may address a node by IP, which sends no SNI name; the certificate check is the client's
        customizer.setSniHostCheck(false);
        secure.addCustomizer(customizer);
        org.eclipse.jetty.server.ServerConnector connector = new org.eclipse.jetty.server.ServerConnector(server,
                new org.eclipse.jetty.server.SslConnectionFactory(tls, "http/1.1"),
                new org.eclipse.jetty.server.HttpConnectionFactory(secure));
        connector.setHost(https.host());
        connector.setPort(https.port());
        return connector;
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

    /** The form of the header: one word after the scheme; whether the word is a token is the sharing service's. */
    private static final java.util.regex.Pattern BEARER = java.util.regex.Pattern.compile("(?i)Bearer +(\\S+)");

    /**
     * Finds the caller of every request: a bearer token's user, or an anonymous caller limited per client address.
     * A token that is present but not valid is refused outright (never downgraded to anonymous), and neither it nor
     * the header is ever written to a log or an answer.
     */
    private void authenticate(Context ctx) {
        if (enforcement == Enforcement.NONE) {
            Callers.set(ctx, Principal.localOperator("benchmark-baseline"));
            return;
        }
        if (java.util.Collections.list(ctx.req().getHeaders("Authorization")).size() > 1) {
            throw new IllegalArgumentException("more than one Authorization header: send exactly one,"
                    + " 'Authorization: Bearer <token>'");
        }
        String header = ctx.header("Authorization");
        if (header == null && FederationApi.isNodeRoute(ctx.path())) {
            // partner nodes sign their requests; the route checks the signature against the pinned key, and only a
            // refused (4xx) request costs its address a token (chargeAnonymous), so peers are never limited
            OptionalLong wait = anonymousLimiter.check(ctx.ip());
            if (wait.isPresent()) {
                throw new RateLimitedException(wait.getAsLong());
            }
            Callers.set(ctx, Principal.anonymous());
            return;
        }
        if (header == null) {
            OptionalLong wait = anonymousLimiter.acquire(ctx.ip());
            if (wait.isPresent()) {
                throw new RateLimitedException(wait.getAsLong());
            }
            if (!anonymousGate.tryAcquire()) {
                throw new RateLimitedException(1);
            }
            ctx.attribute(GATE_HELD, Boolean.TRUE);
            Callers.set(ctx, Principal.anonymous());
            return;
        }
        java.util.regex.Matcher m = BEARER.matcher(header.trim());
        if (!m.matches()) {
            throw new UnauthorizedException("malformed Authorization header: expected 'Bearer <token>'");
        }
        Callers.set(ctx, sharing.authenticate(m.group(1)).orElseThrow(() ->
                new UnauthorizedException("the token is not valid: unknown, expired or revoked")));
    }

    /**
     * Appends every authenticated answer that carried labelled data to the audit log: who, what (method, path and
     * query), and whose data (the originators). Asynchronous, so that reading costs no extra transaction.
     */
    private void auditRead(Context ctx) {
        java.util.Set<String> originators = Callers.originatorsServed(ctx);
        Optional<Principal> caller = Callers.caller(ctx);
        if (enforcement != Enforcement.FULL || originators.isEmpty() || caller.isEmpty() || caller.get().isAnonymous()
                || ctx.statusCode() >= 300) {
            return;
        }
        String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
        String subject = ctx.method().name() + " " + ctx.path() + query;
        node.audit().appendAsync(org.concord.audit.AuditEvent.of(Instant.now(), caller.get().name(),
                caller.get().party(), Callers.wasExport(ctx) ? org.concord.audit.AuditAction.EXPORT
                        : org.concord.audit.AuditAction.READ,
                subject.length() > 1000 ? subject.substring(0, 1000) : subject, originators,
                "status " + ctx.statusCode()));
    }

    /**
     * Charges an answered anonymous request by what it carried (one token per {@value #ANONYMOUS_RECORDS_PER_TOKEN}
     * records, beyond the token it took to start), and a refused (4xx) node-signed request one token; then lets the next
     * anonymous request in.
     */
    private void chargeAnonymous(Context ctx) {
        if (Boolean.TRUE.equals(ctx.attribute(GATE_HELD))) {
            ctx.attribute(GATE_HELD, Boolean.FALSE);
            anonymousGate.release();
            anonymousLimiter.charge(ctx.ip(), (double) Callers.recordsServed(ctx) / ANONYMOUS_RECORDS_PER_TOKEN);
        } else if (FederationApi.isNodeRoute(ctx.path()) && ctx.header("Authorization") == null
                && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            anonymousLimiter.charge(ctx.ip(), 1);
        }
    }

    /** Anonymous callers page through at most {@value #ANONYMOUS_MAX_LIMIT} items at a time. */
    private static void requireAnonymousPageSize(Context ctx, int limit) {
        if (limit > ANONYMOUS_MAX_LIMIT && Callers.principal(ctx).isAnonymous()) {
            throw new IllegalArgumentException("limit: callers without a token get at most " + ANONYMOUS_MAX_LIMIT
                    + " items a page (follow nextCursor for more, or send a token)");
        }
    }

    private LabelFilter filter(Context ctx) {
        return enforcement == Enforcement.NONE ? LabelFilter.UNRESTRICTED : Callers.filter(ctx, sharing);
    }

    private void status(Context ctx) {
        CatalogStatistics stats = node.catalog().statistics(filter(ctx));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", Node.version());
        m.put("party", node.config().party());
        // where the data lives is for the node's administrators only
        boolean admin = Callers.isNodeAdmin(Callers.principal(ctx), sharing);
        if (admin) {
            m.put("database", node.databaseDescription());
        }
        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("objects", stats.objects());
        catalog.put("orbitRecords", stats.orbitRecords());
        catalog.put("satcatEntries", stats.satcatEntries());
        catalog.put("newestEpoch", stats.newestEpoch().map(Instant::toString).orElse(null));
        catalog.put("medianEpoch", stats.medianEpoch().map(Instant::toString).orElse(null));
        catalog.put("freshness", JsonViews.freshness(node.catalog().freshness(filter(ctx), Instant.now())));
        m.put("catalog", catalog);
        Map<String, Object> orekit = new LinkedHashMap<>();
        orekit.put("leapSeconds", "bundled UTC-TAI.history");
        orekit.put("earthOrientationLoaded", node.orekit().earthOrientationLoaded());
        if (admin) {
            orekit.put("orekitDataDirectory", node.orekit().orekitDataDirectory().map(Object::toString).orElse(null));
        }
        orekit.put("itrfApproximate", !node.orekit().earthOrientationLoaded());
        m.put("orekit", orekit);
        ctx.json(m);
    }

    private void ingest(Context ctx) {
        Principal principal = Callers.requireAuthenticated(ctx);
        if (!principal.mayIngest()) {
            throw new ForbiddenException("ingest needs the operator or admin role");
        }
        Arguments query = RouteInputs.query(ctx);
        String name = query.text("name", 512).orElse("upload");
        // Only the node's own administrators ingest for other originators; everyone else ingests as their party.
        Optional<String> ownParty = Callers.isOfNodeParty(principal, sharing) && principal.mayAdminister()
                ? Optional.empty() : principal.party();
        Label base = node.ingest().labels().uploadLabelFor(name, ownParty, node.config().party());
        Label label = query.text("label", 8192).map(spec -> Label.parse(spec, base)).orElse(base);
        if (ownParty.isPresent() && !label.originator().equals(ownParty.get())) {
            throw new ForbiddenException("you may ingest only as originator " + ownParty.get());
        }
        boolean skipInvalid = query.bool("skipInvalid").orElse(false);
        Optional<Long> object = query.text("object", 64).map(ApiServer::parseId);
        IngestReport report = node.ingestAudited(new IngestRequest(name, ctx.bodyAsBytes(), Optional.of(label),
                principal.name(), skipInvalid, object), principal.name(), principal.party());
        ctx.status(report.stored() > 0 ? HttpStatus.CREATED : HttpStatus.OK).json(JsonViews.ingestReport(report));
    }

    private void objects(Context ctx) {
        org.concord.catalog.ObjectQuery query = ObjectSearch.read(RouteInputs.query(ctx), Instant.now());
        requireAnonymousPageSize(ctx, query.limit());
        Page<SpaceObject> page = node.catalog().findObjects(query, filter(ctx));
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

    private void object(Context ctx) {
        long id = parseId(ctx.pathParam("noradId"));
        SpaceObject object = node.catalog().findObject(id, filter(ctx))
                .orElseThrow(() -> new NotFoundException("no object " + id + " in this catalog"));
        served(ctx, object);
        Map<String, Object> m = JsonViews.object(object);
        m.put("latestOrbitChoice", JsonViews.latestOrbitChoice(node.catalog().latestOrbitChoice(
                object.latestOrbit().orElseThrow(), filter(ctx))));
        ctx.json(m);
    }

    private void orbitHistory(Context ctx) {
        long id = parseId(ctx.pathParam("noradId"));
        var history = node.catalog().orbitHistory(id, filter(ctx));
        if (history.isEmpty()) {
            throw new NotFoundException("no object " + id + " in this catalog");
        }
        boolean content = RouteInputs.query(ctx).bool("content").orElse(false);
        Callers.served(ctx, history.stream().map(OrbitRecord::label).toList());
        ctx.json(Map.of("items", history.stream().map(o -> JsonViews.orbit(o, content)).toList()));
    }

    private void elements(Context ctx) {
        long id = parseId(ctx.pathParam("noradId"));
        Layout layout = Layout.parse(RouteInputs.query(ctx).text("format", 64).orElse("tle"));
        OrbitRecord latest = node.catalog().latestMeanElements(id, filter(ctx))
                .orElseThrow(() -> new NotFoundException("no mean-element orbit (TLE/OMM) of object " + id
                        + " in this catalog"));
        Callers.exported(ctx, latest.label());
        ctx.header("X-Concord-Label", latest.label().toString());
        ctx.header("X-Concord-Orbit-Id", Long.toString(latest.id()));
        ElementAge age = node.config().staleness().assess(latest, Instant.now());
        elementAgeHeaders(ctx, age);
        ctx.contentType(layout.mediaType()).result(ElementSetExport.export(latest, layout,
                List.of(age.describe() + " at export")));
    }

    private void ephemeris(Context ctx) {
        long id = parseId(ctx.pathParam("noradId"));
        OrbitRecord record = RouteInputs.query(ctx).text("orbitId", 64).map(ApiServer::parseId)
                .map(orbitId -> node.catalog().findOrbit(orbitId, filter(ctx)).filter(o -> o.noradId() == id)
                        .orElseThrow(() -> new NotFoundException("object " + id + " has no orbit record " + orbitId)))
                .orElseGet(() -> node.catalog().findObject(id, filter(ctx)).flatMap(o -> o.latestOrbit())
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

    private void conjunctions(Context ctx) {
        org.concord.conjunction.ConjunctionQuery query = ConjunctionSearch.read(RouteInputs.query(ctx));
        requireAnonymousPageSize(ctx, query.limit());
        Page<Conjunction> page = node.conjunctions().findConjunctions(query, filter(ctx));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", page.items().stream().map(JsonViews::conjunction).toList());
        Callers.served(ctx, page.items().stream().map(Conjunction::label).toList());
        m.put("total", page.total());
        m.put("nextCursor", page.nextCursor().orElse(null));
        ctx.json(m);
    }

    private void conjunction(Context ctx) {
        long id = parseId(ctx.pathParam("conjunctionId"));
        Conjunction c = node.conjunctions().findConjunction(id, filter(ctx))
                .orElseThrow(() -> new NotFoundException("no conjunction " + id));
        Callers.served(ctx, c.label());
        ctx.json(JsonViews.conjunction(c));
    }

    private void conjunctionCdm(Context ctx) {
        long id = parseId(ctx.pathParam("conjunctionId"));
        Conjunction c = node.conjunctions().findConjunction(id, filter(ctx))
                .orElseThrow(() -> new NotFoundException("no conjunction " + id));
        String format = RouteInputs.query(ctx).text("format", 64)
                .map(f -> Choices.of("format", f, List.of("kvn", "xml"))).orElse("kvn");
        String cdm = c.cdm().orElseThrow(() -> new UnavailableException("conjunction " + id + " comes from a"
                + " screening of mean elements without covariance; a CCSDS CDM needs both objects' covariances at TCA,"
                + " so it has no CDM form"));
        org.orekit.files.ccsds.ndm.cdm.Cdm parsed = org.concord.formats.CdmReader.parse("conjunction-" + id, cdm);
        Callers.exported(ctx, c.label());
        ctx.header("X-Concord-Label", c.label().toString());
        ctx.contentType(format.equals("xml") ? "application/xml" : "text/plain")
                .result(format.equals("xml") ? org.concord.formats.CdmWriter.writeXml(parsed)
                        : org.concord.formats.CdmWriter.writeKvn(parsed));
    }

    /** Runs (their parameters and counts over the whole catalog) are the node's own business. */
    private void screenings(Context ctx) {
        List<ScreeningRun> runs = Callers.isOfNodeParty(Callers.principal(ctx), sharing)
                ? node.screening().runs(100) : List.of();
        ctx.json(Map.of("items", runs.stream().map(JsonViews::screeningRun).toList()));
    }

    private void startScreening(Context ctx) {
        Principal principal = Callers.requireNodeAnalyst(ctx, sharing);
        JsonFields body = RouteInputs.body(ctx);
        ScreeningService.Request request = ScreeningInput.request(body);
        if (body.bool("wait").orElse(false)) {
            ScreeningRun run = node.screening().run(request, principal.name(), fraction -> { });
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("run", JsonViews.screeningRun(run));
            List<Conjunction> visible = node.screening().conjunctionsOf(run, filter(ctx));
            Callers.served(ctx, visible.stream().map(Conjunction::label).toList());
            m.put("conjunctions", visible.stream().map(JsonViews::conjunction).toList());
            ctx.status(HttpStatus.OK).header("Location", "/api/v1/screenings/" + run.id()).json(m);
            return;
        }
        ScreeningRun run = node.screening().start(request, principal.name());
        ctx.status(HttpStatus.ACCEPTED).header("Location", "/api/v1/screenings/" + run.id())
                .json(JsonViews.screeningRun(run));
    }

    /** An uploaded OEM screened against the catalog now; the answer is the stored run and its conjunctions. */
    private void screenEphemeris(Context ctx) {
        Principal principal = Callers.requireNodeAnalyst(ctx, sharing);
        ScreeningInput.EphemerisQuery query = ScreeningInput.ephemerisQuery(RouteInputs.query(ctx));
        String name = query.name().orElse("upload.oem");
        Optional<Label> label = query.label().map(spec -> Label.parse(spec, node.ingest().labels().labelFor(name)));
        ScreeningService.EphemerisScreening result = node.screening().screenEphemeris(
                new ScreeningService.EphemerisRequest(name, ctx.bodyAsBytes(), label, query.start(), query.window(),
                        query.volume()),
                principal.name(), fraction -> { });
        List<Conjunction> visible = node.screening().conjunctionsOf(result.run(), filter(ctx));
        Callers.served(ctx, visible.stream().map(Conjunction::label).toList());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", JsonViews.screeningRun(result.run()));
        m.put("screened", result.screened().stream().map(span -> Map.of("start", span.start().toString(),
                "stop", span.stop().toString())).toList());
        m.put("conjunctions", visible.stream().map(JsonViews::conjunction).toList());
        ctx.status(HttpStatus.OK).header("Location", "/api/v1/screenings/" + result.run().id()).json(m);
    }

    private void screening(Context ctx) {
        long id = parseId(ctx.pathParam("runId"));
        ctx.json(JsonViews.screeningRun(node.screening().findRun(id)
                .filter(run -> Callers.isOfNodeParty(Callers.principal(ctx), sharing))
                .orElseThrow(() -> new NotFoundException("no screening run " + id))));
    }

    private void orbit(Context ctx) {
        long id = parseId(ctx.pathParam("orbitId"));
        OrbitRecord record = node.catalog().findOrbit(id, filter(ctx))
                .orElseThrow(() -> new NotFoundException("no orbit record " + id));
        Callers.served(ctx, record.label());
        ctx.json(JsonViews.orbit(record, true));
    }

    /**
     * Recalls an orbit record: an operator or administrator of its originator party. A record the caller may not
     * see is answered exactly as a missing one.
     */
    private void recall(Context ctx) {
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
        long id = parseId(ctx.pathParam("orbitId"));
        OrbitRecord record = node.catalog().findOrbit(id, filter(ctx))
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
    private void relabel(Context ctx) {
        Principal principal = Callers.requireAuthenticated(ctx);
        OrbitRecord record = originatorsRecord(ctx, principal, "re-label");
        JsonFields body = RouteInputs.body(ctx);
        RelabelOutcome.Relabelled done = node.relabelAudited(record, Label.parse(body.requiredText("label", 8192),
                        record.label()), body.bool("widen").orElse(false), body.text("reason", 1024).orElse(""),
                        principal.name(), principal.party()).relabelled()
                .orElseThrow(() -> new NotFoundException("no orbit record " + record.id()));
        ctx.json(JsonViews.relabel(done));
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
