package org.concord.http;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.javalin.http.Context;
import org.concord.access.SharingService;
import org.concord.connector.ConnectorDefinition;
import org.concord.connector.ConnectorRun;
import org.concord.connector.ConnectorState;
import org.concord.connector.Connectors;

/** The live source connectors for this node's administrators: their state and runs, and a run now. */
final class ConnectorApi {

    private final Connectors connectors;
    private final SharingService sharing;

    ConnectorApi(Connectors connectors, SharingService sharing) {
        this.connectors = connectors;
        this.sharing = sharing;
    }

    void connectors(Context ctx) {
        Callers.requireNodeAdmin(ctx, sharing);
        ctx.json(Map.of("items", connectors.status().stream().map(ConnectorApi::view).toList()));
    }

    void run(Context ctx) {
        Callers.requireNodeAdmin(ctx, sharing);
        String name = ctx.pathParam("name");
        if (connectors.status(name).isEmpty()) {
            throw new HttpErrors.NotFoundException("no connector named '" + name + "'");
        }
        try {
            ctx.json(run(connectors.runNow(name)));
        } catch (Connectors.TooSoonException e) {
            throw new HttpErrors.UnavailableException(e.getMessage());
        }
    }

    private static Map<String, Object> view(Connectors.Status status) {
        ConnectorDefinition d = status.definition();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("type", d.type());
        m.put("url", d.url().toString());
        Map<String, String> settings = new TreeMap<>(d.settings());
        settings.keySet().removeIf(key -> key.startsWith("password"));
        m.put("settings", settings);
        m.put("period", d.period().toString());
        m.put("minimumPeriod", status.type().minimumPeriod().toString());
        m.put("label", JsonViews.label(d.label()));
        m.put("skipInvalid", d.skipInvalid());
        ConnectorState s = status.state();
        m.put("nextAttemptAt", s.halted().isPresent() ? null : s.nextAttemptAt().toString());
        m.put("lastAttemptAt", s.lastAttemptAt().map(Instant::toString).orElse(null));
        m.put("lastSuccessAt", s.lastSuccessAt().map(Instant::toString).orElse(null));
        m.put("failures", s.failures());
        m.put("halted", s.halted().orElse(null));
        m.put("runs", status.runs().stream().map(ConnectorApi::run).toList());
        return m;
    }

    private static Map<String, Object> run(ConnectorRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("connector", r.connector());
        m.put("manual", r.manual());
        m.put("startedAt", r.startedAt().toString());
        m.put("finishedAt", r.finishedAt().toString());
        m.put("requests", r.requests());
        m.put("httpStatus", r.httpStatus().orElse(null));
        m.put("outcome", r.outcome().name());
        m.put("stored", r.stored());
        m.put("unchanged", r.unchanged());
        m.put("rejected", r.rejected());
        m.put("sourceSha256", r.sourceSha256().orElse(null));
        m.put("error", r.error().orElse(null));
        return m;
    }
}
