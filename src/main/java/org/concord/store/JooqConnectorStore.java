package org.concord.store;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.unquotedName;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.concord.connector.ConnectorRun;
import org.concord.connector.ConnectorState;
import org.concord.connector.ConnectorStore;
import org.concord.connector.Source;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** Connector runs and states in PostgreSQL or H2, through jOOQ. */
public final class JooqConnectorStore implements ConnectorStore {

    private static final class RunRow {
        static final Table<?> T = table(unquotedName("connector_run"));
        static final Field<Long> ID = field(unquotedName("id"), SQLDataType.BIGINT);
        static final Field<String> CONNECTOR = field(unquotedName("connector"), SQLDataType.VARCHAR);
        static final Field<String> HOST = field(unquotedName("host"), SQLDataType.VARCHAR);
        static final Field<Boolean> MANUAL = field(unquotedName("manual"), SQLDataType.BOOLEAN);
        static final Field<OffsetDateTime> STARTED_AT = field(unquotedName("started_at"),
                SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<OffsetDateTime> FINISHED_AT = field(unquotedName("finished_at"),
                SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<Integer> REQUESTS = field(unquotedName("requests"), SQLDataType.INTEGER);
        static final Field<Integer> HTTP_STATUS = field(unquotedName("http_status"), SQLDataType.INTEGER);
        static final Field<String> OUTCOME = field(unquotedName("outcome"), SQLDataType.VARCHAR);
        static final Field<Integer> STORED = field(unquotedName("stored"), SQLDataType.INTEGER);
        static final Field<Integer> UNCHANGED = field(unquotedName("unchanged"), SQLDataType.INTEGER);
        static final Field<Integer> REJECTED = field(unquotedName("rejected"), SQLDataType.INTEGER);
        static final Field<String> SOURCE_SHA256 = field(unquotedName("source_sha256"), SQLDataType.CHAR(64));
        static final Field<String> ERROR = field(unquotedName("error"), SQLDataType.VARCHAR);
        static final Field<?>[] ALL = {ID, CONNECTOR, HOST, MANUAL, STARTED_AT, FINISHED_AT, REQUESTS, HTTP_STATUS,
            OUTCOME, STORED, UNCHANGED, REJECTED, SOURCE_SHA256, ERROR};
    }

    private static final class StateRow {
        static final Table<?> T = table(unquotedName("connector_state"));
        static final Field<String> CONNECTOR = field(unquotedName("connector"), SQLDataType.VARCHAR);
        static final Field<OffsetDateTime> LAST_ATTEMPT_AT = field(unquotedName("last_attempt_at"),
                SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<OffsetDateTime> LAST_SUCCESS_AT = field(unquotedName("last_success_at"),
                SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<OffsetDateTime> NEXT_ATTEMPT_AT = field(unquotedName("next_attempt_at"),
                SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<Integer> FAILURES = field(unquotedName("failures"), SQLDataType.INTEGER);
        static final Field<String> HALTED = field(unquotedName("halted"), SQLDataType.VARCHAR);
        static final Field<String> LAST_MODIFIED = field(unquotedName("last_modified"), SQLDataType.VARCHAR);
        static final Field<String> ETAG = field(unquotedName("etag"), SQLDataType.VARCHAR);
        static final Field<?>[] ALL = {CONNECTOR, LAST_ATTEMPT_AT, LAST_SUCCESS_AT, NEXT_ATTEMPT_AT, FAILURES, HALTED,
            LAST_MODIFIED, ETAG};
    }

    /** The longest validator kept; a longer one is not kept (the next pull asks unconditionally). */
    private static final int MAX_LAST_MODIFIED = 128;
    private static final int MAX_ETAG = 512;
    private static final int MAX_TEXT = 2048;

    private final DSLContext dsl;

    public JooqConnectorStore(Database database) {
        this.dsl = database.dsl();
    }

    @Override
    public Optional<ConnectorState> state(String connector) {
        return dsl.select(StateRow.ALL).from(StateRow.T).where(StateRow.CONNECTOR.eq(connector))
                .fetchOptional(JooqConnectorStore::toState);
    }

    @Override
    public ConnectorRun record(ConnectorRun run, ConnectorState state) {
        return dsl.transactionResult(() -> {
            long id = dsl.insertInto(RunRow.T)
                    .set(RunRow.CONNECTOR, run.connector())
                    .set(RunRow.HOST, SqlValues.truncate(run.host(), 256))
                    .set(RunRow.MANUAL, run.manual())
                    .set(RunRow.STARTED_AT, SqlValues.odt(run.startedAt()))
                    .set(RunRow.FINISHED_AT, SqlValues.odt(run.finishedAt()))
                    .set(RunRow.REQUESTS, run.requests())
                    .set(RunRow.HTTP_STATUS, run.httpStatus().orElse(null))
                    .set(RunRow.OUTCOME, run.outcome().name())
                    .set(RunRow.STORED, run.stored())
                    .set(RunRow.UNCHANGED, run.unchanged())
                    .set(RunRow.REJECTED, run.rejected())
                    .set(RunRow.SOURCE_SHA256, run.sourceSha256().orElse(null))
                    .set(RunRow.ERROR, run.error().map(e -> SqlValues.truncate(e, MAX_TEXT)).orElse(null))
                    .returningResult(RunRow.ID).fetchOne().value1();
            save(dsl, state);
            return run.withId(id);
        });
    }

    @Override
    public void save(ConnectorState state) {
        dsl.transaction(() -> save(dsl, state));
    }

    private static void save(DSLContext tx, ConnectorState state) {
        tx.deleteFrom(StateRow.T).where(StateRow.CONNECTOR.eq(state.connector())).execute();
        tx.insertInto(StateRow.T)
                .set(StateRow.CONNECTOR, state.connector())
                .set(StateRow.LAST_ATTEMPT_AT, state.lastAttemptAt().map(SqlValues::odt).orElse(null))
                .set(StateRow.LAST_SUCCESS_AT, state.lastSuccessAt().map(SqlValues::odt).orElse(null))
                .set(StateRow.NEXT_ATTEMPT_AT, SqlValues.odt(state.nextAttemptAt()))
                .set(StateRow.FAILURES, state.failures())
                .set(StateRow.HALTED, state.halted().map(h -> SqlValues.truncate(h, MAX_TEXT)).orElse(null))
                .set(StateRow.LAST_MODIFIED, state.validators().lastModified()
                        .filter(v -> v.length() <= MAX_LAST_MODIFIED).orElse(null))
                .set(StateRow.ETAG, state.validators().etag().filter(v -> v.length() <= MAX_ETAG).orElse(null))
                .execute();
    }

    @Override
    public List<ConnectorRun> runs(String connector, int limit) {
        return dsl.select(RunRow.ALL).from(RunRow.T).where(RunRow.CONNECTOR.eq(connector))
                .orderBy(RunRow.ID.desc()).limit(limit).fetch(JooqConnectorStore::toRun);
    }

    @Override
    public int requestsSince(String host, Instant since) {
        Integer sum = dsl.select(org.jooq.impl.DSL.sum(RunRow.REQUESTS).cast(SQLDataType.INTEGER)).from(RunRow.T)
                .where(RunRow.HOST.eq(host)).and(RunRow.STARTED_AT.gt(SqlValues.odt(since))).fetchOne().value1();
        return sum == null ? 0 : sum;
    }

    private static ConnectorState toState(Record r) {
        return new ConnectorState(r.get(StateRow.CONNECTOR), instant(r.get(StateRow.LAST_ATTEMPT_AT)),
                instant(r.get(StateRow.LAST_SUCCESS_AT)), r.get(StateRow.NEXT_ATTEMPT_AT).toInstant(),
                r.get(StateRow.FAILURES), Optional.ofNullable(r.get(StateRow.HALTED)),
                new Source.Validators(Optional.ofNullable(r.get(StateRow.LAST_MODIFIED)),
                        Optional.ofNullable(r.get(StateRow.ETAG))));
    }

    private static ConnectorRun toRun(Record r) {
        return new ConnectorRun(r.get(RunRow.ID), r.get(RunRow.CONNECTOR), r.get(RunRow.HOST), r.get(RunRow.MANUAL),
                r.get(RunRow.STARTED_AT).toInstant(), r.get(RunRow.FINISHED_AT).toInstant(), r.get(RunRow.REQUESTS),
                Optional.ofNullable(r.get(RunRow.HTTP_STATUS)), ConnectorRun.Outcome.valueOf(r.get(RunRow.OUTCOME)),
                r.get(RunRow.STORED), r.get(RunRow.UNCHANGED), r.get(RunRow.REJECTED),
                Optional.ofNullable(r.get(RunRow.SOURCE_SHA256)), Optional.ofNullable(r.get(RunRow.ERROR)));
    }

    private static Optional<Instant> instant(OffsetDateTime value) {
        return Optional.ofNullable(value).map(OffsetDateTime::toInstant);
    }
}
