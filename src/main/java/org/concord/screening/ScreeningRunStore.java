package org.concord.screening;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.concord.conjunction.Conjunction;
import org.concord.conjunction.StoredConjunctions;

/** Persistence of screening runs, implemented in {@code store}; a finished run's conjunctions are stored with it. */
public interface ScreeningRunStore {

    /**
     * Records a new run in state RUNNING, its heartbeat at its start, and returns it with its id.
     *
     * @throws IllegalArgumentException when the database cannot keep its values as given; nothing is stored then
     */
    ScreeningRun startRun(ScreeningRun run);

    /** Renews the heartbeat of a RUNNING run: the process running it is alive at {@code at}. */
    void heartbeat(long runId, Instant at);

    /**
     * Marks FAILED, with this error, every RUNNING run whose heartbeat is older than {@code heartbeatBefore} (or
     * missing): their processes died. Reads no run, so a row that cannot be read is marked too. Returns how many.
     */
    int failStaleRuns(Instant heartbeatBefore, String error);

    void updateProgress(long runId, double progress);

    /**
     * Stores the run's conjunctions and marks it DONE with its figures, in one transaction; returns them as stored
     * (as a read would give them back), with their inputs' labels and the run's start as stored.
     */
    StoredConjunctions finishRun(long runId, List<Conjunction> conjunctions, ScreeningRun.Figures figures);

    /** Records how long storing the run's conjunctions took (known only once they are stored). */
    void recordStorageTime(long runId, double seconds);

    void failRun(long runId, String error);

    /** The run; empty too when its row cannot be read (a warning is logged): a stored row never fails a read. */
    Optional<ScreeningRun> findRun(long runId);

    /** Runs, newest first, without those whose rows cannot be read (a warning is logged for each). */
    List<ScreeningRun> runs(int limit);

    /** The runs for this partner party, newest first, as {@link #runs}. */
    List<ScreeningRun> runsFor(String party, int limit);

    /** How many runs for this partner party are RUNNING. */
    int runningFor(String party);
}
