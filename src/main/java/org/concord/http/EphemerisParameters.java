package org.concord.http;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.concord.catalog.OrbitRecord;
import org.concord.orbit.EphemerisFormat;
import org.concord.orbit.OutputFrame;
import org.concord.orbit.PropagationRequest;

/**
 * Reads {@code from}, {@code to}, {@code step} (seconds), {@code frame} and {@code format} of an ephemeris request.
 * Without {@code from} the ephemeris starts at the record's epoch (or the start of an OEM's span); without {@code to}
 * it lasts one day (or to the end of the span).
 */
record EphemerisParameters(PropagationRequest request, EphemerisFormat format) {

    private static final Set<String> KNOWN = Set.of("from", "to", "step", "frame", "format", "orbitId");

    static EphemerisParameters parse(Map<String, List<String>> params, OrbitRecord record) {
        for (String key : params.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException("unknown query parameter '" + key + "' (known: "
                        + KNOWN.stream().sorted().toList() + ")");
            }
        }
        Instant start = record.coverage().map(OrbitRecord.TimeSpan::start).orElse(record.epoch());
        Instant from = instant(params, "from").orElse(start);
        Instant defaultTo = record.coverage().map(OrbitRecord.TimeSpan::stop)
                .filter(stop -> stop.isBefore(from.plus(Duration.ofDays(1)))).orElse(from.plus(Duration.ofDays(1)));
        Instant to = instant(params, "to").orElse(defaultTo);
        double stepSeconds = first(params, "step").map(v -> {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("step '" + v + "' is not a number of seconds");
            }
        }).orElse(60.0);
        if (!(stepSeconds > 0) || Double.isInfinite(stepSeconds)) {
            throw new IllegalArgumentException("step must be a positive number of seconds, was " + stepSeconds);
        }
        OutputFrame frame = first(params, "frame").map(f -> enumValue(OutputFrame.class, "frame", f))
                .orElse(OutputFrame.GCRF);
        EphemerisFormat format = first(params, "format").map(f -> enumValue(EphemerisFormat.class, "format",
                f.equalsIgnoreCase("oem") ? "OEM_KVN" : f)).orElse(EphemerisFormat.JSON);
        return new EphemerisParameters(new PropagationRequest(from, to,
                Duration.ofNanos(Math.round(stepSeconds * 1e9)), frame), format);
    }

    private static java.util.Optional<String> first(Map<String, List<String>> params, String key) {
        return params.getOrDefault(key, List.of()).stream().filter(v -> !v.isBlank()).findFirst();
    }

    private static java.util.Optional<Instant> instant(Map<String, List<String>> params, String key) {
        return first(params, key).map(v -> {
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(key + " '" + v + "' is not an ISO-8601 UTC instant such as"
                        + " 2024-07-05T00:00:00Z");
            }
        });
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + name + " '" + value + "' (expected one of "
                    + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                    .toList() + ")");
        }
    }
}
