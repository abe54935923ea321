package org.concord.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.concord.screening.ScreeningRun;
import org.concord.screening.ScreeningVolume;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Screening runs in {@link JooqScreeningRunStore} on every database Concord supports ({@link H2ScreeningRunStoreTest},
 * {@link PostgresScreeningRunStoreTest}): no stored row can fail a read or the start of a node, and a run whose
 * process died is marked FAILED by whichever process looks next. Damaged rows are written the way an older or newer
 * version, or an operator, would: plain SQL.
 */
abstract class ScreeningRunStoreContract {

    private static final Table<?> RUN = table(name("screening_run"));
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    protected TestDatabases.Handle handle;
    protected Database db;
    protected JooqScreeningRunStore store;

    protected abstract TestDatabases.Handle newDatabase();

    @BeforeEach
    void open() {
        handle = newDatabase();
        db = handle.open();
        store = new JooqScreeningRunStore(db, new org.concord.store.JooqProductStore(db, org.concord.node.Node.PRODUCT_KINDS));
    }

    @AfterEach
    void close() {
        db.close();
        handle.close();
    }

    private static ScreeningRun running(Instant start, Instant startedAt) {
        return new ScreeningRun(0, ScreeningRun.Kind.ALL_VS_ALL, Optional.empty(), start, Duration.ofDays(1),
                new ScreeningVolume.Sphere(5000), Optional.empty(), "tester", startedAt, ScreeningRun.Status.RUNNING,
                0, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A RUNNING row as another version could leave it: a kind this version does not know, no heartbeat. */
    private long insertRowOfUnknownKind(DSLContext dsl) {
        return StoredRows.insertRunningRun(dsl, "NEWER_KIND", OffsetDateTime.of(2024, 7, 5, 0, 0, 0, 0,
                ZoneOffset.UTC));
    }

    private String statusOf(long id) {
        return db.dsl().select(field(name("status"), String.class)).from(RUN)
                .where(field(name("id"), Long.class).eq(id)).fetchOne().value1();
    }

    @Test
    void aRowThatCannotBeReadIsLeftOutOfReadsAndStillMarkedFailedWhenItsProcessIsGone() {
        ScreeningRun readable = store.startRun(running(NOW, NOW));
        long unknownKind = insertRowOfUnknownKind(db.dsl());

        assertThat(store.runs(10)).extracting(ScreeningRun::id).containsExactly(readable.id());
        assertThat(store.findRun(unknownKind)).isEmpty();
        assertThat(store.findRun(readable.id())).isPresent();

        assertThat(store.failStaleRuns(NOW.minus(Duration.ofMinutes(1)), "no heartbeat")).isEqualTo(1);
        assertThat(statusOf(unknownKind)).isEqualTo("FAILED");
        assertThat(store.findRun(readable.id()).orElseThrow().status()).isEqualTo(ScreeningRun.Status.RUNNING);
    }

    @Test
    void aRowWhoseStartCannotBeReadDoesNotFailListsOrTheStaleRunCheck() {
        ScreeningRun readable = store.startRun(running(NOW, NOW));
        long extreme;
        try {
            // what POST /api/v1/screenings with "start":"-999999999-01-01T00:00:00Z" stored on H2
            extreme = StoredRows.insertRunningRun(db.dsl(), "ALL_VS_ALL", OffsetDateTime.of(-999_999_999, 1, 1, 0,
                    0, 0, 0, ZoneOffset.UTC));
        } catch (org.jooq.exception.DataAccessException refusedByTheDatabase) {
            extreme = insertRowOfUnknownKind(db.dsl()); // PostgreSQL keeps no such time: it cannot hold the row
        }
        assertThat(store.runs(10)).extracting(ScreeningRun::id).containsExactly(readable.id());
        assertThat(store.findRun(extreme)).isEmpty();
        assertThat(store.failStaleRuns(NOW.minus(Duration.ofMinutes(1)), "no heartbeat")).isEqualTo(1);
        assertThat(statusOf(extreme)).isEqualTo("FAILED");
    }

    @Test
    void aRunWhoseValuesTheDatabaseCannotKeepIsNotStored() {
        assertThatThrownBy(() -> store.startRun(running(Instant.parse("-999999999-01-01T00:00:00Z"), NOW)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-999999999-01-01T00:00:00Z");
        assertThat(db.dsl().fetchCount(RUN)).isZero();
        assertThat(store.runs(10)).isEmpty();
    }

    @Test
    void aRunWithAStaleHeartbeatIsMarkedFailedByAnotherStoreAndALiveOneIsNot() {
        Instant longAgo = NOW.minus(Duration.ofMinutes(10));
        ScreeningRun dead = store.startRun(running(NOW, longAgo));
        ScreeningRun alive = store.startRun(running(NOW, longAgo));
        store.heartbeat(alive.id(), NOW);

        try (Database other = handle.open()) {
            JooqScreeningRunStore elsewhere = new JooqScreeningRunStore(other, new org.concord.store.JooqProductStore(other, org.concord.node.Node.PRODUCT_KINDS));
            assertThat(elsewhere.failStaleRuns(NOW.minus(Duration.ofMinutes(1)), "no heartbeat for a minute"))
                    .isEqualTo(1);
            assertThat(elsewhere.findRun(dead.id()).orElseThrow()).satisfies(r -> {
                assertThat(r.status()).isEqualTo(ScreeningRun.Status.FAILED);
                assertThat(r.error()).contains("no heartbeat for a minute");
                assertThat(r.finishedAt()).isPresent();
            });
            assertThat(elsewhere.findRun(alive.id()).orElseThrow().status()).isEqualTo(ScreeningRun.Status.RUNNING);
        }
        store.heartbeat(dead.id(), NOW);
        assertThat(store.findRun(dead.id()).orElseThrow().status())
                .as("a late heartbeat does not revive a run marked FAILED").isEqualTo(ScreeningRun.Status.FAILED);
    }
}
