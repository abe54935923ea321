package org.concord.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.concord.access.Principal;
import org.concord.access.SharingService;
import org.concord.cyber.CyberCollection;
import org.concord.cyber.CyberService;
import org.concord.cyber.StixObject;
import org.concord.cyber.TaxiiPage;
import org.concord.cyber.TaxiiQuery;
import org.concord.cyber.TaxiiStatus;
import org.concord.cyber.Timestamps;
import org.concord.http.HttpErrors.ForbiddenException;
import org.concord.http.HttpErrors.NotFoundException;
import org.concord.http.HttpErrors.UnauthorizedException;
import org.concord.input.TaxiiFilters;
import org.concord.label.LabelFilter;
import org.concord.product.Product;

/**
 * The TAXII 2.1 server (OASIS TAXII 2.1, sections 4 and 5): discovery, API roots, collections, manifests, objects,
 * versions, deletion and status, under {@value #ROOT}. Callers authenticate with a node token (as a bearer token, or
 * as the password of HTTP Basic); a collection is known to the parties that may read or write it (404 to others), and
 * a party that knows it but lacks the right gets 403. Every read is filtered by the caller's label filter and recorded
 * for the read audit. Answers and errors are {@value #TAXII}.
 */
final class TaxiiApi {

    /** The routes' paths; each is also served with the trailing slash TAXII writes (the router ignores it). */
    static final String ROOT = "/taxii2";
    static final String TAXII = "application/taxii+json;version=2.1";
    static final String API_ROOT = ROOT + "/{apiRoot}";
    static final String COLLECTIONS = API_ROOT + "/collections";
    static final String COLLECTION = COLLECTIONS + "/{collectionId}";
    static final String MANIFEST = COLLECTION + "/manifest";
    static final String OBJECTS = COLLECTION + "/objects";
    static final String OBJECT = OBJECTS + "/{objectId}";
    static final String VERSIONS = OBJECT + "/versions";
    static final String STATUS = API_ROOT + "/status/{statusId}";
    static final String DATE_ADDED_FIRST = "X-TAXII-Date-Added-First";
    static final String DATE_ADDED_LAST = "X-TAXII-Date-Added-Last";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A TAXII error outcome of its own status (406, 415). */
    static final class TaxiiException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        TaxiiException(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private final CyberService cyber;
    private final SharingService sharing;
    private final long maxContentBytes;

    TaxiiApi(CyberService cyber, SharingService sharing, long maxContentBytes) {
        this.cyber = cyber;
        this.sharing = sharing;
        this.maxContentBytes = maxContentBytes;
    }

    static boolean isTaxiiPath(String path) {
        return path.equals(ROOT) || path.startsWith(ROOT + "/");
    }

    void register(io.javalin.config.RoutesConfig routes) {
        routes.get(ROOT, taxii(this::discovery));
        routes.get(API_ROOT, taxii(this::apiRoot));
        routes.get(COLLECTIONS, taxii(this::collections));
        routes.get(COLLECTION, taxii(this::collection));
        routes.get(MANIFEST, taxii(this::manifest));
        routes.get(OBJECTS, taxii(this::objects));
        routes.post(OBJECTS, taxii(this::add));
        routes.get(OBJECT, taxii(this::object));
        routes.delete(OBJECT, taxii(this::delete));
        routes.get(VERSIONS, taxii(this::versions));
        routes.get(STATUS, taxii(this::status));
    }

    /** The handler, answering its refusals as TAXII error messages; the caller must be authenticated with a party. */
    private Handler taxii(Handler handler) {
        return ctx -> {
            try {
                requireAcceptable(ctx);
                party(ctx);
                handler.handle(ctx);
            } catch (UnauthorizedException e) {
                ctx.header("WWW-Authenticate", "Basic realm=\"concord\", Bearer realm=\"concord\"");
                error(ctx, 401, "Unauthorized", e.getMessage());
            } catch (ForbiddenException e) {
                error(ctx, 403, "Forbidden", e.getMessage());
            } catch (NotFoundException e) {
                error(ctx, 404, "Not Found", e.getMessage());
            } catch (TaxiiException e) {
                error(ctx, e.status, e.status == 406 ? "Not Acceptable" : "Unsupported Media Type", e.getMessage());
            } catch (IllegalArgumentException e) {
                error(ctx, 400, "Bad Request", e.getMessage());
            }
        };
    }

    private static void error(Context ctx, int status, String title, String description) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("description", description);
        m.put("http_status", Integer.toString(status));
        ctx.status(status).contentType(TAXII).result(json(m));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(Context ctx, int status, Object body) {
        ctx.status(status).contentType(TAXII).result(json(body));
    }

    /** The caller's party: TAXII needs a token, and the token's user a party. */
    private String party(Context ctx) {
        Principal principal = Callers.principal(ctx);
        if (principal.isAnonymous()) {
            throw new UnauthorizedException("TAXII needs a node token: send Authorization: Bearer <token>, or HTTP"
                    + " Basic with the token as password");
        }
        return principal.party().orElseThrow(() -> new ForbiddenException("the caller belongs to no party"));
    }

    /**
     * TAXII answers {@value #TAXII}: an Accept header that admits no version of it we serve is refused (406); one
     * that admits any media type, or none given, is served.
     */
    static void requireAcceptable(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null || accept.isBlank()) {
            return;
        }
        for (String range : accept.split(",")) {
            if (isTaxii(range, true)) {
                return;
            }
        }
        throw new TaxiiException(406, "the Accept header admits no media type this server answers with: send"
                + " Accept: " + TAXII);
    }

