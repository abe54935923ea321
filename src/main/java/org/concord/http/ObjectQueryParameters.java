package org.concord.http;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.concord.catalog.ObjectQuery;
import org.concord.catalog.ObjectQuery.Range;
import org.concord.catalog.ObjectQuery.SortKey;

/** Reads {@code GET /api/v1/objects} query parameters into an {@link ObjectQuery}; unknown parameters are errors. */
final class ObjectQueryParameters {

    static final int DEFAULT_LIMIT = 100;
    private static final Set<String> KNOWN = Set.of("noradId", "designator", "name", "objectType", "owner",
            "perigeeMinKm", "perigeeMaxKm", "apogeeMinKm", "apogeeMaxKm", "inclinationMinDeg", "inclinationMaxDeg",
            "periodMinMinutes", "periodMaxMinutes", "maxEpochAgeDays", "sort", "limit", "cursor");

    private ObjectQueryParameters() {
    }

    static ObjectQuery parse(Map<String, List<String>> params, Instant now) {
        for (String key : params.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException("unknown query parameter '" + key + "' (known: "
                        + KNOWN.stream().sorted().toList() + ")");
            }
        }
        List<Long> ids = new ArrayList<>();
        for (String value : params.getOrDefault("noradId", List.of())) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    ids.add(parseLong("noradId", part.trim()));
                }
            }
        }
        String sort = one(params, "sort").orElse("noradId");
        boolean descending = sort.startsWith("-");
        SortKey key = SortKey.parse(descending ? sort.substring(1) : sort);
        Optional<Duration> maxAge = one(params, "maxEpochAgeDays")
                .map(v -> Duration.ofSeconds(Math.round(parseDouble("maxEpochAgeDays", v) * 86400)));
        int limit = (int) one(params, "limit").map(v -> parseLong("limit", v)).orElse((long) DEFAULT_LIMIT)
                .longValue();
        return new ObjectQuery(ids, one(params, "designator"), one(params, "name"), one(params, "objectType"),
                one(params, "owner"), range(params, "perigeeMinKm", "perigeeMaxKm"),
                range(params, "apogeeMinKm", "apogeeMaxKm"), range(params, "inclinationMinDeg", "inclinationMaxDeg"),
                range(params, "periodMinMinutes", "periodMaxMinutes"), maxAge, now, key, descending, limit,
                one(params, "cursor"));
    }

    private static Range range(Map<String, List<String>> params, String min, String max) {
        return new Range(one(params, min).map(v -> parseDouble(min, v)), one(params, max).map(v -> parseDouble(max, v)));
    }

    private static Optional<String> one(Map<String, List<String>> params, String key) {
        List<String> values = params.getOrDefault(key, List.of());
        if (values.size() > 1) {
            throw new IllegalArgumentException("query parameter '" + key + "' is given " + values.size() + " times");
        }
        return values.stream().filter(v -> !v.isBlank()).findFirst();
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("query parameter '" + name + "' = '" + value + "' is not a whole number");
        }
    }

    private static double parseDouble(String name, String value) {
        try {
            double v = Double.parseDouble(value);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("query parameter '" + name + "' = '" + value + "' is not a number");
        }
    }
}
