package org.concord.store;

import org.junit.jupiter.api.BeforeAll;

/**
 * Source priority and recall on PostgreSQL: a new database on the server of {@code CONCORD_TEST_PG_URL} for every test,
 * dropped afterwards. Without that variable every test is skipped (each reported as skipped, with the reason), or
 * the class fails when {@code CI=true}.
 */
class PostgresSourcePriorityAndRecallTest extends SourcePriorityAndRecallContract {

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
        return (server != null ? server : TestDatabases.PgServer.requiredForTests()).createDatabase("store");
    }
}
