package org.concord.connector;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * NOAA SWPC's space weather JSON products (services.swpc.noaa.gov): the planetary K index, its forecast, the 10.7 cm
 * flux and the alerts, watches and warnings, asked conditionally and ingested by the node's space weather ingest.
 */
public final class Swpc implements ConnectorType {

    /** The value of {@code connector.NAME.type}. */
    public static final ConnectorType TYPE = new Swpc();

    /** The {@link Sink} that takes space weather files. */
    public static final String SINK = "space-weather";

    /** {@code connector.NAME.product} → the product's path on the SWPC server. */
    private static final Map<String, String> PRODUCTS = Map.of(
            "kp", "/products/noaa-planetary-k-index.json",
            "kp-forecast", "/products/noaa-planetary-k-index-forecast.json",
            "f107", "/json/f107_cm_flux.json",
            "alerts", "/products/alerts.json");

    private Swpc() {
    }

    @Override
    public String name() {
        return "swpc";
    }

    @Override
    public Set<String> keys() {
        return Set.of("product");
    }

    /** SWPC publishes no limit; its products change at most every few minutes, so a faster pull gains nothing. */
    @Override
    public Duration minimumPeriod() {
        return Duration.ofMinutes(5);
    }

    @Override
    public Duration defaultPeriod() {
        return Duration.ofMinutes(15);
    }

    @Override
    public Optional<URI> defaultUrl() {
        return Optional.of(URI.create("https://services.swpc.noaa.gov"));
    }

    @Override
    public String sink() {
        return SINK;
    }

    @Override
    public Source source(ConnectorDefinition definition) {
        String product = definition.required("product");
        String path = PRODUCTS.get(product);
        if (path == null) {
            throw new IllegalArgumentException("connector." + definition.name() + ".product = '" + product
                    + "': one of " + new TreeSet<>(PRODUCTS.keySet()));
        }
        URI url = URI.create(definition.url().toString().replaceAll("/+$", "") + path);
        String fileName = "swpc-" + product + ".json";
        return (http, previous) -> UrlSource.pull(http, previous, url, fileName);
    }
}
