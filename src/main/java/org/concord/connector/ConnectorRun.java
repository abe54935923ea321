package org.concord.connector;

import java.time.Instant;
import java.util.Optional;

/**
 * One run of a connector: when, whether scheduled or asked for, the requests it made to its source's host, the
 * source's last HTTP status, what became of it, the records stored, unchanged and refused, the hash of the answer
 * ingested, and the error when it failed (never a secret).
 */
public record ConnectorRun(long id, String connector, String host, boolean manual, Instant startedAt,
                           Instant finishedAt, int requests, Optional<Integer> httpStatus, Outcome outcome, int stored,
                           int unchanged, int rejected, Optional<String> sourceSha256, Optional<String> error) {

    /** The longest error kept. */
    public static final int MAX_ERROR_CHARS = 2000;

    public ConnectorRun {
        error = error.map(e -> e.length() <= MAX_ERROR_CHARS ? e : e.substring(0, MAX_ERROR_CHARS - 3) + "...");
    }

    /** What became of a run. */
    public enum Outcome {
        /** The answer was ingested (perhaps storing nothing new). */
        INGESTED,
        /** The source said nothing changed since the last successful pull; nothing was downloaded. */
        UNCHANGED,
        /** The answer failed the checks and was refused whole: nothing stored, the previous data stands. */
        REFUSED,
        /** The source answered with an error or not at all; tried again later, backing off. */
        FAILED,
        /** The source refused in a way retrying will not mend; the connector waits for a person. */
        HALTED
    }

    public ConnectorRun withId(long newId) {
        return new ConnectorRun(newId, connector, host, manual, startedAt, finishedAt, requests, httpStatus, outcome,
                stored, unchanged, rejected, sourceSha256, error);
    }
}
