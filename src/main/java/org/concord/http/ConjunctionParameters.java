package org.concord.http;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.concord.conjunction.ConjunctionQuery;

/** Reads {@code GET /api/v1/conjunctions} query parameters; unknown parameters are errors. */
final class ConjunctionParameters {

    private static final Set<String> KNOWN = Set.of("noradId", "from", "to", "maxMissMeters", "minPc", "runId",
            "sort", "limit", "cursor");

    private ConjunctionParameters() {
    }

    static ConjunctionQuery parse(Map<String, List<String>> params) {
        for (String key : params.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException("unknown query parameter '" + key + "' (known: "
                        + KNOWN.stream().sorted().toList() + ")");
            }
        }
        ConjunctionQuery.Sort sort = first(params, "sort").map(s -> switch (s.toLowerCase(Locale.ROOT)) {
            case "tca" -> ConjunctionQuery.Sort.TCA;
            case "pc", "-pc" -> ConjunctionQuery.Sort.PC;
            default -> throw new IllegalArgumentException("unknown sort '" + s + "' (expected tca or pc)");
        }).orElse(ConjunctionQuery.Sort.TCA);
        return new ConjunctionQuery(first(params, "noradId").map(v -> number(v, "noradId")).map(Double::longValue),
                first(params, "from").map(v -> instant(v, "from")), first(params, "to").map(v -> instant(v, "to")),
                first(params, "maxMissMeters").map(v -> number(v, "maxMissMeters")),
                first(params, "minPc").map(v -> number(v, "minPc")),
                first(params, "runId").map(v -> number(v, "runId")).map(Double::longValue), sort,
                first(params, "limit").map(v -> number(v, "limit")).map(Double::intValue).orElse(100),
                first(params, "cursor").map(v -> number(v, "cursor")).map(Double::intValue).orElse(0));
    }

    private static Optional<String> first(Map<String, List<String>> params, String key) {
        return params.getOrDefault(key, List.of()).stream().filter(v -> !v.isBlank()).findFirst();
    }

    private static double number(String value, String name) {
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

    private static Instant instant(String value, String name) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("query parameter '" + name + "' = '" + value
                    + "' is not an ISO-8601 UTC instant such as 2024-07-05T00:00:00Z");
        }
    }
}
