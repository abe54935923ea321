package org.concord.store;

import org.junit.jupiter.api.BeforeAll;

/**
 * Screening runs on PostgreSQL: a new database on the server of {@code CONCORD_TEST_PG_URL} for every test, dropped
 * afterwards; skipped visibly without it (failed when {@code CI=true}), as {@link PostgresCatalogStoreTest}.
 */
class PostgresConjunctionStoreTest extends ConjunctionStoreContract {

    private static TestDatabases.PgServer server;

    @BeforeAll
    static void server() {
        server = TestDatabases.PgServer.fromEnvironment().orElse(null);
        if (server == null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            TestDatabases.PgServer.requiredForTests();
        }
    }

    @Override
    protected TestDatabases.Handle newDatabase() {
        return (server != null ? server : TestDatabases.PgServer.requiredForTests()).createDatabase("runs");
    }
}
