package org.concord.http;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.javalin.http.Context;
import org.concord.access.SharingService;
import org.concord.catalog.CatalogStatistics;
import org.concord.connector.ConnectorRun;
import org.concord.connector.Connectors;
import org.concord.node.Node;

/** The node's status: its version, party, catalog and Orekit data; where the data lives for its administrators. */
final class StatusApi {

    private final Node node;
    private final SharingService sharing;

    StatusApi(Node node, SharingService sharing) {
        this.node = node;
        this.sharing = sharing;
    }

    void status(Context ctx) {
        CatalogStatistics stats = node.catalog().statistics(Callers.filter(ctx, sharing));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", Node.version());
        m.put("party", node.config().party());
        // where the data lives is for the node's administrators only
        boolean admin = Callers.isNodeAdmin(Callers.principal(ctx), sharing);
        if (admin) {
            m.put("database", node.databaseDescription());
            m.put("connectors", node.connectors().status().stream().map(StatusApi::connector).toList());
        }
        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("objects", stats.objects());
        catalog.put("orbitRecords", stats.orbitRecords());
        catalog.put("satcatEntries", stats.satcatEntries());
        catalog.put("newestEpoch", stats.newestEpoch().map(Instant::toString).orElse(null));
        catalog.put("medianEpoch", stats.medianEpoch().map(Instant::toString).orElse(null));
        catalog.put("freshness", JsonViews.freshness(node.catalog().freshness(Callers.filter(ctx, sharing), Instant.now())));
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

    private static Map<String, Object> connector(Connectors.Status status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", status.definition().name());
        m.put("lastSuccessAt", status.state().lastSuccessAt().map(Instant::toString).orElse(null));
        m.put("lastError", status.runs().stream().findFirst().flatMap(ConnectorRun::error).orElse(null));
        m.put("halted", status.state().halted().isPresent());
        m.put("nextAttemptAt", status.state().halted().isPresent() ? null : status.state().nextAttemptAt().toString());
        return m;
    }
}
