package dev.smartsheetmcp.jobs;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The job store's connection pool, with the schema created or migrated by Flyway before the
 * first use. HSQLDB in the data directory by default; any JDBC URL (PostgreSQL) works.
 */
public final class JobDatabase {

    private JobDatabase() {
    }

    /** The default of {@code jobs.idle-in-transaction-timeout-ms}. */
    static final long IDLE_IN_TRANSACTION_TIMEOUT_MILLIS = 10_000;

    /** Opens the pool and migrates the schema; the caller closes the pool at shutdown. */
    public static HikariDataSource open(String jdbcUrl, String user, String password, int poolSize) {
        return open(jdbcUrl, user, password, poolSize, IDLE_IN_TRANSACTION_TIMEOUT_MILLIS);
    }

    /**
     * As {@link #open(String, String, String, int)}. On PostgreSQL, the server ends a session that
     * stays idle inside a transaction for longer than {@code idleInTransactionMillis}: an instance
     * paused (SIGSTOP, a frozen VM) while it holds a row lock (a quota bucket's, a job's) would
     * otherwise hold up every other instance until it wakes.
     */
    public static HikariDataSource open(String jdbcUrl, String user, String password, int poolSize,
            long idleInTransactionMillis) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("job-store");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setAutoCommit(true);
        if (jdbcUrl.startsWith("jdbc:postgresql:") && idleInTransactionMillis > 0) {
            config.setConnectionInitSql("SET idle_in_transaction_session_timeout = " + idleInTransactionMillis);
        }
        HikariDataSource pool = new HikariDataSource(config);
        migrate(pool);
        return pool;
    }

    /**
     * The newest migration's version in this build (db/migration and db/vendor). A store already at
     * it opens without Flyway, whose validation of every migration is a noticeable part of the
     * start-up; any other store (new, older, newer, a failed migration) goes through Flyway.
     */
    static final String SCHEMA_VERSION = "6";

    private static final String LAST_MIGRATION = """
            SELECT "version", "success" FROM "flyway_schema_history" ORDER BY "installed_rank" DESC LIMIT 1""";

    private static void migrate(DataSource dataSource) {
        if (schemaIsCurrent(dataSource)) return;
        Flyway.configure()
                .dataSource(dataSource)
                // db/vendor/<hsqldb|postgresql>: Quartz's tables, whose DDL differs between databases
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor(dataSource))
                .load()
                .migrate();
    }

    private static boolean schemaIsCurrent(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet last = statement.executeQuery(LAST_MIGRATION)) {
            return last.next() && SCHEMA_VERSION.equals(last.getString(1)) && last.getBoolean(2);
        } catch (SQLException noHistoryYet) {
            return false;
        }
    }

    private static String vendor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            return product.startsWith("HSQL") ? "hsqldb" : product.toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new IllegalStateException("job store: " + e.getMessage(), e);
        }
    }
}
