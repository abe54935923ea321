package org.concord.store;

import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;

/**
 * A migrated database: PostgreSQL (a {@code jdbc:postgresql:} URL) or H2 (a {@code jdbc:h2:} URL, the embedded
 * default). The schema is applied by Flyway on open.
 */
public final class Database implements AutoCloseable {

    static {
        // H2's AUTO_SERVER, which lets a second process (the CLI beside `concord serve`) open the same file, serves
        // it over TCP on every interface unless told otherwise: keep it to this host.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    private final HikariDataSource dataSource;
    private final SQLDialect dialect;
    private final DSLContext dsl;
    private final DSLContext separateDsl;
    /** Sharing changes committed through this process (the store's version counts every process's). */
    private final java.util.concurrent.atomic.AtomicLong sharingChanges = new java.util.concurrent.atomic.AtomicLong();
    /** Catalog changes committed through this process (the catalog version counts every process's). */
    private final java.util.concurrent.atomic.AtomicLong catalogChanges = new java.util.concurrent.atomic.AtomicLong();

    private Database(HikariDataSource dataSource, SQLDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        Settings settings = new Settings().withExecuteLogging(false)
                .withRenderQuotedNames(org.jooq.conf.RenderQuotedNames.NEVER).withRenderSchema(false);
        // a transaction belongs to its thread: every statement of every store made on that thread while it is open
        // joins it (nested ones become savepoints), so that a change and its audit entry commit as one unit
        this.dsl = DSL.using(new DefaultConfiguration().set(dialect).set(settings).set(
                new ThreadLocalTransactionProvider(new DataSourceConnectionProvider(dataSource))));
        this.separateDsl = DSL.using(dataSource, dialect, settings);
    }

    public static Database open(String jdbcUrl, String user, String password) {
        SQLDialect dialect = dialectOf(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setPoolName("concord");
        if (dialect == SQLDialect.POSTGRES) {
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(dialect == SQLDialect.POSTGRES
                            ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
                            : new String[] {"classpath:db/migration"})
                    .placeholders(Map.of("text", dialect == SQLDialect.POSTGRES ? "TEXT" : "CLOB"))
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, dialect);
    }

    private static SQLDialect dialectOf(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return SQLDialect.POSTGRES;
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return SQLDialect.H2;
        }
        throw new IllegalArgumentException("unsupported database URL '" + jdbcUrl
                + "' (expected jdbc:postgresql:... or jdbc:h2:...)");
    }

    long sharingChangesHere() {
        return sharingChanges.get();
    }

    void sharingChangedHere() {
        sharingChanges.incrementAndGet();
    }

    long catalogChangesHere() {
        return catalogChanges.get();
    }

    void catalogChangedHere() {
        catalogChanges.incrementAndGet();
    }

    /**
     * Statements and transactions that join the calling thread's open transaction, if any. Open transactions with
     * the form without arguments, {@code dsl.transaction(() -> ...)}, and run their statements on this context: the
     * form that takes a configuration would start a transaction of its own and commit the thread's.
     */
    public DSLContext dsl() {
        return dsl;
    }

    /**
     * Statements and transactions on a connection of their own, committed whatever the calling thread's open
     * transaction does (for what is cached as committed, such as label ids).
     */
    DSLContext separateDsl() {
        return separateDsl;
    }

    /**
     * Runs {@code work} in one transaction: every statement the stores make on this thread meanwhile commits with it,
     * or none does. The stores' own transactions inside it become savepoints.
     */
    public <T> T inTransaction(java.util.function.Supplier<T> work) {
        try {
            return dsl.transactionResult(() -> work.get());
        } finally {
            // changes counted while the transaction was open were not yet visible to other threads' reads
            catalogChanges.incrementAndGet();
            sharingChanges.incrementAndGet();
        }
    }

    public SQLDialect dialect() {
        return dialect;
    }

    /** A short description for status output, without credentials. */
    public String description() {
        return (dialect == SQLDialect.POSTGRES ? "PostgreSQL" : "H2") + " " + dataSource.getJdbcUrl()
                .replaceAll("password=[^;&]*", "password=***");
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
