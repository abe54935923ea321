package org.concord.store;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** Watches and notifications on H2: a new file database in a temporary directory for every test. */
class H2WatchStoreTest extends WatchStoreContract {

    @TempDir
    Path directory;

    @Override
    protected TestDatabases.Handle newDatabase() {
        return TestDatabases.h2(directory);
    }
}