    /** Whether a media type (range) is TAXII 2.1 (or, for an Accept range, any media type). */
    private static boolean isTaxii(String mediaType, boolean range) {
        String[] parts = mediaType.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        if (range && (type.equals("*/*") || type.equals("application/*"))) {
            return true;
        }
        if (!type.equals("application/taxii+json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].split("=", 2);
            if (param[0].strip().equalsIgnoreCase("version") && (param.length < 2
                    || !param[1].strip().replace("\"", "").equals("2.1"))) {
                return false;
            }
        }
        return true;
    }

    private List<CyberCollection> known(String party, String apiRoot) {
        return cyber.collections().stream().filter(c -> c.apiRoot().equals(apiRoot) && c.knownTo(party)).toList();
    }

    private void discovery(Context ctx) {
        String party = party(ctx);
        String base = ctx.scheme() + "://" + ctx.host() + ROOT + "/";
        List<String> roots = cyber.apiRoots().stream().filter(r -> !known(party, r).isEmpty())
                .map(r -> base + r + "/").toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "Concord node of " + sharing.nodeParty());
        m.put("description", "STIX 2.1 objects shared under this node's agreements (docs/cyber.md)");
        if (!roots.isEmpty()) {
            m.put("default", roots.getFirst());
        }
        m.put("api_roots", roots);
        send(ctx, 200, m);
    }

    private String apiRootOf(Context ctx) {
        String root = ctx.pathParam("apiRoot");
        if (known(party(ctx), root).isEmpty()) {
            throw new NotFoundException("no API root '" + root + "' here");
        }
        return root;
    }

    private void apiRoot(Context ctx) {
        String root = apiRootOf(ctx);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", root);
        m.put("versions", List.of(TAXII));
        m.put("max_content_length", maxContentBytes);
        send(ctx, 200, m);
    }

