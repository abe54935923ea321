package org.concord.http;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;
import org.concord.access.SharingService;
import org.concord.node.Node;
import org.concord.statistics.Boxscore;

/** {@code GET /api/v1/statistics}: the boxscore of what the caller may see of the catalog. */
final class StatisticsApi {

    private final Node node;
    private final SharingService sharing;

    StatisticsApi(Node node, SharingService sharing) {
        this.node = node;
        this.sharing = sharing;
    }

    void statistics(Context ctx) {
        ctx.json(view(Boxscore.of(node.catalogScan(), Callers.filter(ctx, sharing), Instant.now(),
                node.config().staleness())));
    }

    static Map<String, Object> view(Boxscore b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", b.at().toString());
        m.put("objects", b.objects());
        m.put("byOwner", b.byOwner());
        m.put("ownerUnknown", b.ownerUnknown());
        m.put("byObjectType", b.byObjectType());
        m.put("withoutSatcat", b.withoutSatcat());
        Map<String, Long> regimes = new LinkedHashMap<>();
        b.byRegime().forEach((regime, count) -> regimes.put(regime.name(), count));
        m.put("byOrbitRegime", regimes);
        m.put("withoutOrbit", b.withoutOrbit());
        m.put("onOrbit", b.onOrbit());
        m.put("decayed", b.decayed());
        List<Map<String, Object>> ages = b.elementSetAge().stream().map(band -> {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("fromSeconds", band.from().toSeconds());
            a.put("toSeconds", band.to().map(java.time.Duration::toSeconds).orElse(null));
            a.put("objects", band.objects());
            return a;
        }).toList();
        m.put("elementSetAge", ages);
        m.put("stale", b.stale());
        return m;
    }
}
