package org.concord.conjunction;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One screening: its parameters, who asked, its state and progress while running, and its figures when done
 * (per-stage durations in seconds, candidate pairs, conjunctions, objects screened and excluded by SGP4 errors).
 */
public record ScreeningRun(long id, Kind kind, Optional<Long> primaryNoradId, Instant start, Duration window,
                           double thresholdMeters, String requestedBy, Instant startedAt, Status status,
                           double progress, Optional<Instant> finishedAt, Optional<Figures> figures,
                           Optional<String> error) {

    /** What is screened against the catalog. */
    public enum Kind {
        ALL_VS_ALL, ONE_VS_ALL, EPHEMERIS
    }

    /** Where a run stands. */
    public enum Status {
        RUNNING, DONE, FAILED
    }

    /** The figures of a finished run. */
    public record Figures(int objectsScreened, int objectsExcluded, long candidatePairs, int conjunctions,
                          double propagationSeconds, double broadPhaseSeconds, double refinementSeconds,
                          double riskSeconds, double storageSeconds) {
    }
}
