package org.concord.http;

import java.nio.file.Path;
import java.util.Map;

import org.concord.TestNodes;
import org.concord.ingest.IngestRequest;
import org.concord.node.Node;

/**
 * A node holding the 301-object subset of the 2024 catalog, served on a free loopback port, with a token of an
 * administrator of the node's own party.
 */
record ServedNode(Node node, ApiServer server, String base, String adminToken) implements AutoCloseable {

    /**
     * {@code tokensBefore} throw-away tokens are issued first, so that the administrator's token has no small id a
     * test may revoke by chance.
     */
    static ServedNode start(Path dataDirectory, Map<String, String> environment, int tokensBefore) {
        Node node = TestNodes.open(dataDirectory, environment);
        node.ingest().ingest(IngestRequest.of("subset.tle",
                TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"), "test"));
        for (int i = 0; i < tokensBefore; i++) {
            TestNodes.adminToken(node);
        }
        String adminToken = TestNodes.adminToken(node);
        ApiServer server = new ApiServer(node);
        return new ServedNode(node, server, "http://127.0.0.1:" + server.start("127.0.0.1", 0), adminToken);
    }

    @Override
    public void close() {
        server.close();
        node.close();
    }
}
