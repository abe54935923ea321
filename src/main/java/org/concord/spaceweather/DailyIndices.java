package org.concord.spaceweather;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.concord.catalog.Provenance;

/**
 * One UTC day of indices from one source, all of one {@link IndexStatus}: the planetary Kp of its eight 3-hour
 * intervals (00–03 UTC first; in thirds as decimals: 5- is 4.67 in SWPC's products and 4.7 in CelesTrak's and CSSI's
 * tenths), their ap, the daily Ap and the solar flux. An interval or value the source does not give is empty.
 * {@code source} names the format ({@link SpaceWeatherFormat#code()}).
 */
public record DailyIndices(LocalDate day, IndexStatus status, String source, Provenance provenance,
                           List<OptionalDouble> kp, List<OptionalLong> ap, OptionalLong apDaily, SolarFlux flux) {

    public static final int INTERVALS = 8;
    public static final Duration INTERVAL = Duration.ofHours(3);

    public DailyIndices {
        kp = List.copyOf(kp);
        ap = List.copyOf(ap);
        if (kp.size() != INTERVALS || ap.size() != INTERVALS) {
            throw new IllegalArgumentException("a day has " + INTERVALS + " three-hour intervals");
        }
    }

    public Instant start() {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The start of the day's interval {@code i} (0: 00–03 UTC). */
    public Instant intervalStart(int i) {
        return start().plus(INTERVAL.multipliedBy(i));
    }

    public static List<OptionalDouble> noKp() {
        return Collections.nCopies(INTERVALS, OptionalDouble.empty());
    }

    public static List<OptionalLong> noAp() {
        return Collections.nCopies(INTERVALS, OptionalLong.empty());
    }
}
