package org.concord.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.concord.access.PartyKind;
import org.concord.access.Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database is for the node's owner only: an owner-only data directory and files, a password made on
 * first start (and given to a database made before it), and H2's server for a second process on loopback only.
 */
class DataDirectoryTest {

    @TempDir
    Path root;

    private static Node open(Path directory) {
        return Node.open(NodeConfig.load(directory, Optional.empty(), Map.of("CONCORD_SAMPLE_LOAD", "false",
                "CONCORD_NODE_PARTY", "GBR")));
    }

    private static String url(Path directory) {
        return NodeConfig.load(directory, Optional.empty(), Map.of()).databaseUrl();
    }

    @Test
    void theDataDirectoryAndItsFilesAreTheOwnersOnly() throws IOException {
        Path directory = root.resolve("node");
        Files.createDirectories(directory);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(directory.resolve(NodeConfig.FILE_NAME), "node.party = GBR\n");
        Files.setPosixFilePermissions(directory.resolve(NodeConfig.FILE_NAME),
                PosixFilePermissions.fromString("rw-r--r--"));
        try (Node node = open(directory)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
            for (String file : List.of(NodeConfig.FILE_NAME, "concord.mv.db", DataDirectory.DATABASE_PASSWORD_FILE)) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve(file))))
                        .as(file).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void theEmbeddedDatabaseHasAGeneratedPasswordAndNoneDoesNotOpenIt() throws Exception {
        Path directory = root.resolve("new");
        open(directory).close();
        String password = Files.readString(directory.resolve(DataDirectory.DATABASE_PASSWORD_FILE)).strip();
        assertThat(password).matches("[0-9a-f]{64}");
        assertThatThrownBy(() -> DriverManager.getConnection(url(directory), "sa", "").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
        try (Connection c = DriverManager.getConnection(url(directory), "sa", password)) {
            assertThat(c.isValid(1)).isTrue();
        }
    }

    @Test
    void aDatabaseMadeBeforeThePasswordKeepsItsDataAndGetsOne() throws Exception {
        Path directory = root.resolve("old");
        try (Node node = open(directory)) {
            node.sharing().addParty("AUS", "Australia", PartyKind.NATION, Principal.localOperator("test"));
        }
        String password = Files.readString(directory.resolve(DataDirectory.DATABASE_PASSWORD_FILE)).strip();
        // as the node left it before there was a password
        try (Connection c = DriverManager.getConnection(url(directory), "sa", password)) {
            c.createStatement().execute("ALTER USER SA SET PASSWORD ''");
        }
        Files.delete(directory.resolve(DataDirectory.DATABASE_PASSWORD_FILE));

        try (Node node = open(directory)) {
            assertThat(node.sharing().parties()).anyMatch(p -> p.code().equals("AUS"));
        }
        assertThat(Files.readString(directory.resolve(DataDirectory.DATABASE_PASSWORD_FILE)).strip())
                .matches("[0-9a-f]{64}").isNotEqualTo(password);
        assertThatThrownBy(() -> DriverManager.getConnection(url(directory), "sa", "").close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void aSecondProcessReachesTheDatabaseOnLoopbackOnlyAndOnlyWithThePassword() throws Exception {
        Path directory = root.resolve("shared");
        try (Node serve = open(directory)) {
            Properties lock = new Properties();
            try (Reader reader = Files.newBufferedReader(directory.resolve("concord.lock.db"))) {
                lock.load(reader);
            }
            String server = lock.getProperty("server");
            assertThat(server).as("the address H2 tells a second process")
                    .matches("(127\\.0\\.0\\.1|localhost):[0-9]+");
            // what a second process does with the lock file: H2's AUTO_SERVER client
            String remote = "jdbc:h2:tcp://" + server + "/" + lock.getProperty("id");
            String password = Files.readString(directory.resolve(DataDirectory.DATABASE_PASSWORD_FILE)).strip();
            try (Connection c = DriverManager.getConnection(remote, "sa", password)) {
                assertThat(c.isValid(1)).isTrue();
            }
            assertThatThrownBy(() -> DriverManager.getConnection(remote, "sa", "").close())
                    .as("the key in the lock file is not enough").isInstanceOf(SQLException.class);
            int port = Integer.parseInt(server.substring(server.indexOf(':') + 1));
            for (InetAddress address : NetworkInterface.networkInterfaces().filter(this::isUp)
                    .flatMap(NetworkInterface::inetAddresses).filter(a -> !a.isLoopbackAddress()).toList()) {
                try (Socket socket = new Socket()) {
                    assertThatThrownBy(() -> socket.connect(new InetSocketAddress(address, port), 1000))
                            .as("H2's server reached on " + address).isInstanceOf(IOException.class);
                }
            }
        }
    }

    private boolean isUp(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (java.net.SocketException e) {
            return false;
        }
    }
}
