package org.concord.spaceweather;

import org.concord.store.TestDatabases;

/** Space weather on H2: a new file database in the test's directory. */
class H2SpaceWeatherStoreTest extends SpaceWeatherStoreContract {

    @Override
    protected TestDatabases.Handle newDatabase() {
        return TestDatabases.h2(directory);
    }
}
