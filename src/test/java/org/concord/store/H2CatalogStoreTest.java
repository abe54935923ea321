package org.concord.store;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The storage contract on H2: a new file database in a temporary directory for every test. */
class H2CatalogStoreTest extends CatalogStoreContract {

    @TempDir
    Path directory;

    @Override
    protected TestDatabases.Handle newDatabase() {
        return TestDatabases.h2(directory);
    }
}
