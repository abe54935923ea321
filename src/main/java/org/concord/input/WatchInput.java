package org.concord.input;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.concord.watch.Watch;
import org.concord.watch.WatchService;
import org.concord.watch.Webhooks;

/**
 * A watch as a person asks for it, by one set of limits whether at the command line ({@code concord watch add}) or
 * over HTTP ({@code POST /api/v1/watches}): the object's catalog number, a miss distance (with its unit at the command
 * line, in metres over HTTP), a probability of collision, how far ahead to look (with its unit; in seconds over
 * HTTP; {@link #DEFAULT_WITHIN} when not given) and a webhook URL ({@link Webhooks}).
 */
public final class WatchInput {

    /** The keys of a {@code POST /api/v1/watches} body. */
    public static final Set<String> BODY_KEYS = Set.of("noradId", "missDistanceMeters", "probability",
            "withinSeconds", "webhookUrl");
    public static final Duration DEFAULT_WITHIN = Duration.ofDays(7);
    /** The largest miss distance threshold: beyond any screening volume. */
    public static final double MAX_MISS_METERS = 1_000_000;
    /** The smallest probability of collision threshold (a smaller one is as good as any Pc at all). */
    public static final double MIN_PROBABILITY = 1e-15;
    private static final long MAX_NORAD_ID = 999_999_999;

    private WatchInput() {
    }

    /** The terms of a JSON body. */
    public static Watch.Terms terms(JsonFields body, boolean allowLoopbackHttp) {
        long noradId = body.whole("noradId", 1, MAX_NORAD_ID).orElseThrow(() -> new IllegalArgumentException(
                "noradId is required (the catalog number of the object to watch)"));
        Optional<Double> miss = body.decimal("missDistanceMeters", 0, MAX_MISS_METERS);
        if (miss.isPresent() && !(miss.get() > 0)) {
            throw new IllegalArgumentException("missDistanceMeters must be more than 0 m");
        }
        return new Watch.Terms(noradId, miss, body.decimal("probability", MIN_PROBABILITY, 1),
                body.whole("withinSeconds", 1, WatchService.MAX_WITHIN.toSeconds()).map(Duration::ofSeconds)
                        .orElse(DEFAULT_WITHIN),
                body.text("webhookUrl", Webhooks.MAX_CHARACTERS + 1).map(url -> Webhooks.parse("webhookUrl", url,
                        allowLoopbackHttp)));
    }

    /** The terms of the command line's options, distances and durations with their units. */
    public static Watch.Terms terms(String noradId, Optional<String> miss, Optional<String> probability,
                                    Optional<String> within, Optional<String> webhook, boolean allowLoopbackHttp) {
        Optional<URI> url = webhook.map(u -> Webhooks.parse("--webhook", u, allowLoopbackHttp));
        return new Watch.Terms(Numbers.whole("object", noradId, 1, MAX_NORAD_ID),
                miss.map(m -> Quantities.distanceMeters("--miss", m, MAX_MISS_METERS)),
                probability.map(p -> Numbers.decimal("--pc", p, MIN_PROBABILITY, 1)),
                within.map(w -> Quantities.duration("--within", w, WatchService.MAX_WITHIN)).orElse(DEFAULT_WITHIN),
                url);
    }
}
