package org.concord.conjunction;

import java.time.Instant;
import java.util.Optional;

/** A search of stored conjunctions; every filter optional; sorted by TCA or Pc, paged by offset. */
public record ConjunctionQuery(Optional<Long> noradId, Optional<Instant> tcaFrom, Optional<Instant> tcaTo,
                               Optional<Double> maxMissDistanceMeters, Optional<Double> minProbability,
                               Optional<Long> screeningRunId, Sort sort, int limit, int offset) {

    public static final int MAX_LIMIT = 10_000;

    public ConjunctionQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
    }

    /** Orders: earliest TCA first, or highest probability first. */
    public enum Sort {
        TCA, PC
    }
}
