package org.concord.formats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict reading of the UTC date-times of re-entry messages (RDM, TIP): a calendar date ({@code YYYY-MM-DD}) or a
 * day of the year ({@code YYYY-DDD}), a time {@code hh:mm:ss} with an optional fraction, every field checked against
 * the calendar (no 30 February, no month 13, no hour 25: nothing is rolled over or clamped) and the year from
 * {@value #FIRST_YEAR} to {@value #LAST_YEAR}. A second 60 is a leap second: {@link Instant} cannot hold it, so
 * {@code 23:59:60.x} is read as the last nanosecond of {@code 23:59:59}, and a 60 at any other minute is refused.
 */
public final class UtcEpochs {

    /** The first year a re-entry message may name. */
    public static final int FIRST_YEAR = 1900;
    /** The last year a re-entry message may name. */
    public static final int LAST_YEAR = 2200;

    private static final Pattern SHAPE = Pattern.compile(
            "([+-]?\\d{4,})-(?:(\\d{2})-(\\d{2})|(\\d{3}))[T ](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d*))?(Z)?");
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /**
     * The instant or, when it is none, why.
     *
     * @param instant the instant, when the text is one
     * @param problem why it is not (quoting the text), when it is not
     */
    public record Read(Optional<Instant> instant, Optional<String> problem) {

        static Read of(Instant instant) {
            return new Read(Optional.of(instant), Optional.empty());
        }

        static Read refused(String problem) {
            return new Read(Optional.empty(), Optional.of(problem));
        }
    }

    /** How a format writes its date-times. */
    public enum Shape {
        /** CCSDS 502.0-B-3 7.5.10 as the RDM uses it: {@code T} between date and time, no zone. */
        CCSDS("such as 2018-04-22T09:31:34.00 or 2018-112T09:31:34 (CCSDS, UTC, no time zone)", false, true),
        /** Space-Track's: a space or {@code T} between date and time, an optional {@code Z}, no day of the year. */
        SPACE_TRACK("such as 2012-03-09 09:09:00 (UTC)", true, false);

        private final String example;
        private final boolean spaceAndZone;
        private final boolean dayOfYear;

        Shape(String example, boolean spaceAndZone, boolean dayOfYear) {
            this.example = example;
            this.spaceAndZone = spaceAndZone;
            this.dayOfYear = dayOfYear;
        }
    }

    private UtcEpochs() {
    }

    /** Reads {@code text} (already stripped) as a UTC date-time of this shape. */
    public static Read read(String text, Shape shape) {
        Matcher m = SHAPE.matcher(text);
        boolean shaped = m.matches() && (shape.spaceAndZone || text.indexOf(' ') < 0 && m.group(9) == null)
                && (shape.dayOfYear || m.group(4) == null);
        if (!shaped) {
            return Read.refused("'" + text + "' is not a date and time " + shape.example);
        }
        String bad = "'" + text + "' is not a valid date: ";
        long longYear = m.group(1).length() > 10 ? Long.MAX_VALUE : Long.parseLong(m.group(1));
        if (longYear < FIRST_YEAR || longYear > LAST_YEAR) {
            return Read.refused(bad + "year " + m.group(1) + " is outside " + FIRST_YEAR + "-" + LAST_YEAR);
        }
        int year = (int) longYear;
        LocalDate date;
        if (m.group(2) != null) {
            int month = Integer.parseInt(m.group(2));
            int day = Integer.parseInt(m.group(3));
            if (month < 1 || month > 12) {
                return Read.refused(bad + "month " + m.group(2) + " is outside 01-12");
            }
            YearMonth yearMonth = YearMonth.of(year, month);
            if (day < 1 || day > yearMonth.lengthOfMonth()) {
                return Read.refused(bad + "day " + m.group(3) + " is not a day of " + yearMonth + " (01-"
                        + yearMonth.lengthOfMonth() + ")");
            }
            date = LocalDate.of(year, month, day);
        } else {
            int dayOfYear = Integer.parseInt(m.group(4));
            int days = Year.isLeap(year) ? 366 : 365;
            if (dayOfYear < 1 || dayOfYear > days) {
                return Read.refused(bad + "day of year " + m.group(4) + " is outside 001-" + days + " in " + year);
            }
            date = LocalDate.ofYearDay(year, dayOfYear);
        }
        int hour = Integer.parseInt(m.group(5));
        int minute = Integer.parseInt(m.group(6));
        int second = Integer.parseInt(m.group(7));
        if (hour > 23) {
            return Read.refused(bad + "hour " + m.group(5) + " is outside 00-23");
        }
        if (minute > 59) {
            return Read.refused(bad + "minute " + m.group(6) + " is outside 00-59");
        }
        boolean leap = second == 60;
        if (second > 60 || leap && (hour != 23 || minute != 59)) {
            return Read.refused(bad + "second " + m.group(7) + " is outside 00-59 (60 only at 23:59, a leap second)");
        }
        String fraction = m.group(8) == null ? "" : m.group(8);
        long nanos = leap ? NANOS_PER_SECOND - 1
                : fraction.isEmpty() ? 0 : Long.parseLong((fraction + "000000000").substring(0, 9));
        LocalTime time = LocalTime.of(hour, minute, leap ? 59 : second, (int) nanos);
        return Read.of(date.atTime(time).toInstant(ZoneOffset.UTC));
    }
}
