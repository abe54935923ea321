package org.concord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.concord.node.Node;
import org.concord.node.NodeConfig;

/** Nodes on an embedded H2 database in a temporary directory, for tests. */
public final class TestNodes {

    private TestNodes() {
    }

    /** A node without the bundled sample catalog, with extra configuration as environment variables. */
    public static Node open(Path dataDirectory, Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.putIfAbsent("CONCORD_SAMPLE_LOAD", "false");
        env.putIfAbsent("CONCORD_NODE_PARTY", "TEST");
        return Node.open(NodeConfig.load(dataDirectory, Optional.empty(), env));
    }

    public static byte[] resource(String path) {
        try (InputStream in = TestNodes.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
