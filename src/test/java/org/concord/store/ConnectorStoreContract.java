package org.concord.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.concord.connector.ConnectorRun;
import org.concord.connector.ConnectorRun.Outcome;
import org.concord.connector.ConnectorState;
import org.concord.connector.Source;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connector runs and states over {@link JooqConnectorStore}, on every database Concord supports
 * ({@link H2ConnectorStoreTest}, {@link PostgresConnectorStoreTest}).
 */
abstract class ConnectorStoreContract extends DatabaseContract {

    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00.123456Z");

    private JooqConnectorStore store;

    @BeforeEach
    void open() {
        store = new JooqConnectorStore(db);
    }

    private static ConnectorRun run(String connector, Instant at, int requests, Outcome outcome,
                                    Optional<String> error) {
        return new ConnectorRun(0, connector, "www.space-track.org", false, at, at.plusSeconds(2), requests,
                Optional.of(200), outcome, 3, 1, 0, Optional.of("a".repeat(64)), error);
    }

    @Test
    void aRunAndTheStateItLeavesAreKeptAndReadBackAsWritten() {
        assertThat(store.state("st")).isEmpty();
        ConnectorState state = new ConnectorState("st", Optional.of(T0), Optional.of(T0), T0.plus(Duration.ofHours(1)),
                0, Optional.empty(), new Source.Validators(Optional.of("Fri, 01 Nov 2024 10:00:00 GMT"),
                Optional.of("\"v1\"")));
        ConnectorRun first = store.record(run("st", T0, 3, Outcome.INGESTED, Optional.empty()), state);
        ConnectorState halted = new ConnectorState("st", Optional.of(T0.plusSeconds(3600)), Optional.of(T0),
                T0.plus(Duration.ofHours(2)), 1, Optional.of("HTTP 403"), Source.Validators.NONE);
        ConnectorRun second = store.record(run("st", T0.plusSeconds(3600), 1, Outcome.HALTED,
                Optional.of("x".repeat(ConnectorRun.MAX_ERROR_CHARS + 10))), halted);

        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(store.state("st")).contains(halted);
        assertThat(store.runs("st", 10)).containsExactly(second, first);
        assertThat(second.error().orElseThrow()).hasSize(ConnectorRun.MAX_ERROR_CHARS);
        assertThat(store.runs("st", 1)).containsExactly(second);
        assertThat(store.runs("other", 10)).isEmpty();
        store.save(state);
        assertThat(store.state("st")).contains(state);
    }

    @Test
    void requestsAreCountedByHostOverRunsStartedAfterAnInstant() {
        ConnectorState state = ConnectorState.initial("a", T0);
        store.record(run("a", T0, 3, Outcome.INGESTED, Optional.empty()), state);
        store.record(run("b", T0.plusSeconds(30), 3, Outcome.FAILED, Optional.of("HTTP 500")),
                ConnectorState.initial("b", T0));
        assertThat(store.requestsSince("www.space-track.org", T0.minusSeconds(1))).isEqualTo(6);
        assertThat(store.requestsSince("www.space-track.org", T0)).isEqualTo(3);
        assertThat(store.requestsSince("celestrak.org", T0.minusSeconds(1))).isZero();
    }
}
