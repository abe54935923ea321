package org.concord.connector;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a connector stands between runs: when it last asked its source and last succeeded, when it runs next, its
 * failures in a row (the back-off grows with them), why it is halted if it is (until a run asked for by an
 * administrator succeeds), and the validators of the last answer ingested.
 */
public record ConnectorState(String connector, Optional<Instant> lastAttemptAt, Optional<Instant> lastSuccessAt,
                             Instant nextAttemptAt, int failures, Optional<String> halted,
                             Source.Validators validators) {

    /** A connector that has never run: due now. */
    public static ConnectorState initial(String connector, Instant now) {
        return new ConnectorState(connector, Optional.empty(), Optional.empty(), now, 0, Optional.empty(),
                Source.Validators.NONE);
    }
}
