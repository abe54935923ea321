package org.concord.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.concord.node.NodeMetrics;

/**
 * Times every request by its route template ({@code /api/v1/objects/{noradId}}, never the path a caller typed, so
 * that neither a catalog number nor a guessed id becomes a label of a metric) and the status it was answered with;
 * and serves the node's metrics.
 */
final class HttpMetrics {

    private static final String STARTED = "concord.started";
    /** The route of a request that matched none: one label value for every path the router does not know. */
    static final String UNMATCHED = "unmatched";

    private final NodeMetrics metrics;
    private final MeterRegistry registry;

    HttpMetrics(NodeMetrics metrics) {
        this.metrics = metrics;
        this.registry = metrics.registry();
    }

    /** Before every request, the first filter: when it started. */
    void start(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
    }

    /** After every request, answered or refused: its duration under its route, method and status. */
    void record(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        Timer.builder("http.server.requests").description("HTTP requests by route template, method and status")
                .tag("method", ctx.method().name()).tag("route", routeOf(ctx))
                .tag("status", Integer.toString(ctx.statusCode())).publishPercentileHistogram().register(registry)
                .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private static String routeOf(Context ctx) {
        try {
            return ctx.endpoints().matchedHttpEndpoint().path;
        } catch (RuntimeException e) {
            return UNMATCHED;
        }
    }

    /**
     * {@code GET /metrics}: for the node's administrators only. The meters are node-wide (no label, originator or
     * object among their labels), yet their totals count what every party stored and the peers' names are the node's
     * business: the same rule as the peers' own list.
     */
    void scrape(Context ctx, org.concord.access.SharingService sharing) {
        Callers.requireNodeAdmin(ctx, sharing);
        ctx.contentType(NodeMetrics.mediaType()).result(metrics.scrape());
    }
}
