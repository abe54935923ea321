package org.concord.http;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.concord.conjunction.ScreeningVolume;

/** The screening volume and window of screening requests: a JSON body, or the query of an ephemeris upload. */
final class ScreeningRequests {

    static final double DEFAULT_THRESHOLD_METERS = 5000;
    static final long MAX_WINDOW_SECONDS = 30 * 86400;

    private ScreeningRequests() {
    }

    /** {@code thresholdMeters} (default 5 km) or {@code ellipsoidMeters: {radial, inTrack, crossTrack}}. */
    static ScreeningVolume volume(JsonNode body) {
        JsonNode ellipsoid = body.path("ellipsoidMeters");
        if (ellipsoid.isMissingNode() || ellipsoid.isNull()) {
            return new ScreeningVolume.Sphere(body.path("thresholdMeters").asDouble(DEFAULT_THRESHOLD_METERS));
        }
        if (body.hasNonNull("thresholdMeters")) {
            throw new IllegalArgumentException("give thresholdMeters or ellipsoidMeters, not both");
        }
        List<String> axes = List.of("radial", "inTrack", "crossTrack");
        if (!ellipsoid.isObject() || axes.stream().anyMatch(axis -> !ellipsoid.path(axis).isNumber())) {
            throw new IllegalArgumentException("ellipsoidMeters must be an object of three numbers such as"
                    + " {\"radial\": 500, \"inTrack\": 5000, \"crossTrack\": 500}, was " + ellipsoid);
        }
        return new ScreeningVolume.RtnEllipsoid(ellipsoid.get("radial").asDouble(),
                ellipsoid.get("inTrack").asDouble(), ellipsoid.get("crossTrack").asDouble());
    }

    /** {@code thresholdMeters} (default 5 km) or {@code ellipsoidMeters=R,T,N} from a query. */
    static ScreeningVolume volume(Map<String, List<String>> query) {
        Optional<String> threshold = single(query, "thresholdMeters");
        Optional<String> ellipsoid = single(query, "ellipsoidMeters");
        if (threshold.isPresent() && ellipsoid.isPresent()) {
            throw new IllegalArgumentException("give thresholdMeters or ellipsoidMeters, not both");
        }
        if (ellipsoid.isPresent()) {
            String[] axes = ellipsoid.get().split(",");
            if (axes.length != 3) {
                throw new IllegalArgumentException("ellipsoidMeters must be three semi-axes R,T,N in metres such as"
                        + " 500,5000,500, was '" + ellipsoid.get() + "'");
            }
            return new ScreeningVolume.RtnEllipsoid(number("ellipsoidMeters", axes[0]),
                    number("ellipsoidMeters", axes[1]), number("ellipsoidMeters", axes[2]));
        }
        return new ScreeningVolume.Sphere(threshold.map(t -> number("thresholdMeters", t))
                .orElse(DEFAULT_THRESHOLD_METERS));
    }

    static Optional<Instant> start(Map<String, List<String>> query) {
        return single(query, "start").map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("start must be an ISO-8601 UTC instant such as"
                        + " 2024-07-05T00:00:00Z, was '" + text + "'");
            }
        });
    }

    static Optional<Duration> window(Map<String, List<String>> query) {
        return single(query, "windowSeconds").map(text -> {
            double seconds = number("windowSeconds", text);
            if (seconds < 1 || seconds > MAX_WINDOW_SECONDS || seconds != Math.rint(seconds)) {
                throw new IllegalArgumentException("windowSeconds must be a whole number of seconds between 1 and"
                        + " 30 days, was " + text);
            }
            return Duration.ofSeconds((long) seconds);
        });
    }

    static Optional<String> single(Map<String, List<String>> query, String name) {
        List<String> values = query.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new IllegalArgumentException(name + " is given " + values.size() + " times");
        }
        return values.stream().map(String::strip).filter(v -> !v.isEmpty()).findFirst();
    }

    private static double number(String name, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number of metres or seconds, was '" + text + "'");
        }
    }
}
