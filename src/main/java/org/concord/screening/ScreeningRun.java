package org.concord.screening;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.concord.orbit.ElementAge.days;

/**
 * One screening: its parameters (window, volume, primary; for a run of kind EPHEMERIS the uploaded ephemeris it
 * screened, by name and SHA-256, which is not stored), who asked, its state and progress while running, and its
 * figures when done (per-stage durations in seconds, candidate pairs, conjunctions, objects screened and excluded by
 * SGP4 errors). A run for a partner party names it ({@code forParty}): only what that party may read entered it, and
 * its results are labelled to it; a run of the node's own party names none.
 */
public record ScreeningRun(long id, Kind kind, Optional<Long> primaryNoradId, Instant start, Duration window,
                           ScreeningVolume volume, Optional<EphemerisSource> ephemeris, String requestedBy,
                           Instant startedAt, Status status, double progress, Optional<Instant> finishedAt,
                           Optional<Figures> figures, Optional<String> error, Optional<String> forParty) {

    /** A run of the node's own party. */
    public ScreeningRun(long id, Kind kind, Optional<Long> primaryNoradId, Instant start, Duration window,
                        ScreeningVolume volume, Optional<EphemerisSource> ephemeris, String requestedBy,
                        Instant startedAt, Status status, double progress, Optional<Instant> finishedAt,
                        Optional<Figures> figures, Optional<String> error) {
        this(id, kind, primaryNoradId, start, window, volume, ephemeris, requestedBy, startedAt, status, progress,
                finishedAt, figures, error, Optional.empty());
    }

    /**
     * Whether the run's conjunctions are placed in conjunction events (docs/events.md): not those of an ephemeris (a
     * plan screened, not the objects' orbits), nor those of a partner party's run (its results are its own). The
     * periodic pass of the events builder reads the same rule from the stored run (its kind and party).
     */
    public boolean makesEvents() {
        return kind != Kind.EPHEMERIS && forParty.isEmpty();
    }

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

    /**
     * The figures of a finished run; {@code staleness} is empty for runs recorded before element ages were (Concord
     * before V10 of the schema).
     */
    public record Figures(int objectsScreened, int objectsExcluded, long candidatePairs, int conjunctions,
                          double propagationSeconds, double broadPhaseSeconds, double refinementSeconds,
                          double riskSeconds, double storageSeconds, Optional<Staleness> staleness) {
    }

    /**
     * How old the element sets a run screened were over its window (the largest age of each over the window): how
     * many there were, how many were beyond the staleness limit of their orbit regime, the youngest and the oldest
     * age, and for a run with a primary, the primary's age and whether it was stale.
     */
    public record Staleness(int inputs, int staleInputs, Duration youngestAge, Duration oldestAge,
                            Optional<Duration> primaryAge, boolean primaryStale) {

        public boolean stale() {
            return staleInputs > 0;
        }

        /** What the staleness means for the run's results, in words; empty when no input was stale. */
        public Optional<String> warning() {
            if (primaryStale) {
                return Optional.of("the primary's element set is " + days(primaryAge.orElseThrow()) + " from the"
                        + " window, beyond the staleness limit of its orbit regime: results are not meaningful"
                        + (staleInputs > 1 ? "; " + secondaries() : ""));
            }
            if (staleInputs == 0) {
                return Optional.empty();
            }
            if (staleInputs == inputs) {
                return Optional.of("all " + inputs + " element sets are " + days(youngestAge) + " to "
                        + days(oldestAge) + " from the window, beyond the staleness limits of their orbit regimes:"
                        + " results are not meaningful (no conjunction found does not mean none exists)");
            }
            return Optional.of(secondaries());
        }

        private String secondaries() {
            return staleInputs + " of " + inputs + " element sets are beyond the staleness limit of their orbit"
                    + " regime over the window (the oldest " + days(oldestAge) + "): their conjunctions are marked"
                    + " stale, and approaches with them may be missed";
        }
    }

    /** What the staleness of its inputs means for this run's results; empty when none was stale or it is not done. */
    public Optional<String> warning() {
        return figures.flatMap(Figures::staleness).flatMap(Staleness::warning);
    }
}
