package org.concord.node;

import org.concord.store.Database;

/** A second handle on a test node's own database, for tests that store what no route of theirs can. */
public final class NodeDatabases {

    private NodeDatabases() {
    }

    public static Database open(NodeConfig config) {
        return DataDirectory.openDatabase(config);
    }
}
