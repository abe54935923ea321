package org.concord.store;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jooq.DSLContext;

/** Rows written with plain SQL, as another version of Concord or an operator could leave them. */
public final class StoredRows {

    private StoredRows() {
    }

    /** A RUNNING screening run without heartbeat, of this kind and start; returns its id. */
    public static long insertRunningRun(DSLContext dsl, String kind, OffsetDateTime start) {
        return dsl.insertInto(table(name("screening_run")))
                .set(field(name("kind"), String.class), kind)
                .set(field(name("start_time"), OffsetDateTime.class), start)
                .set(field(name("window_seconds"), Long.class), 86_400L)
                .set(field(name("threshold_m"), Double.class), 5000.0)
                .set(field(name("requested_by"), String.class), "sql")
                .set(field(name("started_at"), OffsetDateTime.class), OffsetDateTime.now(ZoneOffset.UTC))
                .set(field(name("status"), String.class), "RUNNING")
                .set(field(name("progress"), Double.class), 0.0)
                .returningResult(field(name("id"), Long.class)).fetchOne().value1();
    }
}
