package org.concord.conjunction;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One screening: its parameters (window, volume, primary; for a run of kind EPHEMERIS the uploaded ephemeris it
 * screened, by name and SHA-256, which is not stored), who asked, its state and progress while running, and its
 * figures when done (per-stage durations in seconds, candidate pairs, conjunctions, objects screened and excluded by
 * SGP4 errors).
 */
public record ScreeningRun(long id, Kind kind, Optional<Long> primaryNoradId, Instant start, Duration window,
                           ScreeningVolume volume, Optional<EphemerisSource> ephemeris, String requestedBy,
                           Instant startedAt, Status status, double progress, Optional<Instant> finishedAt,
                           Optional<Figures> figures, Optional<String> error) {

    /** The uploaded ephemeris an EPHEMERIS run screened: its file (or upload) name and the SHA-256 of its bytes. */
    public record EphemerisSource(String name, String sha256) {
    }

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
