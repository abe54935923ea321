package org.concord.store;

import org.junit.jupiter.api.BeforeAll;

/**
 * The storage contract on PostgreSQL: a new database on the server of {@code CONCORD_TEST_PG_URL} for every test,
 * dropped afterwards. Without that variable the class is skipped, or fails when {@code CI=true}.
 */
class PostgresCatalogStoreTest extends CatalogStoreContract {

    private static TestDatabases.PgServer server;

    @BeforeAll
    static void server() {
        server = TestDatabases.PgServer.requiredForTests();
    }

    @Override
    protected TestDatabases.Handle newDatabase() {
        return server.createDatabase("store");
    }
}
