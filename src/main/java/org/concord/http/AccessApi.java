package org.concord.http;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.concord.access.Agreement;
import org.concord.access.ApiToken;
import org.concord.access.Party;
import org.concord.access.PartyKind;
import org.concord.access.Principal;
import org.concord.access.Role;
import org.concord.access.SharingService;
import org.concord.access.User;
import org.concord.http.HttpErrors.NotFoundException;
import org.concord.label.DataKind;

/**
 * Routes for parties, users, tokens and agreements. Changing any of them takes an administrator of the node's own
 * party; reading the lists of parties and agreements takes any token (a partner sees the agreements that name it).
 */
final class AccessApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SharingService sharing;

    AccessApi(SharingService sharing) {
        this.sharing = sharing;
    }

    void whoami(Context ctx) {
        Principal p = Callers.principal(ctx);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("party", p.party().orElse(null));
        m.put("role", p.role().map(r -> r.name().toLowerCase()).orElse(null));
        m.put("nodeParty", sharing.nodeParty());
        ctx.json(m);
    }

    void parties(Context ctx) {
        Callers.requireAuthenticated(ctx);
        Map<String, java.util.Set<String>> members = sharing.groupMembers();
        ctx.json(Map.of("items", sharing.parties().stream().map(p -> party(p, members)).toList()));
    }

    void addParty(Context ctx) {
        Principal admin = Callers.requireNodeAdmin(ctx, sharing);
        JsonNode body = body(ctx);
        Party party = sharing.addParty(text(body, "code").toUpperCase(java.util.Locale.ROOT), text(body, "name"),
                PartyKind.parse(text(body, "kind")), admin);
        ctx.status(HttpStatus.CREATED).json(party(party, Map.of()));
    }

    /** {@code {"priority": 10}}: the party's source priority; the answer says how many objects got another latest. */
    void setPriority(Context ctx) {
        Principal admin = Callers.requireNodeAdmin(ctx, sharing);
        JsonNode body = body(ctx);
        JsonNode priority = body.get("priority");
        if (priority == null || !priority.canConvertToInt() || !priority.isIntegralNumber()) {
            throw new IllegalArgumentException("the body must be {\"priority\": N} with N a whole number");
        }
        SharingService.PriorityChange change = sharing.setSourcePriority(
                ctx.pathParam("code").toUpperCase(java.util.Locale.ROOT), priority.asInt(), admin);
        Map<String, Object> m = party(change.party(), sharing.groupMembers());
        m.put("previousPriority", change.previousPriority());
        m.put("latestOrbitsChanged", change.latestOrbitsChanged());
        ctx.json(m);
    }

    void addMember(Context ctx) {
        Principal admin = Callers.requireNodeAdmin(ctx, sharing);
        sharing.addMember(ctx.pathParam("group"), ctx.pathParam("member"), admin);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    void removeMember(Context ctx) {
        Principal admin = Callers.requireNodeAdmin(ctx, sharing);
        sharing.removeMember(ctx.pathParam("group"), ctx.pathParam("member"), admin);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    void users(Context ctx) {
        Callers.requireNodeAdmin(ctx, sharing);
        ctx.json(Map.of("items", sharing.users().stream().map(AccessApi::user).toList()));
    }

    void addUser(Context ctx) {
        Principal admin = Callers.requireNodeAdmin(ctx, sharing);
        JsonNode body = body(ctx);
        User user = sharing.addUser(text(body, "name"), text(body, "party").toUpperCase(java.util.Locale.ROOT),
                Role.parse(text(body, "role")), admin);
        ctx.status(HttpStatus.CREATED).json(user(user));
    }

    void disableUser(Context ctx) {
        Principal admin = Callers.requireNodeAdmin(ctx, sharing);
        JsonNode body = body(ctx);
        if (!body.path("disabled").isBoolean()) {
            throw new IllegalArgumentException("the body must be {\"disabled\": true} or {\"disabled\": false}");
        }
        sharing.setUserDisabled(ctx.pathParam("name"), body.get("disabled").asBoolean(), admin);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    void createToken(Context ctx) {
        Principal admin = Callers.requireNodeAdmin(ctx, sharing);
        JsonNode body = ctx.body().isBlank() ? JSON.createObjectNode() : body(ctx);
        Duration lifetime = body.hasNonNull("lifetimeDays")
                ? Duration.ofDays(number(body, "lifetimeDays")) : SharingService.DEFAULT_TOKEN_LIFETIME;
        SharingService.IssuedToken issued = sharing.createToken(ctx.pathParam("name"),
                body.path("description").asText(""), lifetime, admin);
        Map<String, Object> m = token(issued.token());
        m.put("token", issued.secret());
        ctx.status(HttpStatus.CREATED).header("Cache-Control", "no-store").json(m);
    }

    void tokens(Context ctx) {
        Callers.requireNodeAdmin(ctx, sharing);
        ctx.json(Map.of("items", sharing.tokens().stream().map(AccessApi::token).toList()));
    }

    void revokeToken(Context ctx) {
        Principal admin = Callers.requireNodeAdmin(ctx, sharing);
        sharing.revokeToken(ApiServer.parseId(ctx.pathParam("tokenId")), admin);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    void agreements(Context ctx) {
        Principal p = Callers.requireAuthenticated(ctx);
        ctx.json(Map.of("items", sharing.agreements().stream().filter(a -> mayKnow(p, a)).map(AccessApi::agreement)
                .toList()));
    }

    void agreement(Context ctx) {
        Principal p = Callers.requireAuthenticated(ctx);
        long id = ApiServer.parseId(ctx.pathParam("agreementId"));
        ctx.json(agreement(sharing.agreement(id).filter(a -> mayKnow(p, a))
                .orElseThrow(() -> new NotFoundException("no agreement " + id))));
    }

    /** The node's own party knows every agreement; a partner those it grants or is named in (directly). */
    private boolean mayKnow(Principal p, Agreement a) {
        return Callers.isOfNodeParty(p, sharing) || p.party().map(party -> a.grantor().equals(party)
                || a.recipients().contains(party)).orElse(false);
    }

    void addAgreement(Context ctx) {
        Principal admin = Callers.requireNodeAdmin(ctx, sharing);
        Agreement a = sharing.addAgreement(terms(body(ctx)), admin);
        ctx.status(HttpStatus.CREATED).header("Location", "/api/v1/agreements/" + a.id()).json(agreement(a));
    }

    void amendAgreement(Context ctx) {
        Principal admin = Callers.requireNodeAdmin(ctx, sharing);
        long id = ApiServer.parseId(ctx.pathParam("agreementId"));
        ctx.json(agreement(sharing.amendAgreement(id, terms(body(ctx)), admin)));
    }

    void revokeAgreement(Context ctx) {
        Principal admin = Callers.requireNodeAdmin(ctx, sharing);
        long id = ApiServer.parseId(ctx.pathParam("agreementId"));
        ctx.json(agreement(sharing.revokeAgreement(id, admin)));
    }

    private static SharingService.Terms terms(JsonNode body) {
        JsonNode kinds = body.path("kinds");
        JsonNode recipients = body.path("recipients");
        if (!kinds.isArray() || !recipients.isArray()) {
            throw new IllegalArgumentException("recipients and kinds must be arrays, e.g. \"recipients\": [\"USA\"],"
                    + " \"kinds\": [\"orbits\", \"conjunctions\"]");
        }
        StringBuilder k = new StringBuilder();
        kinds.forEach(n -> k.append(n.asText()).append(','));
        StringBuilder r = new StringBuilder();
        recipients.forEach(n -> r.append(n.asText()).append(','));
        if (body.has("includesThirdParty") && !body.get("includesThirdParty").isBoolean()) {
            throw new IllegalArgumentException("includesThirdParty must be true or false");
        }
        return new SharingService.Terms(text(body, "grantor").toUpperCase(java.util.Locale.ROOT),
                SharingService.parseParties(r.toString()), SharingService.parseKinds(k.toString()),
                body.path("includesThirdParty").asBoolean(false),
                body.hasNonNull("validFrom") ? instant(body, "validFrom") : Instant.now(),
                body.hasNonNull("validTo") ? Optional.of(instant(body, "validTo")) : Optional.empty());
    }

    private static JsonNode body(Context ctx) {
        return RequestBodies.object(ctx, "(see docs/sharing.md)");
    }

    private static String text(JsonNode body, String key) {
        JsonNode n = body.get(key);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new IllegalArgumentException(key + " is missing or not a string");
        }
        return n.asText().trim();
    }

    private static long number(JsonNode body, String key) {
        JsonNode n = body.get(key);
        if (!n.canConvertToLong()) {
            throw new IllegalArgumentException(key + " must be a whole number, was " + n);
        }
        return n.asLong();
    }

    private static Instant instant(JsonNode body, String key) {
        try {
            return Instant.parse(text(body, key));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 UTC instant such as 2027-01-01T00:00:00Z");
        }
    }

    private static Map<String, Object> party(Party p, Map<String, java.util.Set<String>> members) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", p.code());
        m.put("name", p.name());
        m.put("kind", p.kind().name().toLowerCase());
        m.put("createdAt", p.createdAt().toString());
        m.put("sourcePriority", p.sourcePriority());
        if (p.kind() == PartyKind.GROUP) {
            m.put("members", List.copyOf(members.getOrDefault(p.code(), java.util.Set.of())));
        }
        return m;
    }

    private static Map<String, Object> user(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", u.name());
        m.put("party", u.party());
        m.put("role", u.role().name().toLowerCase());
        m.put("createdAt", u.createdAt().toString());
        m.put("disabled", u.disabled());
        return m;
    }

    private static Map<String, Object> token(ApiToken t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("user", t.userName());
        m.put("description", t.description());
        m.put("createdAt", t.createdAt().toString());
        m.put("expiresAt", t.expiresAt().toString());
        m.put("revokedAt", t.revokedAt().map(Instant::toString).orElse(null));
        return m;
    }

    static Map<String, Object> agreement(Agreement a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("grantor", a.grantor());
        m.put("recipients", List.copyOf(a.recipients()));
        m.put("kinds", a.kinds().stream().map(DataKind::code).sorted().toList());
        m.put("includesThirdParty", a.includesThirdParty());
        m.put("validFrom", a.validFrom().toString());
        m.put("validTo", a.validTo().map(Instant::toString).orElse(null));
        m.put("revokedAt", a.revokedAt().map(Instant::toString).orElse(null));
        m.put("version", a.version());
        m.put("changedAt", a.changedAt().toString());
        m.put("changedBy", a.changedBy());
        return m;
    }
}
