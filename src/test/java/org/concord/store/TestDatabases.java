package org.concord.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * The databases the storage tests and the ingest benchmark run on: an H2 file database in a directory, and a fresh
 * PostgreSQL database on the server named by {@code CONCORD_TEST_PG_URL}, {@code CONCORD_TEST_PG_USER} and
 * {@code CONCORD_TEST_PG_PASSWORD} (scripts/pg-start prints them; scripts/test and .ci/run set them).
 */
public final class TestDatabases {

    public static final String PG_URL = "CONCORD_TEST_PG_URL";
    public static final String PG_USER = "CONCORD_TEST_PG_USER";
    public static final String PG_PASSWORD = "CONCORD_TEST_PG_PASSWORD";

    private TestDatabases() {
    }

    /** Where to reach a database, and how to throw it away. */
    public interface Handle extends AutoCloseable {
        String url();

        String user();

        String password();

        default Database open() {
            return Database.open(url(), user(), password());
        }

        @Override
        void close();
    }

    /** A new H2 file database in {@code directory}. */
    public static Handle h2(Path directory) {
        String url = "jdbc:h2:file:" + directory.resolve("catalog-" + shortId()).toAbsolutePath();
        return new Handle() {
            public String url() {
                return url;
            }

            public String user() {
                return "sa";
            }

            public String password() {
                return "";
            }

            public void close() {
                // the directory goes with the test's @TempDir
            }
        };
    }

    /** The PostgreSQL server of the environment, if it names one. */
    public record PgServer(String url, String user, String password) {

        public static java.util.Optional<PgServer> fromEnvironment() {
            String url = System.getenv(PG_URL);
            if (url == null || url.isBlank()) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new PgServer(url, envOr(PG_USER, "concord"), envOr(PG_PASSWORD, "")));
        }

        /**
         * The server, or: in CI ({@code CI=true}) a failure, elsewhere a skipped test with the reason in the test
         * report and on stderr.
         */
        public static PgServer requiredForTests() {
            java.util.Optional<PgServer> server = fromEnvironment();
            if (server.isPresent()) {
                return server.get();
            }
            String why = "no PostgreSQL for the storage tests: " + PG_URL + " is not set (scripts/test starts a"
                    + " throwaway PostgreSQL and sets it; or eval \"$(scripts/pg-start)\" first)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + "; CI=true, so this fails instead of skipping");
            }
            System.err.println("SKIPPED PostgreSQL tests: " + why);
            Assumptions.abort("SKIPPED: " + why);
            throw new AssertionError("unreachable");
        }

        /**
         * A new, empty database on this server (C collation, so name order is code-point order whatever the
         * server's default), dropped again when the handle is closed.
         */
        public Handle createDatabase(String purpose) {
            String name = "concord_" + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_" + shortId();
            admin("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
            String dbUrl = withDatabase(url, name);
            PgServer server = this;
            return new Handle() {
                public String url() {
                    return dbUrl;
                }

                public String user() {
                    return server.user;
                }

                public String password() {
                    return server.password;
                }

                public void close() {
                    // FORCE ends the test's own sessions, but not an autovacuum worker that happens to be visiting
                    // the database (a superuser's process): that one finishes in moments, so the drop is retried
                    for (int attempt = 1; ; attempt++) {
                        try {
                            server.admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                            return;
                        } catch (IllegalStateException e) {
                            if (attempt == 20 || !(e.getCause() instanceof SQLException sql)
                                    || !"42501".equals(sql.getSQLState())) {
                                throw e;
                            }
                            try {
                                Thread.sleep(250);
                            } catch (InterruptedException interrupted) {
                                Thread.currentThread().interrupt();
                                throw e;
                            }
                        }
                    }
                }
            };
        }

        private void admin(String sql) {
            try (Connection c = DriverManager.getConnection(url, user, password);
                 Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL at " + url + ": " + sql + ": " + e.getMessage(), e);
            }
        }

        /** {@code jdbc:postgresql://host:port/db?params} with another database. */
        static String withDatabase(String url, String database) {
            String prefix = "jdbc:postgresql://";
            if (!url.startsWith(prefix)) {
                throw new IllegalArgumentException(PG_URL + " must be jdbc:postgresql://host:port/database, was "
                        + url);
            }
            int query = url.indexOf('?');
            String params = query < 0 ? "" : url.substring(query);
            String base = query < 0 ? url : url.substring(0, query);
            int slash = base.indexOf('/', prefix.length());
            String hostPort = slash < 0 ? base : base.substring(0, slash);
            return hostPort + "/" + database + params;
        }
    }

    private static String envOr(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null ? otherwise : value;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
