package org.concord.http;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.javalin.config.Key;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import org.concord.federation.PeerClient;
import org.concord.input.ProductSearch;
import org.concord.product.ProductKind;
import org.concord.product.ProductKinds;
import org.concord.input.CelestrakQuery;
import org.concord.input.EphemerisInput;
import org.concord.input.JsonFields;
import org.concord.input.ObjectSearch;
import org.concord.input.Arguments;
import org.concord.input.ScreeningInput;
import org.concord.input.TaxiiFilters;
import org.concord.input.WatchInput;

/**
 * What each route accepts besides its path: the names of its query parameters, and what its body is. The server
 * refuses a parameter or a JSON key not listed here (a misspelled optional one would otherwise fall back to its
 * default without a word), and refuses to start with a route that has no entry, so that a new route states what it
 * accepts the day it exists; the input property test throws hostile values at everything listed.
 */
record RouteInputs(Set<String> query, Body body) {

    /** What a route's body is. */
    sealed interface Body {
    }

    /** No body is read. */
    record NoBody() implements Body {
    }

    /** A file: an orbit message or an ephemeris, read by the format readers. */
    record Content() implements Body {
    }

    /** A JSON object of these keys. */
    record Json(Set<String> keys) implements Body {
    }

    private static final Set<String> AGREEMENT_KEYS = Set.of("grantor", "recipients", "kinds", "includesThirdParty",
            "validFrom", "validTo");

    static final Map<String, RouteInputs> ROUTES = Map.ofEntries(
            none("GET /api/v1/status"),
            none("GET /api/v1/whoami"),
            none("GET /api/v1/parties"),
            json("POST /api/v1/parties", "code", "name", "kind"),
            json("PUT /api/v1/parties/{code}/priority", "priority"),
            none("PUT /api/v1/parties/{group}/members/{member}"),
            none("DELETE /api/v1/parties/{group}/members/{member}"),
            none("GET /api/v1/users"),
            json("POST /api/v1/users", "name", "party", "role"),
            json("PUT /api/v1/users/{name}/disabled", "disabled"),
            json("POST /api/v1/users/{name}/tokens", "description", "lifetimeDays"),
            none("GET /api/v1/tokens"),
            none("DELETE /api/v1/tokens/{tokenId}"),
            none("GET /api/v1/agreements"),
            Map.entry("POST /api/v1/agreements", new RouteInputs(Set.of(), new Json(AGREEMENT_KEYS))),
            none("GET /api/v1/agreements/{agreementId}"),
            Map.entry("PUT /api/v1/agreements/{agreementId}", new RouteInputs(Set.of(), new Json(AGREEMENT_KEYS))),
            none("DELETE /api/v1/agreements/{agreementId}"),
            none("GET /api/v1/openapi.yaml"),
            none("GET /api/v1/openapi.json"),
            Map.entry("POST /api/v1/orbits", new RouteInputs(Set.of("name", "label", "skipInvalid", "object"),
                    new Content())),
            none("GET /api/v1/orbits/{orbitId}"),
            query("DELETE /api/v1/orbits/{orbitId}", "reason"),
            json("PUT /api/v1/orbits/{orbitId}/label", "label", "widen", "reason"),
            Map.entry("GET /api/v1/objects", new RouteInputs(ObjectSearch.PARAMETERS, new NoBody())),
            none("GET /api/v1/objects/{noradId}"),
            query("GET /api/v1/objects/{noradId}/orbits", "content"),
            query("GET /api/v1/objects/{noradId}/elements", "format", "ommVersion"),
            Map.entry("GET /api/v1/objects/{noradId}/ephemeris", new RouteInputs(EphemerisInput.PARAMETERS,
                    new NoBody())),
            query("GET /api/v1/conjunctions/{id}/cdm", "format"),
            query("GET /api/v1/events/{id}/cdm", "format"),
            json("POST " + ReentryApi.PATH, ReentryApi.NORAD_ID, ReentryApi.ALL, ReentryApi.PERIGEE_BELOW),
            none("GET " + ReentryApi.JOB),
            query("GET " + ReentryReportApi.RDM, "format"),
            none("GET " + ReentryReportApi.OF_OBJECT),
            none("GET /api/v1/screenings"),
            Map.entry("POST /api/v1/screenings", new RouteInputs(Set.of(), new Json(ScreeningInput.BODY_KEYS))),
            Map.entry("POST /api/v1/screenings/ephemeris", new RouteInputs(ScreeningInput.EPHEMERIS_PARAMETERS,
                    new Content())),
            none("GET /api/v1/screenings/{runId}"),
            none("GET /api/v1/node/key"),
            none("GET /api/v1/audit/checkpoints/latest"),
            none("POST /api/v1/audit/checkpoints"),
            query("GET /api/v1/audit/proofs/inclusion", "index", "treeSize"),
            query("GET /api/v1/audit/proofs/consistency", "from", "to"),
            query("GET /api/v1/audit/entries", "after", "limit", "party"),
            query("GET " + PeerClient.FEED_PATH, "after"),
            none("POST " + PeerClient.NOTIFY_PATH),
            none("GET /api/v1/federation/peers"),
            json("POST /api/v1/federation/peers", "party", "publicKeyPem", "endpoint"),
            none("DELETE /api/v1/federation/peers/{peerId}"),
            none("POST /api/v1/federation/peers/{peerId}/sync"),
            none("GET /api/v1/federation/metrics"),
            none("GET /api/v1/connectors"),
            none("POST /api/v1/connectors/{name}/run"),
            none("GET /metrics"),
            none("GET /api/v1/statistics"),
            query("GET /api/v1/elements", "format", "ommVersion"),
            none("GET " + SpaceTrackApi.PATH),
            Map.entry("GET " + CelestrakApi.PATH, new RouteInputs(CelestrakQuery.PARAMETERS, new NoBody())),
            Map.entry("POST " + SpaceWeatherApi.INGEST, new RouteInputs(Set.of("name", "label"), new Content())),
            none("GET " + SpaceWeatherApi.NOW),
            query("GET " + SpaceWeatherApi.KP, "from", "to"),
            none("GET " + ConsoleRoutes.INDEX),
            none("GET " + ConsoleRoutes.FILE),
            none("GET " + ConsoleRoutes.FOLDER_FILE),
            none("GET " + ConsoleRoutes.CESIUM_FILE),
            none("GET " + TaxiiApi.ROOT),
            none("GET " + TaxiiApi.API_ROOT),
            none("GET " + TaxiiApi.COLLECTIONS),
            none("GET " + TaxiiApi.COLLECTION),
            Map.entry("GET " + TaxiiApi.MANIFEST, new RouteInputs(TaxiiFilters.LIST, new NoBody())),
            Map.entry("GET " + TaxiiApi.OBJECTS, new RouteInputs(TaxiiFilters.LIST, new NoBody())),
            Map.entry("POST " + TaxiiApi.OBJECTS, new RouteInputs(Set.of(), new Content())),
            Map.entry("GET " + TaxiiApi.OBJECT, new RouteInputs(TaxiiFilters.OBJECT, new NoBody())),
            Map.entry("DELETE " + TaxiiApi.OBJECT, new RouteInputs(TaxiiFilters.DELETE, new NoBody())),
            Map.entry("GET " + TaxiiApi.VERSIONS, new RouteInputs(TaxiiFilters.VERSIONS, new NoBody())),
            none("GET " + TaxiiApi.STATUS),
            none("GET " + CyberApi.PATH),
            none("GET " + CyberApi.STIX),
            none("GET " + CyberApi.GROUND_STATION),
            none("GET " + WatchApi.WATCHES),
            Map.entry("POST " + WatchApi.WATCHES, new RouteInputs(Set.of(), new Json(WatchInput.BODY_KEYS))),
            none("DELETE " + WatchApi.WATCH),
            query("GET " + WatchApi.NOTIFICATIONS, "limit"));

