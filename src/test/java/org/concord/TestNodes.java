package org.concord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.concord.access.PartyKind;
import org.concord.access.Principal;
import org.concord.access.Role;
import org.concord.access.SharingService;
import org.concord.node.Node;
import org.concord.node.NodeConfig;
import org.concord.node.TestProductKinds;

/** Nodes on an embedded H2 database in a temporary directory, for tests. */
public final class TestNodes {

    private TestNodes() {
    }

    /** A node without the bundled sample catalog, with extra configuration as environment variables. */
    public static Node open(Path dataDirectory, Map<String, String> environment) {
        return Node.open(config(dataDirectory, environment));
    }

    /** As {@link #open}, its federation, connectors and watches on {@code clock}. */
    public static Node open(Path dataDirectory, Map<String, String> environment, java.time.Clock clock) {
        return Node.open(config(dataDirectory, environment), clock);
    }

    private static NodeConfig config(Path dataDirectory, Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.putIfAbsent("CONCORD_SAMPLE_LOAD", "false");
        env.putIfAbsent("CONCORD_NODE_PARTY", "TEST");
        return NodeConfig.load(dataDirectory, Optional.empty(), env);
    }

    /** As {@link #open}, serving the test product kinds too ({@link org.concord.product.TestKinds}). */
    public static Node openWithTestKinds(Path dataDirectory, Map<String, String> environment) {
        return TestProductKinds.open(config(dataDirectory, environment), java.time.Clock.systemUTC());
    }

    /** A token of a new administrator of the node's own party (created first if need be). */
    public static String adminToken(Node node) {
        return token(node, node.sharing().nodeParty(), Role.ADMIN);
    }

    /** A token of a new user of this party (a nation, created first if need be) with this role. */
    public static String token(Node node, String party, Role role) {
        SharingService sharing = node.sharing();
        if (sharing.parties().stream().noneMatch(p -> p.code().equals(party))) {
            sharing.addParty(party, "party " + party, PartyKind.NATION, TEST_ADMIN);
        }
        String name = role.name().toLowerCase() + "-" + party.toLowerCase() + "-" + USERS.incrementAndGet();
        sharing.addUser(name, party, role, TEST_ADMIN);
        return sharing.createToken(name, "test", Duration.ofDays(1), TEST_ADMIN).secret();
    }

    /** The administrator that test set-ups act as. */
    public static final Principal TEST_ADMIN = Principal.localOperator("test");

    private static final AtomicInteger USERS = new AtomicInteger();

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
