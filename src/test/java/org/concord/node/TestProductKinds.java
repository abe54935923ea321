package org.concord.node;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.concord.TestNodes;
import org.concord.product.ProductKinds;
import org.concord.product.TestKinds;
import org.concord.store.Database;

/**
 * Nodes that serve the test product kinds ({@link TestKinds}) beside the node's own: their tables are made as a kind's
 * migration would make them, then the node opens with the kinds registered.
 */
public final class TestProductKinds {

    public static final ProductKinds WITH_TEST_KINDS = Node.PRODUCT_KINDS.with(TestKinds.ALL);

    private TestProductKinds() {
    }

    /** Makes the test kinds' tables in the node's database (its own migrations first), if they are not there. */
    public static void createTables(NodeConfig config) {
        String sql = new String(TestNodes.resource("/product/test-kinds.sql"), StandardCharsets.UTF_8);
        DataDirectory.createOwnerOnly(config.dataDirectory());
        try (Database database = DataDirectory.openDatabase(config)) {
            for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    database.dsl().execute(statement);
                }
            }
        }
    }

    /** The node of this configuration, serving the test kinds too. */
    public static Node open(NodeConfig config, Clock federationClock) {
        createTables(config);
        return Node.open(config, federationClock, WITH_TEST_KINDS);
    }
}
