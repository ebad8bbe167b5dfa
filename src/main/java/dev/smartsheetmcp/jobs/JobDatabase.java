package dev.smartsheetmcp.jobs;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
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

    /** Opens the pool and migrates the schema; the caller closes the pool at shutdown. */
    public static HikariDataSource open(String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("job-store");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setAutoCommit(true);
        HikariDataSource pool = new HikariDataSource(config);
        migrate(pool);
        return pool;
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                // db/vendor/<hsqldb|postgresql>: Quartz's tables, whose DDL differs between databases
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor(dataSource))
                .load()
                .migrate();
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
