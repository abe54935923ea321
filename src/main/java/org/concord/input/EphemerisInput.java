package org.concord.input;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.concord.catalog.OrbitRecord;
import org.concord.orbit.EphemerisFormat;
import org.concord.orbit.OutputFrame;
import org.concord.orbit.PropagationRequest;

/**
 * What to propagate and how to write it ({@code GET /api/v1/objects/{noradId}/ephemeris}, {@code concord propagate}):
 * {@code from} and {@code to} (without {@code from}, the record's epoch or the start of an OEM's span; without
 * {@code to}, one day later or the end of the span), the step as {@code step} with its unit ({@code 60s}, {@code 5m})
 * or {@code stepSeconds}, {@code frame} and {@code format}.
 */
public record EphemerisInput(PropagationRequest request, EphemerisFormat format) {

    /** The parameters an ephemeris request accepts. */
    public static final Set<String> PARAMETERS = Set.of("from", "to", "step", "stepSeconds", "frame", "format",
            "orbitId");
    public static final Duration DEFAULT_STEP = Duration.ofMinutes(1);
    public static final Duration MAX_STEP = Duration.ofDays(1);
    private static final Map<String, EphemerisFormat> FORMATS = formats();

    /** The ephemeris {@code p} asks for of {@code record}, its parameters among {@link #PARAMETERS}. */
    public static EphemerisInput read(Arguments p, OrbitRecord record, EphemerisFormat defaultFormat) {
        Instant start = record.coverage().map(OrbitRecord.TimeSpan::start).orElse(record.epoch());
        Instant from = p.instant("from").orElse(start);
        Instant defaultTo = record.coverage().map(OrbitRecord.TimeSpan::stop)
                .filter(stop -> stop.isBefore(from.plus(Duration.ofDays(1)))).orElse(from.plus(Duration.ofDays(1)));
        Instant to = p.instant("to").orElse(defaultTo);
        if (p.text("step", 64).isPresent() && p.text("stepSeconds", 64).isPresent()) {
            throw new IllegalArgumentException("give " + p.shown("step") + " or stepSeconds, not both");
        }
        Duration step = p.duration("step", MAX_STEP).or(() -> p.decimal("stepSeconds", 1, MAX_STEP.toSeconds())
                .map(s -> Duration.ofMillis(Math.round(s * 1000)))).orElse(DEFAULT_STEP);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(p.shown("to") + " (" + to + ") is before " + p.shown("from") + " ("
                    + from + ")");
        }
        return new EphemerisInput(new PropagationRequest(from, to, step,
                p.choice("frame", OutputFrame.class).orElse(OutputFrame.GCRF)),
                p.choice("format", FORMATS).orElse(defaultFormat));
    }

    private static Map<String, EphemerisFormat> formats() {
        Map<String, EphemerisFormat> formats = new LinkedHashMap<>();
        for (EphemerisFormat f : EphemerisFormat.values()) {
            formats.put(f.parameter(), f);
        }
        return formats;
    }
}
