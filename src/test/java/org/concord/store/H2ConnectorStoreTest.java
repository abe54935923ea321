package org.concord.store;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** Connector runs and states on H2: a new file database in a temporary directory for every test. */
class H2ConnectorStoreTest extends ConnectorStoreContract {

    @TempDir
    Path directory;

    @Override
    protected TestDatabases.Handle newDatabase() {
        return TestDatabases.h2(directory);
    }
}
