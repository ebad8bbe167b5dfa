package dev.smartsheetmcp.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Readiness: the job store answers a query on the jobs table within a few seconds. */
public final class JobStoreHealthCheck extends AbstractHealthCheck {

    private static final String PROBE = "SELECT COUNT(*) FROM analysis_job WHERE 1 = 0";
    private static final int TIMEOUT_SECONDS = 5;

    private final DataSource dataSource;

    public JobStoreHealthCheck(DataSource dataSource) {
        super("job-store");
        this.dataSource = dataSource;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            statement.executeQuery(PROBE).close();
            builder.up();
        } catch (SQLException | RuntimeException e) {
            builder.down().message("the job store did not answer: " + e.getMessage());
        }
    }
}
