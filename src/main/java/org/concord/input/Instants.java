package org.concord.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Dates and instants a user gives: {@code 2024-07-05} (midnight UTC) or ISO-8601 with a zone, such as
 * {@code 2024-07-05T12:00:00Z} or {@code 2024-07-05T14:00:00+02:00}. Every one must fall in
 * [{@link #EARLIEST}, {@link #LATEST}): before Sputnik there is nothing to catalog, and past 2200 neither the time
 * scales nor the orbits mean anything; both bounds keep a value the database and Orekit cannot hold from reaching them.
 */
public final class Instants {

    /** The launch of Sputnik 1, 1957-10-04: no orbit of an artificial object is older. */
    public static final Instant EARLIEST = Instant.parse("1957-10-04T00:00:00Z");
    /** 2200-01-01, exclusive. */
    public static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern WITHOUT_ZONE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9:.]+");

    private Instants() {
    }

    /** Reads {@code text} as a date (midnight UTC) or an ISO-8601 instant with its zone, inside the accepted years. */
    public static Instant parse(String field, String text) {
        String t = text.strip();
        Instant instant;
        try {
            instant = DATE.matcher(t).matches() ? LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            String hint = WITHOUT_ZONE.matcher(t).matches() ? "; it has no time zone: append Z for UTC" : "";
            throw new IllegalArgumentException(Texts.subject(field) + "'" + Texts.abbreviate(t) + "' is not a date such as"
                    + " 2024-07-05 (midnight UTC) or an ISO-8601 time such as 2024-07-05T12:00:00Z" + hint);
        }
        return requireInRange(field, instant);
    }

    /** {@code instant} itself, when it lies in the accepted years. */
    public static Instant requireInRange(String field, Instant instant) {
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw new IllegalArgumentException(Texts.subject(field) + instant + " is outside the accepted times, "
                    + EARLIEST.toString().substring(0, 10) + " to " + LATEST.toString().substring(0, 10) + " (UTC)");
        }
        return instant;
    }
}
