package org.concord.http;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
import org.concord.input.JsonFields;
import org.concord.label.DataKind;

/**
 * Routes for parties, users, tokens and agreements. Changing any of them takes an administrator of the node's own
 * party; reading the lists of parties and agreements takes any token (a partner sees the agreements that name it).
 */
final class AccessApi {

    /** Source priorities far beyond any a node needs, kept well inside an int. */
    private static final long MAX_PRIORITY = 1_000_000;

    private final SharingService sharing;

    AccessApi(SharingService sharing) {
        this.sharing = sharing;
    }

    void whoami(Context ctx) {
        Principal p = Callers.principal(ctx);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("party", p.party().orElse(null));
        m.put("role", p.role().map(r -> r.name().toLowerCase(Locale.ROOT)).orElse(null));
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
        JsonFields body = RouteInputs.body(ctx);
        Party party = sharing.addParty(body.requiredText("code", 32).toUpperCase(java.util.Locale.ROOT),
                body.requiredText("name", 256), PartyKind.parse(body.requiredText("kind", 16)), admin);
        ctx.status(HttpStatus.CREATED).json(party(party, Map.of()));
    }

    /** {@code {"priority": 10}}: the party's source priority; the answer says how many objects got another latest. */
    void setPriority(Context ctx) {
        Principal admin = Callers.requireNodeAdmin(ctx, sharing);
        long priority = RouteInputs.body(ctx).whole("priority", -MAX_PRIORITY, MAX_PRIORITY).orElseThrow(() ->
                new IllegalArgumentException("the body must be {\"priority\": N} with N a whole number"));
        SharingService.PriorityChange change = sharing.setSourcePriority(
                ctx.pathParam("code").toUpperCase(java.util.Locale.ROOT), (int) priority, admin);
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
        JsonFields body = RouteInputs.body(ctx);
        User user = sharing.addUser(body.requiredText("name", 64), body.requiredText("party", 32)
                .toUpperCase(java.util.Locale.ROOT), Role.parse(body.requiredText("role", 16)), admin);
        ctx.status(HttpStatus.CREATED).json(user(user));
    }

    void disableUser(Context ctx) {
        Principal admin = Callers.requireNodeAdmin(ctx, sharing);
        boolean disabled = RouteInputs.body(ctx).bool("disabled").orElseThrow(() -> new IllegalArgumentException(
                "the body must be {\"disabled\": true} or {\"disabled\": false}"));
        sharing.setUserDisabled(ctx.pathParam("name"), disabled, admin);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    void createToken(Context ctx) {
        Principal admin = Callers.requireNodeAdmin(ctx, sharing);
        JsonFields body = RouteInputs.body(ctx);
        Duration lifetime = body.whole("lifetimeDays", 1, SharingService.MAX_TOKEN_LIFETIME.toDays())
                .map(Duration::ofDays).orElse(SharingService.DEFAULT_TOKEN_LIFETIME);
        SharingService.IssuedToken issued = sharing.createToken(ctx.pathParam("name"),
                body.text("description", SharingService.MAX_TOKEN_DESCRIPTION_CHARACTERS).orElse(""), lifetime,
                admin);
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
        Agreement a = sharing.addAgreement(terms(RouteInputs.body(ctx)), admin);
        ctx.status(HttpStatus.CREATED).header("Location", "/api/v1/agreements/" + a.id()).json(agreement(a));
    }

    void amendAgreement(Context ctx) {
        Principal admin = Callers.requireNodeAdmin(ctx, sharing);
        long id = ApiServer.parseId(ctx.pathParam("agreementId"));
        ctx.json(agreement(sharing.amendAgreement(id, terms(RouteInputs.body(ctx)), admin)));
    }

    void revokeAgreement(Context ctx) {
        Principal admin = Callers.requireNodeAdmin(ctx, sharing);
        long id = ApiServer.parseId(ctx.pathParam("agreementId"));
        ctx.json(agreement(sharing.revokeAgreement(id, admin)));
    }

    private SharingService.Terms terms(JsonFields body) {
        String arrays = "recipients and kinds must be arrays, e.g. \"recipients\": [\"USA\"], \"kinds\": [\"orbits\","
                + " \"conjunctions\"]";
        List<String> recipients = body.texts("recipients", 32).orElseThrow(() -> new IllegalArgumentException(arrays));
        List<String> kinds = body.texts("kinds", 32).orElseThrow(() -> new IllegalArgumentException(arrays));
        return new SharingService.Terms(body.requiredText("grantor", 32).toUpperCase(java.util.Locale.ROOT),
                SharingService.parseParties(String.join(",", recipients)),
                sharing.kinds().parseList(String.join(",", kinds)), body.bool("includesThirdParty").orElse(false),
                body.instant("validFrom").orElseGet(Instant::now), body.instant("validTo"));
    }

    private static Map<String, Object> party(Party p, Map<String, java.util.Set<String>> members) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", p.code());
        m.put("name", p.name());
        m.put("kind", p.kind().name().toLowerCase(Locale.ROOT));
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
        m.put("role", u.role().name().toLowerCase(Locale.ROOT));
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
