package org.concord.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The set-up every store contract shares: a fresh, migrated database per test from the subclass's
 * {@link #newDatabase()} (H2 or PostgreSQL), opened before the contract's own set-up and closed after it.
 */
abstract class DatabaseContract {

    protected TestDatabases.Handle handle;
    protected Database db;

    protected abstract TestDatabases.Handle newDatabase();

    @BeforeEach
    final void openDatabase() {
        handle = newDatabase();
        db = handle.open();
    }

    @AfterEach
    final void closeDatabase() {
        if (db != null) {
            db.close();
        }
        if (handle != null) {
            handle.close();
        }
    }
}
