package dev.smartsheetmcp.jobs;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