    private Map<String, Object> view(CyberCollection c, String party) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("title", c.title());
        if (!c.description().isEmpty()) {
            m.put("description", c.description());
        }
        m.put("can_read", c.canRead(party));
        m.put("can_write", c.canWrite(party));
        m.put("media_types", List.of("application/stix+json;version=2.1"));
        return m;
    }

    private void collections(Context ctx) {
        String party = party(ctx);
        List<Map<String, Object>> views = known(party, apiRootOf(ctx)).stream().map(c -> view(c, party)).toList();
        send(ctx, 200, views.isEmpty() ? Map.of() : Map.of("collections", views));
    }

    /** The collection of the path, if the caller may know it exists. */
    private CyberCollection collectionOf(Context ctx) {
        String root = apiRootOf(ctx);
        String id = ctx.pathParam("collectionId");
        return cyber.collection(root, id).filter(c -> c.knownTo(party(ctx)))
                .orElseThrow(() -> new NotFoundException("no collection '" + id + "' in API root " + root));
    }

    private CyberCollection readable(Context ctx) {
        CyberCollection c = collectionOf(ctx);
        if (!c.canRead(party(ctx))) {
            throw new ForbiddenException("your party may not read collection " + c.id());
        }
        return c;
    }

    private CyberCollection writable(Context ctx) {
        CyberCollection c = collectionOf(ctx);
        if (!c.canWrite(party(ctx))) {
            throw new ForbiddenException("your party may not write to collection " + c.id());
        }
        if (!Callers.principal(ctx).mayIngest()) {
            throw new ForbiddenException("writing to a collection needs the role of an operator or an"
                    + " administrator");
        }
        return c;
    }

    private void collection(Context ctx) {
        send(ctx, 200, view(collectionOf(ctx), party(ctx)));
    }

    private LabelFilter filter(Context ctx) {
        return Callers.filter(ctx, sharing);
    }

    private TaxiiPage page(Context ctx, TaxiiQuery query) {
        TaxiiPage page = cyber.find(query, filter(ctx));
        Callers.served(ctx, page.items().stream().map(Product::label).toList());
        if (!page.items().isEmpty()) {
            ctx.header(DATE_ADDED_FIRST, Timestamps.micros(page.items().getFirst().value().dateAdded()));
            ctx.header(DATE_ADDED_LAST, Timestamps.micros(page.items().getLast().value().dateAdded()));
        }
        return page;
    }

    private static ObjectNode paged(TaxiiPage page) {
        ObjectNode m = JSON.createObjectNode();
        m.put("more", page.more());
        page.next().ifPresent(n -> m.put("next", n));
        return m;
    }

    private void manifest(Context ctx) {
        CyberCollection c = readable(ctx);
        TaxiiPage page = page(ctx, TaxiiFilters.read(c.id(), Optional.empty(), RouteInputs.query(ctx),
                TaxiiQuery.Versions.LAST));
        ObjectNode m = paged(page);
        if (!page.items().isEmpty()) {
            ArrayNode objects = m.putArray("objects");
            for (Product<StixObject> p : page.items()) {
                objects.addObject().put("id", p.value().stixId())
                        .put("date_added", Timestamps.micros(p.value().dateAdded()))
                        .put("version", Timestamps.format(p.value().version()))
                        .put("media_type", p.value().mediaType());
            }
        }
        send(ctx, 200, m);
    }

    private static ObjectNode envelope(TaxiiPage page) {
        ObjectNode m = paged(page);
        if (!page.items().isEmpty()) {
            ArrayNode objects = m.putArray("objects");
            page.items().forEach(p -> objects.addRawValue(new RawValue(p.value().json())));
        }
        return m;
    }

    private void objects(Context ctx) {
        CyberCollection c = readable(ctx);
        send(ctx, 200, envelope(page(ctx, TaxiiFilters.read(c.id(), Optional.empty(), RouteInputs.query(ctx),
                TaxiiQuery.Versions.LAST))));
    }

    /** The versions of the path's object the query selects ({@code versions} unless it says); none: 404. */
    private TaxiiPage versionsOfObject(Context ctx, TaxiiQuery.Versions versions) {
        CyberCollection c = readable(ctx);
        String id = ctx.pathParam("objectId");
        TaxiiPage page = page(ctx, TaxiiFilters.read(c.id(), Optional.of(id), RouteInputs.query(ctx), versions));
        if (page.items().isEmpty()) {
            throw new NotFoundException("no object " + id + " in collection " + c.id() + " (of the versions asked"
                    + " for)");
        }
        return page;
    }

    private void object(Context ctx) {
        send(ctx, 200, envelope(versionsOfObject(ctx, TaxiiQuery.Versions.LAST)));
    }

    private void versions(Context ctx) {
        TaxiiPage page = versionsOfObject(ctx, TaxiiQuery.Versions.ALL);
        ObjectNode m = paged(page);
        ArrayNode versions = m.putArray("versions");
        page.items().forEach(p -> versions.add(Timestamps.format(p.value().version())));
        send(ctx, 200, m);
    }

    private CyberService.Actor actor(Context ctx) {
        return new CyberService.Actor(Callers.principal(ctx).name(), party(ctx));
    }

    private void add(Context ctx) {
        CyberCollection c = writable(ctx);
        String contentType = ctx.header("Content-Type");
        if (contentType == null || !isTaxii(contentType, false)) {
            throw new TaxiiException(415, "an envelope is posted as Content-Type: " + TAXII + ", not "
                    + (contentType == null ? "no content type" : contentType));
        }
        JsonNode envelope;
        try {
            envelope = JSON.readTree(ctx.bodyInputStream());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not a JSON envelope: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body could not be read: " + e.getMessage(), e);
        }
        if (envelope == null || !envelope.isObject() || !envelope.path("objects").isArray()) {
            throw new IllegalArgumentException("the body is not a TAXII envelope: a JSON object with an array"
                    + " 'objects'");
        }
        List<JsonNode> objects = new ArrayList<>();
        envelope.path("objects").forEach(objects::add);
        send(ctx, 202, statusView(cyber.add(c, objects, actor(ctx), filter(ctx))));
    }

    private void delete(Context ctx) {
        CyberCollection c = readable(ctx);
        writable(ctx);
        String id = ctx.pathParam("objectId");
        TaxiiQuery query = TaxiiFilters.read(c.id(), Optional.of(id), RouteInputs.query(ctx), TaxiiQuery.Versions.ALL);
        CyberService.Deletion deletion = cyber.delete(query, actor(ctx), filter(ctx));
        if (deletion.deleted() == 0 && deletion.ofOtherParties() == 0) {
            throw new NotFoundException("no object " + id + " in collection " + c.id());
        }
        if (deletion.deleted() == 0) {
            throw new ForbiddenException("object " + id + " was posted by another party; only its originator may"
                    + " delete it");
        }
        ctx.status(200).contentType(TAXII).result("");
    }

    private void status(Context ctx) {
        apiRootOf(ctx);
        String id = ctx.pathParam("statusId");
        send(ctx, 200, statusView(cyber.status(id, party(ctx))
                .orElseThrow(() -> new NotFoundException("no status " + id + " of your party's posts"))));
    }

    private static Map<String, Object> statusView(TaxiiStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("status", "complete");
        m.put("request_timestamp", Timestamps.micros(s.requestTimestamp()));
        m.put("total_count", s.totalCount());
        m.put("success_count", s.successes().size());
        m.put("successes", outcomes(s.successes()));
        m.put("failure_count", s.failures().size());
        m.put("failures", outcomes(s.failures()));
        m.put("pending_count", 0);
        m.put("pendings", List.of());
        return m;
    }

    private static List<Map<String, Object>> outcomes(List<TaxiiStatus.Outcome> outcomes) {
        List<Map<String, Object>> list = new ArrayList<>(outcomes.size());
        for (TaxiiStatus.Outcome o : outcomes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", o.id());
            o.version().ifPresent(v -> m.put("version", v));
            m.put("message", o.message());
            list.add(m);
        }
        return list;
    }
}