    /** Where a server keeps the inputs of all its routes: {@link #ROUTES} and those of its product kinds. */
    static final Key<Map<String, RouteInputs>> KEY = new Key<>("concord.routeInputs");

    /** The routes of a node: {@link #ROUTES}, and the list and get routes of each product kind. */
    static Map<String, RouteInputs> of(ProductKinds kinds) {
        Map<String, RouteInputs> all = new HashMap<>(ROUTES);
        for (ProductKind<?> kind : kinds.all()) {
            all.put("GET " + ProductApi.listPath(kind), new RouteInputs(ProductSearch.parameters(kind), new NoBody()));
            all.put("GET " + ProductApi.itemPath(kind), new RouteInputs(Set.of(), new NoBody()));
        }
        return Map.copyOf(all);
    }

    /** What {@code route} ({@code METHOD path}, as {@link ApiServer#routes()} names it) accepts among {@code routes}. */
    static RouteInputs of(Map<String, RouteInputs> routes, String route) {
        RouteInputs inputs = routes.get(route);
        if (inputs == null) {
            throw new IllegalStateException("route " + route + " does not say what it accepts: add it to"
                    + " RouteInputs.ROUTES (a product kind's routes come with its registration)");
        }
        return inputs;
    }

    /** The query of the request, its parameter names checked against its route's. */
    static Arguments query(Context ctx) {
        return Arguments.of(ctx.queryParamMap(), of(ctx).query());
    }

    /** The JSON body of the request, its keys checked against its route's. */
    static JsonFields body(Context ctx) {
        if (!(of(ctx).body() instanceof Json json)) {
            throw new IllegalStateException(route(ctx) + " reads no JSON body");
        }
        return JsonFields.of(RequestBodies.object(ctx, json.keys()), json.keys());
    }

    private static RouteInputs of(Context ctx) {
        return of(ctx.appData(KEY), route(ctx));
    }

    static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null) { // HEAD, which Javalin answers with a GET route's handler
            throw new IllegalArgumentException(ctx.method().name() + " is not served; use GET " + ctx.path());
        }
        return endpoint.method.name() + " " + endpoint.path;
    }

    private static Map.Entry<String, RouteInputs> none(String route) {
        return Map.entry(route, new RouteInputs(Set.of(), new NoBody()));
    }

    private static Map.Entry<String, RouteInputs> query(String route, String... names) {
        return Map.entry(route, new RouteInputs(Set.of(names), new NoBody()));
    }

    private static Map.Entry<String, RouteInputs> json(String route, String... keys) {
        return Map.entry(route, new RouteInputs(Set.of(), new Json(Set.of(keys))));
    }
}
