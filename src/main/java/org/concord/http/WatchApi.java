package org.concord.http;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;
import org.concord.access.Principal;
import org.concord.input.WatchInput;
import org.concord.watch.Notification;
import org.concord.watch.Watch;
import org.concord.watch.WatchService;

/**
 * Watch lists and notifications (docs/watches.md): a user sees, adds and removes its own party's watches (analysts,
 * operators and administrators add and remove), and reads its party's notifications of the events it may see.
 */
final class WatchApi {

    static final String WATCHES = "/api/v1/watches";
    static final String WATCH = "/api/v1/watches/{watchId}";
    static final String NOTIFICATIONS = "/api/v1/notifications";
    static final int DEFAULT_LIMIT = 100;

    private final WatchService watches;

    WatchApi(WatchService watches) {
        this.watches = watches;
    }

    void list(Context ctx) {
        String party = partyOf(Callers.requireAuthenticated(ctx));
        List<Watch> own = watches.watches(party, Callers.principal(ctx));
        Callers.served(ctx, own.stream().map(Watch::label).toList());
        ctx.json(Map.of("items", own.stream().map(WatchApi::view).toList()));
    }

    void add(Context ctx) {
        Principal by = mayChange(ctx);
        Watch.Terms terms = WatchInput.terms(RouteInputs.body(ctx), watches.settings().allowLoopbackHttp());
        ctx.status(201).json(view(watches.add(partyOf(by), terms, by)));
    }

    void remove(Context ctx) {
        Principal by = mayChange(ctx);
        long id = ApiServer.parseId(ctx.pathParam("watchId"));
        if (!watches.remove(partyOf(by), id, by)) {
            throw new HttpErrors.NotFoundException("no watch " + id + " of party " + partyOf(by));
        }
        ctx.status(204);
    }

    void notifications(Context ctx) {
        String party = partyOf(Callers.requireAuthenticated(ctx));
        int limit = (int) RouteInputs.query(ctx).whole("limit", 1, WatchService.MAX_LIMIT).orElse((long) DEFAULT_LIMIT)
                .longValue();
        List<WatchService.Shown> shown = watches.notifications(party, limit, Callers.principal(ctx));
        Callers.served(ctx, shown.stream().map(WatchService.Shown::eventLabel).toList());
        ctx.json(Map.of("items", shown.stream().map(s -> view(s.notification())).toList()));
    }

    private static Principal mayChange(Context ctx) {
        Principal by = Callers.requireAuthenticated(ctx);
        if (!by.mayScreen()) {
            throw new HttpErrors.ForbiddenException("watches are added and removed by analysts, operators and"
                    + " administrators; a viewer reads them");
        }
        return by;
    }

    private static String partyOf(Principal principal) {
        return principal.party().orElseThrow(() -> new HttpErrors.UnauthorizedException(
                "this needs a token: send Authorization: Bearer <token>"));
    }

    private static Map<String, Object> view(Watch w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id());
        m.put("party", w.party());
        m.put("noradId", w.terms().noradId());
        m.put("missDistanceMeters", w.terms().missDistanceMeters().orElse(null));
        m.put("probability", w.terms().probability().orElse(null));
        m.put("withinSeconds", w.terms().within().toSeconds());
        m.put("webhookUrl", w.terms().webhook().map(Object::toString).orElse(null));
        m.put("createdBy", w.createdBy());
        m.put("createdAt", w.createdAt().toString());
        m.put("label", JsonViews.label(w.label()));
        return m;
    }

    private static Map<String, Object> view(Notification n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("watchId", n.watchId());
        m.put("reason", n.reason().name());
        m.put("createdAt", n.createdAt().toString());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", n.eventId());
        event.put("primaryNoradId", n.primaryNoradId());
        event.put("secondaryNoradId", n.secondaryNoradId());
        event.put("updateNumber", n.updateNumber());
        event.put("tca", n.tca().toString());
        event.put("missDistanceMeters", n.missDistanceMeters());
        event.put("probability", n.probability().orElse(null));
        m.put("event", event);
        m.put("status", n.status().name());
        m.put("nextAttemptAt", n.nextAttemptAt().map(Instant::toString).orElse(null));
        m.put("attempts", n.attempts().stream().map(a -> {
            Map<String, Object> attempt = new LinkedHashMap<>();
            attempt.put("attempt", a.attempt());
            attempt.put("at", a.at().toString());
            attempt.put("httpStatus", a.httpStatus().orElse(null));
            attempt.put("error", a.error().orElse(null));
            return attempt;
        }).toList());
        return m;
    }
}
