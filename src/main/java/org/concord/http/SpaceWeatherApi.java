package org.concord.http;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.concord.access.SharingService;
import org.concord.input.Arguments;
import org.concord.node.Node;
import org.concord.spaceweather.AlertLifecycle;
import org.concord.spaceweather.Conditions;
import org.concord.spaceweather.DailyFlux;
import org.concord.spaceweather.GeomagneticScale;
import org.concord.spaceweather.KpInterval;
import org.concord.spaceweather.SpaceWeatherAlert;
import org.concord.spaceweather.SpaceWeatherReport;
import org.concord.spaceweather.SpaceWeatherService;
import org.concord.spaceweather.Storm;

/**
 * Space weather over HTTP beside its kinds' generic lists ({@code /api/v1/space-weather/indices}, {@code /alerts}):
 * the ingest, the conditions now, and the Kp series of a window in columns a chart plots directly.
 */
final class SpaceWeatherApi {

    static final String INGEST = "/api/v1/space-weather";
    static final String NOW = "/api/v1/space-weather/now";
    static final String KP = "/api/v1/space-weather/kp";
    /** The longest window of a Kp series. */
    static final Duration MAX_WINDOW = Duration.ofDays(366);
    static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

    private final Node node;
    private final SharingService sharing;

    SpaceWeatherApi(Node node, SharingService sharing) {
        this.node = node;
        this.sharing = sharing;
    }

    void ingest(Context ctx) {
        Upload upload = Upload.of(ctx, node);
        SpaceWeatherReport report = node.ingestSpaceWeatherAudited(upload.name(), ctx.bodyAsBytes(), upload.label(),
                upload.principal().name(), upload.principal().name(), upload.principal().party());
        ctx.status(report.storedAny() ? HttpStatus.CREATED : HttpStatus.OK).json(report(report));
    }

    static Map<String, Object> report(SpaceWeatherReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", r.sourceName());
        m.put("sha256", r.sourceSha256());
        m.put("format", r.format().code());
        m.put("label", JsonViews.label(r.label()));
        m.put("indicesStored", r.indicesStored());
        m.put("indicesUnchanged", r.indicesUnchanged());
        m.put("messagesStored", r.messagesStored());
        m.put("alertsRaised", r.raised().stream().map(SpaceWeatherApi::alert).toList());
        m.put("summary", r.summary());
        return m;
    }

    void now(Context ctx) {
        SpaceWeatherService.Now now = node.spaceWeather().now(Instant.now(), Callers.filter(ctx, sharing));
        Callers.served(ctx, now.served());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", now.at().toString());
        m.put("kp", now.latestKp().map(SpaceWeatherApi::interval).orElse(null));
        m.put("predictedKp", now.predictedKp().stream().map(SpaceWeatherApi::interval).toList());
        m.put("f107", now.latestFlux().map(SpaceWeatherApi::flux).orElse(null));
        Map<String, Object> scales = new LinkedHashMap<>();
        for (char scale : new char[] {'G', 'S', 'R'}) {
            int level = now.highest(scale);
            scales.put(String.valueOf(scale), level == 0 ? null : scale + Integer.toString(level));
        }
        m.put("noaaScales", scales);
        m.put("alertsInForce", now.alertsInForce().stream().map(SpaceWeatherApi::state).toList());
        ctx.json(m);
    }

    void kp(Context ctx) {
        Arguments query = RouteInputs.query(ctx);
        Instant to = query.instant("to").orElse(Instant.now());
        Instant from = query.instant("from").orElse(to.minus(DEFAULT_WINDOW));
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("from must be before to, and the window at most " + MAX_WINDOW.toDays()
                    + " days");
        }
        Conditions c = node.spaceWeather().indices(from, to, Callers.filter(ctx, sharing));
        Callers.served(ctx, c.served());
        ctx.json(series(from, to, c));
    }

    /** Columns of equal length, one entry per 3-hour interval with a value, in time order. */
    static Map<String, Object> series(Instant from, Instant to, Conditions c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from.toString());
        m.put("to", to.toString());
        m.put("intervalSeconds", 3 * 3600);
        m.put("start", c.kp().stream().map(k -> k.start().toString()).toList());
        m.put("kp", c.kp().stream().map(KpInterval::kp).toList());
        m.put("ap", c.kp().stream().map(k -> k.ap().isPresent() ? k.ap().getAsLong() : null).toList());
        m.put("gScale", c.kp().stream().map(k -> GeomagneticScale.name(k.gScale())).toList());
        m.put("status", c.kp().stream().map(k -> k.status().code()).toList());
        m.put("f107Days", c.flux().stream().map(f -> f.day().toString()).toList());
        m.put("f107ObsSfu", c.flux().stream().map(DailyFlux::observedSfu).toList());
        m.put("f107Status", c.flux().stream().map(f -> f.status().code()).toList());
        return m;
    }

    /** A storm (G3 or more) as the object and screening reads show it. */
    static Map<String, Object> storm(Storm s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", s.start().toString());
        m.put("end", s.end().toString());
        m.put("gScale", GeomagneticScale.name(s.gScale()));
        m.put("predicted", s.predicted());
        return m;
    }

    static Map<String, Object> interval(KpInterval k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", k.start().toString());
        m.put("kp", k.kp());
        m.put("ap", k.ap().isPresent() ? k.ap().getAsLong() : null);
        m.put("gScale", GeomagneticScale.name(k.gScale()));
        m.put("status", k.status().code());
        m.put("predicted", k.status().predicted());
        m.put("source", k.source());
        return m;
    }

    static Map<String, Object> flux(DailyFlux f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("day", f.day().toString());
        m.put("f107ObsSfu", f.observedSfu());
        m.put("f107ObsCtr81Sfu", f.observedCentered81Sfu().isPresent() ? f.observedCentered81Sfu().getAsDouble()
                : null);
        m.put("status", f.status().code());
        m.put("predicted", f.status().predicted());
        m.put("source", f.source());
        return m;
    }

    static Map<String, Object> alert(SpaceWeatherAlert a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("origin", a.origin());
        m.put("messageCode", a.code());
        m.put("serialNumber", a.serialNumber().isPresent() ? a.serialNumber().getAsLong() : null);
        m.put("issuedAt", a.issuedAt().toString());
        m.put("headline", a.headline());
        m.put("scale", a.scale().orElse(null));
        m.put("beginsAt", a.beginsAt().map(Instant::toString).orElse(null));
        m.put("endsAt", a.endsAt().map(Instant::toString).orElse(null));
        return m;
    }

    static Map<String, Object> state(AlertLifecycle.State s) {
        Map<String, Object> m = alert(s.alert());
        m.put("endsAt", s.endsAt().map(Instant::toString).orElse(null));
        m.put("cancelledAt", s.cancelledAt().map(Instant::toString).orElse(null));
        m.put("changedBy", s.changedBy());
        return m;
    }
}
