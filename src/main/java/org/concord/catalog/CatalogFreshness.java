package org.concord.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How current the catalog is at {@code at}: of the {@code objects} a caller sees, how many have a newest state (the
 * epoch of their latest orbit record, or the end of an ephemeris' span) older than 3, 7 and 30 days.
 */
public record CatalogFreshness(Instant at, long objects, long olderThan3Days, long olderThan7Days,
                               long olderThan30Days) {

    /** The ages counted, in the order of the fields. */
    public static final List<Duration> AGES = List.of(Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(30));

    /** {@code count} as a share of the objects (0 when there are none). */
    public double share(long count) {
        return objects == 0 ? 0.0 : (double) count / objects;
    }
}
