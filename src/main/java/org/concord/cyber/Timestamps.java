package org.concord.cyber;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** STIX and TAXII timestamps as text: UTC, at least milliseconds, more digits only where the instant has them. */
public final class Timestamps {

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter NANOS = DateTimeFormatter.ofPattern(
            "yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** A date added as TAXII servers write it: to the microsecond, {@code 2016-11-03T12:30:59.001000Z}. */
    public static String micros(Instant instant) {
        return MICROS.format(instant);
    }

    /** {@code 2016-11-03T12:30:59.000Z}, {@code 2016-11-03T12:30:59.001000Z} when it has microseconds. */
    public static String format(Instant instant) {
        int nanos = instant.getNano();
        return (nanos % 1_000_000 == 0 ? MILLIS : nanos % 1000 == 0 ? MICROS : NANOS).format(instant);
    }
}
