package org.concord.connector;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where connectors keep their runs and their state (implemented in {@code store}). */
public interface ConnectorStore {

    Optional<ConnectorState> state(String connector);

    /** Records a run and the state it leaves, in one transaction; returns the run with its id. */
    ConnectorRun record(ConnectorRun run, ConnectorState state);

    /** Saves a state without a run (a run put off for its source's request budget). */
    void save(ConnectorState state);

    /** The newest runs of a connector, newest first. */
    List<ConnectorRun> runs(String connector, int limit);

    /** The requests made to {@code host} by runs started after {@code since}. */
    int requestsSince(String host, Instant since);
}
