package dev.smartsheetmcp.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.RequiredPrograms;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link JobLeaseFencingTest} on PostgreSQL (claims with FOR UPDATE SKIP LOCKED, lease times by the
 * server's clock), each test on a new database. Runs when TEST_POSTGRES_URL points at a server.
 */
class PostgresJobLeaseFencingTest extends JobLeaseFencingTest {

    @BeforeAll
    static void requirePostgres() {
        String server = System.getenv("TEST_POSTGRES_URL");
        RequiredPrograms.require(server != null && !server.isBlank(), "A PostgreSQL server (TEST_POSTGRES_URL, for the job store on PostgreSQL)",
                "apt-get install postgresql, start it and set TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:PORT/postgres; .ci/run does");
    }

    /** Instances polling at once take different jobs: the top job's row, locked by another claim, is skipped. */
    @Test
    void aClaimSkipsTheJobAnotherClaimHasLocked() throws Exception {
        context.getRouteController().stopRoute("job-claim");
        long sheetId = AnalysisSheets.create(smartsheet, "Claims", 2);
        String first = startSummaries(sheetId);
        String second = startSummaries(sheetId);
        DataSource store = context.getRegistry().lookupByNameAndType("jobsDataSource", DataSource.class);
        try (Connection claiming = store.getConnection()) {
            claiming.setAutoCommit(false);
            try (PreparedStatement lock = claiming.prepareStatement("SELECT id FROM analysis_job WHERE id = ? FOR UPDATE")) {
                lock.setString(1, first);
                lock.executeQuery().close();
            }
            assertThat(new JobLease(store, "worker-c", "unused", 60).claimNext()).contains(second);
            claiming.rollback();
        }
    }

    private String startSummaries(long sheetId) {
        return startJob(Map.of("sheet_id", Long.toString(sheetId), "type", "summarize",
                "sourceColumns", List.of("Feedback"), "targetColumn", "Summary"));
    }

    @Override
    protected Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(super.settings());
        settings.put("jobs.jdbc-url", newDatabase());
        settings.put("jobs.jdbc-user", "postgres");
        settings.put("jobs.jdbc-password", "");
        return settings;
    }

    private static String newDatabase() {
        String server = System.getenv("TEST_POSTGRES_URL");
        String database = "fencing_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(server, "postgres", "")) {
            admin.createStatement().execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return server.substring(0, server.lastIndexOf('/') + 1) + database;
    }
}
