package org.concord.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

import org.concord.store.Database;

/**
 * The node's data directory, readable by its owner only (0700, its files 0600, where the file system has POSIX
 * permissions), and the embedded database in it opened with a password made on first start and kept there
 * ({@value #DATABASE_PASSWORD_FILE}, owner-only). A database made before there was such a password (user {@code sa},
 * empty password) is given it on its next start. A database URL or password set in the configuration is used as
 * given.
 */
final class DataDirectory {

    static final String DATABASE_PASSWORD_FILE = "db-password";
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    /** H2's code (and SQL state) for a wrong user name or password. */
    private static final int WRONG_USER_OR_PASSWORD = 28000;
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private DataDirectory() {
    }

    /** Creates the directory if need be and takes every access from anyone but its owner, on it and its files. */
    static void createOwnerOnly(Path directory) {
        try {
            Files.createDirectories(directory);
            if (!isPosix(directory)) {
                return;
            }
            Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, Files::isRegularFile)) {
                for (Path file : files) {
                    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                    if (permissions.removeAll(OTHERS)) {
                        Files.setPosixFilePermissions(file, permissions);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + directory + " for its owner only: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Opens the node's database: the embedded one with its generated password, any other as configured; and takes
     * from anyone but the owner the files that opening made.
     */
    static Database openDatabase(NodeConfig config) {
        Database database = open(config);
        createOwnerOnly(config.dataDirectory());
        return database;
    }

    private static Database open(NodeConfig config) {
        if (!config.databaseUrl().startsWith("jdbc:h2:file:") || !config.databasePassword().isEmpty()) {
            return Database.open(config.databaseUrl(), config.databaseUser(), config.databasePassword());
        }
        String password = databasePassword(config.dataDirectory());
        try {
            return Database.open(config.databaseUrl(), config.databaseUser(), password);
        } catch (RuntimeException refused) {
            if (!isWrongPassword(refused)) {
                throw refused;
            }
            setPasswordOfDatabaseWithout(config, password, refused);
            return Database.open(config.databaseUrl(), config.databaseUser(), password);
        }
    }

    /** A database made before the generated password: set it, when the empty password still opens it. */
    private static void setPasswordOfDatabaseWithout(NodeConfig config, String password, RuntimeException refused) {
        if (!USER_NAME.matcher(config.databaseUser()).matches()) {
            throw refused;
        }
        try (Connection connection = DriverManager.getConnection(config.databaseUrl(), config.databaseUser(), "");
             Statement statement = connection.createStatement()) {
            // the password is hex digits (databasePassword), so it needs no escaping
            statement.execute("ALTER USER " + config.databaseUser() + " SET PASSWORD '" + password + "'");
        } catch (SQLException e) {
            if (e.getErrorCode() == WRONG_USER_OR_PASSWORD) {
                throw new IllegalStateException("the database " + config.databaseUrl() + " opens neither with the"
                        + " password in " + config.dataDirectory().resolve(DATABASE_PASSWORD_FILE) + " nor with"
                        + " none; set db.password to its password", refused);
            }
            throw new IllegalStateException("cannot set the password of the database " + config.databaseUrl() + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean isWrongPassword(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == WRONG_USER_OR_PASSWORD) {
                return true;
            }
        }
        return false;
    }

    /** The embedded database's password: read from the data directory, or made and written there (owner-only). */
    static String databasePassword(Path directory) {
        Path file = directory.resolve(DATABASE_PASSWORD_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Path temp = isPosix(directory) ? Files.createTempFile(directory, ".db-password", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                        : Files.createTempFile(directory, ".db-password", ".tmp");
                Files.writeString(temp, HexFormat.of().formatHex(random) + "\n", StandardCharsets.US_ASCII);
                try {
                    // of two processes starting together, one writes the password and both use it
                    Files.move(temp, file);
                } catch (FileAlreadyExistsException raced) {
                    Files.delete(temp);
                }
            }
            String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!password.matches("[0-9a-f]{64}")) {
                throw new IllegalStateException(file + " does not hold a database password (64 hex digits)");
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the database password " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
