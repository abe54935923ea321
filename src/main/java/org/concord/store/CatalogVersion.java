package org.concord.store;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * {@code catalog_state.version}: raised by every change of what object reads show, by this process or another, in the
 * change's transaction; its row lock, held to the commit, is also the writers' turn.
 */
final class CatalogVersion {

    private CatalogVersion() {
    }

    private static final Table<?> CATALOG_STATE = DSL.table(DSL.unquotedName("catalog_state"));
    private static final Field<Long> CATALOG_VERSION = DSL.field(DSL.unquotedName("version"), Long.class);

    /**
     * Waits for, and holds to the commit, the writers' turn without changing the catalog version: for writers of
     * rows that federation feeds follow by id (conjunctions, recalls) but that object lists do not show.
     */
    static void takeWritersTurn(DSLContext tx) {
        tx.select(CATALOG_VERSION).from(CATALOG_STATE).where(DSL.field(DSL.unquotedName("id"), Integer.class).eq(1))
                .forUpdate().fetch();
    }

    /**
     * Raises the catalog version in this transaction (the caller tells its {@link Database} after the commit). Its
     * row lock, held to the commit, also makes writers take turns, so that orbit records become visible in id order
     * (federation feeds keep their place by id).
     */
    static void raise(DSLContext tx) {
        tx.update(CATALOG_STATE).set(CATALOG_VERSION, CATALOG_VERSION.plus(1L))
                .where(DSL.field(DSL.unquotedName("id"), Integer.class).eq(1)).execute();
    }

    /**
     * How long a catalog view is trusted without reading the catalog version: a change made through this process
     * counts from the next read; one made by another process on the same database (the command line beside a
     * running server), within this time. The sharing view follows the same rule.
     */
    static final long RECHECK_NANOS = 250_000_000L;

    /** The version as committed now. */
    static long read(DSLContext dsl) {
        return dsl.select(CATALOG_VERSION).from(CATALOG_STATE).fetchOne(CATALOG_VERSION);
    }
}
