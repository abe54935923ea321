package org.concord.store;

/**
 * The whole-catalog reads on PostgreSQL: a new database on the server of {@code CONCORD_TEST_PG_URL} for every test,
 * dropped afterwards (skipped without that variable, failed when {@code CI=true}).
 */
class PostgresCatalogScanTest extends CatalogScanContract {

    @Override
    protected TestDatabases.Handle newDatabase() {
        return TestDatabases.PgServer.requiredForTests().createDatabase("scan");
    }
}
