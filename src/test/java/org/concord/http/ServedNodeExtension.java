package org.concord.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.concord.TestNodes;
import org.concord.ingest.IngestRequest;
import org.concord.node.Node;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A node of a test class, served on a free loopback port, with a token of an administrator of the node's own party:
 * opened in a throw-away data directory before the class's own {@code @BeforeAll} methods, closed and deleted after
 * all its tests. Register it on a static field with {@code @RegisterExtension}.
 */
public final class ServedNodeExtension implements BeforeAllCallback, AfterAllCallback {

    private static final String SUBSET = "/catalog/subset_301obj_3le_2024-07.txt";

    private final Map<String, String> environment;
    private final Consumer<Node> prepare;
    private Path dataDirectory;
    private Node node;
    private ApiServer server;
    private String base;
    private String adminToken;

    private ServedNodeExtension(Map<String, String> environment, Consumer<Node> prepare) {
        this.environment = environment;
        this.prepare = prepare;
    }

    /** A node that {@code prepare} fills before the administrator's token is issued and the server starts. */
    public static ServedNodeExtension prepared(Consumer<Node> prepare) {
        return new ServedNodeExtension(Map.of(), prepare);
    }

    /** The same node, opened with these settings ({@code CONCORD_*} variables) instead of the defaults. */
    public ServedNodeExtension in(Map<String, String> settings) {
        return new ServedNodeExtension(settings, prepare);
    }

    /** An empty node. */
    public static ServedNodeExtension empty() {
        return prepared(node -> {
        });
    }

    /** A node holding the 301-object subset of the 2024 catalog, ingested without a label. */
    public static ServedNodeExtension withCatalogSubset() {
        return prepared(node -> node.ingest().ingest(IngestRequest.of("subset.tle", TestNodes.resource(SUBSET),
                "test")));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDirectory = Files.createTempDirectory("concord-served-");
        node = TestNodes.open(dataDirectory, environment);
        prepare.accept(node);
        adminToken = TestNodes.adminToken(node);
        server = new ApiServer(node);
        base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        server.close();
        node.close();
        try (Stream<Path> paths = Files.walk(dataDirectory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    public Node node() {
        return node;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String base() {
        return base;
    }

    public String adminToken() {
        return adminToken;
    }
}
