package org.concord.node;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The node's metrics, kept by Micrometer in a Prometheus registry: what the services count (ingest, screening,
 * federation), the HTTP requests the API server times, and the JVM's own. One registry per node, passed to the
 * services that count, so that two nodes in one process (as in the federation tests) keep their counts apart.
 * Every meter is node-wide: none carries a label, an originator or an object, so reading them reveals no labelled
 * fact (docs/metrics.md).
 */
public final class NodeMetrics implements AutoCloseable {

    /**
     * Micrometer's meters whose Prometheus names {@code promtool check metrics} refuses: {@code process_cpu_time_ns_total}
     * (a unit abbreviated) and {@code system_cpu_count} (a gauge named like a histogram's count). Left out; the
     * process's and the system's CPU usage ({@code process_cpu_usage}, {@code system_cpu_usage}) stay.
     */
    private static final java.util.Set<String> PROMTOOL_REFUSED = java.util.Set.of("process.cpu.time",
            "system.cpu.count");

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics garbageCollection;

    private NodeMetrics(PrometheusMeterRegistry registry, JvmGcMetrics garbageCollection) {
        this.registry = registry;
        this.garbageCollection = garbageCollection;
    }

    static NodeMetrics create() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(MeterFilter.deny(id -> PROMTOOL_REFUSED.contains(id.getName())));
        JvmGcMetrics garbageCollection = new JvmGcMetrics();
        List.of(new ClassLoaderMetrics(), new JvmMemoryMetrics(), garbageCollection, new JvmThreadMetrics(),
                new ProcessorMetrics(), new UptimeMetrics()).forEach(binder -> binder.bindTo(registry));
        return new NodeMetrics(registry, garbageCollection);
    }

    /** Where the services and the API server record what they count and time. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter in the Prometheus text exposition format 0.0.4. */
    public String scrape() {
        return registry.scrape();
    }

    /** The media type of {@link #scrape}. */
    public static String mediaType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }

    @Override
    public void close() {
        garbageCollection.close();
        registry.close();
    }
}
