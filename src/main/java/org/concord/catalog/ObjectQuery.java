package org.concord.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A catalog search. Ranges are inclusive; every filter is optional. {@code maxEpochAge} keeps objects whose latest
 * epoch is at most that old at {@code now}. Results are ordered by {@code sort} then catalog number, and paged by an
 * opaque cursor that stays valid while the catalog changes. {@code owner} is a party code; a SATCAT owner code is taken
 * as the party it stands for, and an unknown code is refused ({@link OwnerCodes#resolveFilter}).
 */
public record ObjectQuery(List<Long> noradIds, Optional<String> internationalDesignator,
                          Optional<String> nameContains, Optional<String> objectType, Optional<String> owner,
                          Range perigeeKm, Range apogeeKm, Range inclinationDeg, Range periodMinutes,
                          Optional<Duration> maxEpochAge, Instant now, SortKey sort, boolean descending,
                          int limit, Optional<String> cursor) {

    public static final int MAX_LIMIT = 10_000;

    public ObjectQuery {
        noradIds = List.copyOf(noradIds);
        owner = owner.map(OwnerCodes::resolveFilter);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    public static ObjectQuery all(int limit) {
        return new ObjectQuery(List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Range.ANY, Range.ANY, Range.ANY, Range.ANY, Optional.empty(), Instant.now(), SortKey.NORAD_ID, false,
                limit, Optional.empty());
    }

    /** The objects with these catalog numbers (at most {@link #MAX_LIMIT}), in catalog-number order. */
    public static ObjectQuery of(java.util.Collection<Long> noradIds) {
        return new ObjectQuery(List.copyOf(noradIds), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Range.ANY, Range.ANY, Range.ANY, Range.ANY, Optional.empty(), Instant.now(),
                SortKey.NORAD_ID, false, Math.max(1, noradIds.size()), Optional.empty());
    }

    /** An inclusive numeric range, either end open. */
    public record Range(Optional<Double> min, Optional<Double> max) {
        public static final Range ANY = new Range(Optional.empty(), Optional.empty());

        public boolean isAny() {
            return min.isEmpty() && max.isEmpty();
        }
    }

    /** The orders a result can be sorted in. */
    public enum SortKey {
        NORAD_ID("noradId"), NAME("name"), EPOCH("epoch"), PERIGEE("perigee"), APOGEE("apogee"),
        INCLINATION("inclination"), PERIOD("period");

        private final String parameter;

        SortKey(String parameter) {
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }

        public static SortKey parse(String text) {
            for (SortKey key : values()) {
                if (key.parameter.equalsIgnoreCase(text) || key.name().equalsIgnoreCase(text)) {
                    return key;
                }
            }
            throw new IllegalArgumentException("unknown sort key '" + text + "' (expected one of "
                    + java.util.Arrays.stream(values()).map(SortKey::parameter).toList() + ")");
        }
    }
}
