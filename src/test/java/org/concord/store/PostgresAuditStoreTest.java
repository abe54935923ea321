package org.concord.store;

/**
 * The audit log on PostgreSQL: a new database on the server of {@code CONCORD_TEST_PG_URL} for every test, dropped
 * afterwards; skipped visibly without it (failed when {@code CI=true}), as {@link PostgresCatalogStoreTest}.
 */
class PostgresAuditStoreTest extends AuditStoreContract {

    @Override
    protected TestDatabases.Handle newDatabase() {
        return TestDatabases.PgServer.requiredForTests().createDatabase("audit");
    }
}
