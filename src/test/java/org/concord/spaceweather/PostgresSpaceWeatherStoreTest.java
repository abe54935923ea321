package org.concord.spaceweather;

import org.concord.store.TestDatabases;

/**
 * Space weather on PostgreSQL: a new database on the server of {@code CONCORD_TEST_PG_URL} for every test, dropped
 * afterwards; skipped visibly without it (failed when {@code CI=true}).
 */
class PostgresSpaceWeatherStoreTest extends SpaceWeatherStoreContract {

    @Override
    protected TestDatabases.Handle newDatabase() {
        return TestDatabases.PgServer.requiredForTests().createDatabase("spaceweather");
    }
}
