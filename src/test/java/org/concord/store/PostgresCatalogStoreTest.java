package org.concord.store;

/**
 * The storage contract on PostgreSQL: a new database on the server of {@code CONCORD_TEST_PG_URL} for every test,
 * dropped afterwards. Without that variable every test is skipped (each reported as skipped, with the reason), or
 * the class fails when {@code CI=true}.
 */
class PostgresCatalogStoreTest extends CatalogStoreContract {

    @Override
    protected TestDatabases.Handle newDatabase() {
        return TestDatabases.PgServer.requiredForTests().createDatabase("store");
    }
}
