package org.concord.store;

/**
 * Building events on PostgreSQL: a new database on the server of {@code CONCORD_TEST_PG_URL} for every test, dropped
 * afterwards; skipped visibly without it (failed when {@code CI=true}).
 */
class PostgresEventStoreTest extends EventStoreContract {

    @Override
    protected TestDatabases.Handle newDatabase() {
        return TestDatabases.PgServer.requiredForTests().createDatabase("events");
    }
}
