package org.concord.input;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.concord.catalog.ObjectQuery;
import org.concord.catalog.ObjectQuery.Range;
import org.concord.catalog.ObjectQuery.SortKey;

/**
 * A catalog search from its parameters ({@code GET /api/v1/objects}, {@code concord objects}). Each range is bounded by
 * what an Earth orbit can have; an object type is one the SATCAT knows.
 */
public final class ObjectSearch {

    /** The parameters a catalog search accepts. */
    public static final Set<String> PARAMETERS = Set.of("noradId", "designator", "name", "objectType", "owner",
            "perigeeMinKm", "perigeeMaxKm", "apogeeMinKm", "apogeeMaxKm", "inclinationMinDeg", "inclinationMaxDeg",
            "periodMinMinutes", "periodMaxMinutes", "maxEpochAgeDays", "sort", "limit", "cursor");
    /** The object types of the SATCAT, as stored. */
    public static final List<String> OBJECT_TYPES = List.of("PAYLOAD", "ROCKET BODY", "DEBRIS", "UNKNOWN");
    public static final int DEFAULT_LIMIT = 100;
    /** Altitudes from the Earth's centre (-6,378 km) to far beyond the Moon. */
    private static final double MIN_ALTITUDE_KM = -7_000;
    private static final double MAX_ALTITUDE_KM = 10_000_000;
    private static final double MAX_PERIOD_MINUTES = 10_000_000;
    /** A century: older than any element set the catalog can hold. */
    private static final double MAX_EPOCH_AGE_DAYS = 36_525;
    private static final long MAX_NORAD_ID = 999_999_999;
    private static final int MAX_IDS = 1_000;

    private ObjectSearch() {
    }

    /** The search {@code p} asks for, its parameters among {@link #PARAMETERS}. */
    public static ObjectQuery read(Arguments p, Instant now) {
        String sort = p.text("sort", 64).orElse("noradId");
        boolean descending = sort.startsWith("-");
        SortKey key = Choices.of(p.shown("sort"), descending ? sort.substring(1) : sort, sortKeys());
        Optional<Duration> maxAge = p.decimal("maxEpochAgeDays", 0, MAX_EPOCH_AGE_DAYS)
                .map(days -> Duration.ofSeconds(Math.round(days * 86_400)));
        return new ObjectQuery(p.wholeList("noradId", 0, MAX_NORAD_ID, MAX_IDS), p.text("designator", 32),
                p.text("name", 128), p.text("objectType", 32).map(t -> Choices.of(p.shown("objectType"), t, OBJECT_TYPES)),
                p.text("owner", 32),
                range(p, "perigeeMinKm", "perigeeMaxKm", MIN_ALTITUDE_KM, MAX_ALTITUDE_KM),
                range(p, "apogeeMinKm", "apogeeMaxKm", MIN_ALTITUDE_KM, MAX_ALTITUDE_KM),
                range(p, "inclinationMinDeg", "inclinationMaxDeg", 0, 180),
                range(p, "periodMinMinutes", "periodMaxMinutes", 0, MAX_PERIOD_MINUTES), maxAge, now, key,
                descending, (int) p.whole("limit", 1, ObjectQuery.MAX_LIMIT).orElse((long) DEFAULT_LIMIT).longValue(),
                p.text("cursor", 256));
    }

    private static Map<String, SortKey> sortKeys() {
        Map<String, SortKey> keys = new java.util.LinkedHashMap<>();
        for (SortKey k : SortKey.values()) {
            keys.put(k.parameter(), k);
        }
        return keys;
    }

    private static Range range(Arguments p, String min, String max, double lowest, double highest) {
        return new Range(p.decimal(min, lowest, highest), p.decimal(max, lowest, highest));
    }
}
