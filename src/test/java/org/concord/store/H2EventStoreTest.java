package org.concord.store;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** Building events on H2. */
class H2EventStoreTest extends EventStoreContract {

    @TempDir
    Path dir;

    @Override
    protected TestDatabases.Handle newDatabase() {
        return TestDatabases.h2(dir);
    }
}
