package dev.smartsheetmcp.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.analysis.prompts.AnalysisType;
import dev.smartsheetmcp.sandbox.azure.AzureOpenAiEmulator;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.AppProcess;
import dev.smartsheetmcp.testing.Jobs;
import dev.smartsheetmcp.testing.StandaloneEmulators;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM in the middle of a job: the batch in flight finishes and is committed, the job's lease
 * is released, no other job is claimed, and the process exits by itself. Another worker then
 * resumes the job at once (its lease would otherwise last 10 minutes) and every row is asked and
 * written exactly once. The emulators live in this JVM so they outlive the stopped process.
 */
class GracefulShutdownIT {

    private static final int ROWS = 200;
    private static final int BATCH = 25;
    /** SIGTERM's exit status (128 + 15), whatever the shutdown hooks do. */
    private static final int SIGTERM_EXIT = 143;

    @TempDir
    Path work;

    private StandaloneEmulators emulators;
    private SmartsheetEmulator smartsheet;
    private AzureOpenAiEmulator azure;

    @BeforeEach
    void startEmulators() throws Exception {
        // a batch takes about a second: SIGTERM lands in the middle of one
        emulators = new StandaloneEmulators(5, "shutdown-token", "shutdown-key", Duration.ofMillis(150));
        smartsheet = emulators.smartsheet();
        azure = emulators.azure();
    }

    @AfterEach
    void stopEmulators() {
        emulators.close();
    }

    @Test
    void sigtermMidJobFinishesTheBatchReleasesTheLeaseAndLosesNothing() throws Exception {
        long sheetId = AnalysisSheets.create(smartsheet, "Shutdown", ROWS);
        long otherSheetId = AnalysisSheets.create(smartsheet, "Waiting", 10);
        int port = AppProcess.freePort();
        String jobId;
        String waitingJobId;

        try (AppProcess first = AppProcess.start(work, environment("worker-a"), List.of(), port)) {
            first.awaitHealthy(Duration.ofSeconds(60));
            try (McpSyncClient client = first.mcpClient()) {
                jobId = startJob(client, sheetId, "summarize", "Summary");
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                        .until(() -> ToolCalls.ok(client, "get_job_status", Map.of("jobId", jobId)).path("written").asInt() >= 3 * BATCH);
                waitingJobId = startJob(client, otherSheetId, "sentiment", "Sentiment");
            }
            long signalled = System.nanoTime();
            first.process().destroy();
            assertThat(first.awaitExit(Duration.ofSeconds(45))).as(first.stderr()).isEqualTo(SIGTERM_EXIT);
            System.out.printf("exit %d ms after SIGTERM%n", (System.nanoTime() - signalled) / 1_000_000);
            assertThat(first.stderr()).contains("stopped by the shutdown after its last committed batch; lease released");
        }

        Map<String, Object> stopped = job(jobId);
        assertThat(stopped.get("status")).as("still resumable").isEqualTo("running");
        assertThat(stopped.get("lease_owner")).as("lease released").isNull();
        assertThat(((Timestamp) stopped.get("lease_expires_at")).toInstant()).isBeforeOrEqualTo(Instant.now());
        assertThat(stopped.get("attempts")).as("a claim given back is no attempt").isEqualTo(0);
        Map<String, Integer> states = rowStates(jobId);
        assertThat(states.keySet()).as("the batch in flight was committed: " + states).containsOnly("pending", "written");
        int written = states.get("written");
        assertThat(written).as("stopped mid-job").isBetween(3 * BATCH, ROWS - 1);
        assertThat(stopped.get("written_rows")).isEqualTo(written);
        assertThat(writtenInSheet(sheetId)).as("rows in the sheet = rows recorded as written").isEqualTo(written);
        Map<String, Object> waiting = job(waitingJobId);
        assertThat(waiting.get("status")).as("no job claimed during the shutdown").isEqualTo("queued");
        assertThat(waiting.get("attempts")).isEqualTo(0);

        // another worker, with leases of 10 minutes: it can only start at once because the lease was released
        try (AppProcess second = AppProcess.start(work, environment("worker-b"), List.of(), port)) {
            second.awaitHealthy(Duration.ofSeconds(60));
            try (McpSyncClient client = second.mcpClient()) {
                JsonNode done = Jobs.awaitFinished(client, jobId);
                assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
                assertThat(done.path("written").asInt()).isEqualTo(ROWS);
            }
        }
        List<Long> rows = smartsheet.rowIds(sheetId);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(smartsheet.cellValue(sheetId, rows.get(i), "Summary"))
                    .isEqualTo(AnalysisSheets.expectedAnswer(AnalysisType.SUMMARIZE, AnalysisSheets.feedback(i)));
            assertThat(smartsheet.cellWriteCount(sheetId, rows.get(i), "Summary")).as("writes of row " + i).isEqualTo(1);
            assertThat(azure.timesSeen(AnalysisSheets.summarizePrompt(i))).as("model calls for row " + i).isEqualTo(1);
        }
    }

    /**
     * A batch slower than the shutdown timeout is cut short: its rows stay pending (none is marked
     * failed), and after a restart the job completes with every row written exactly once.
     */
    @Test
    void aBatchOutlastingTheShutdownTimeoutIsAskedAgainNotLost() throws Exception {
        int rows = 100;
        // at 2 s a call, 4 at a time, a batch of 10 takes 6 s: three times the shutdown timeout (25 would take 14 s)
        int batch = 10;
        long sheetId = AnalysisSheets.create(smartsheet, "Slow", rows);
        azure.faults().latency(Duration.ofMillis(2000));
        Map<String, String> env = environment("worker-a");
        env.put("SHUTDOWN_TIMEOUT_SECONDS", "2");
        int port = AppProcess.freePort();
        String jobId;
        try (AppProcess first = AppProcess.start(work, env, List.of(), port)) {
            first.awaitHealthy(Duration.ofSeconds(60));
            try (McpSyncClient client = first.mcpClient()) {
                jobId = startJob(client, sheetId, "summarize", "Summary", batch);
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                        .until(() -> ToolCalls.ok(client, "get_job_status", Map.of("jobId", jobId)).path("written").asInt() >= batch);
            }
            first.process().destroy();
            assertThat(first.awaitExit(Duration.ofSeconds(45))).as(first.stderr()).isEqualTo(SIGTERM_EXIT);
        }
        assertThat(rowStates(jobId).keySet()).as("no row lost to the shutdown").containsOnly("pending", "written");

        azure.faults().latency(Duration.ZERO);
        try (AppProcess second = AppProcess.start(work, env, List.of(), port)) {
            second.awaitHealthy(Duration.ofSeconds(60));
            try (McpSyncClient client = second.mcpClient()) {
                JsonNode done = Jobs.awaitFinished(client, jobId);
                assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
                assertThat(done.path("written").asInt()).isEqualTo(rows);
            }
        }
        List<Long> rowIds = smartsheet.rowIds(sheetId);
        for (int i = 0; i < rowIds.size(); i++) {
            assertThat(smartsheet.cellWriteCount(sheetId, rowIds.get(i), "Summary")).as("writes of row " + i).isEqualTo(1);
        }
    }

    private static String startJob(McpSyncClient client, long sheetId, String type, String targetColumn) {
        return startJob(client, sheetId, type, targetColumn, BATCH);
    }

    private static String startJob(McpSyncClient client, long sheetId, String type, String targetColumn, int batch) {
        return ToolCalls.ok(client, "start_batch_analysis", Map.of("sheet_id", Long.toString(sheetId),
                "type", type, "sourceColumns", List.of("Feedback"), "targetColumn", targetColumn,
                "batchSize", batch)).path("jobId").asText();
    }

    private int writtenInSheet(long sheetId) {
        List<Long> rows = smartsheet.rowIds(sheetId);
        int written = 0;
        for (Long row : rows) if (smartsheet.cellValue(sheetId, row, "Summary") != null) written++;
        return written;
    }


    /** The job store as the stopped process left it (the process is gone, so the files are free). */
    private Map<String, Object> job(String jobId) throws SQLException {
        try (Connection connection = jobStore();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT status, lease_owner, lease_expires_at, attempts, written_rows FROM analysis_job WHERE id = ?")) {
            query.setString(1, jobId);
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).isTrue();
                Map<String, Object> row = new HashMap<>();
                for (String column : List.of("status", "lease_owner", "lease_expires_at", "attempts", "written_rows")) {
                    // lease_expires_at has a time zone: as a Timestamp, not the driver's OffsetDateTime
                    row.put(column, column.equals("lease_expires_at") ? rs.getTimestamp(column) : rs.getObject(column));
                }
                return row;
            }
        }
    }

    private Map<String, Integer> rowStates(String jobId) throws SQLException {
        try (Connection connection = jobStore();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT state, COUNT(*) FROM analysis_row WHERE job_id = ? GROUP BY state")) {
            query.setString(1, jobId);
            try (ResultSet rs = query.executeQuery()) {
                Map<String, Integer> states = new TreeMap<>();
                while (rs.next()) states.put(rs.getString(1), rs.getInt(2));
                return states;
            }
        }
    }

    private Connection jobStore() throws SQLException {
        return DriverManager.getConnection("jdbc:hsqldb:file:" + work.resolve("data/jobstore/jobs") + ";shutdown=true", "SA", "");
    }

    private Map<String, String> environment(String nodeId) {
        Map<String, String> env = emulators.appEnvironment();
        env.put("NODE_ID", nodeId);
        env.put("JOBS_LEASE_SECONDS", "600");
        // one job at a time: the second job stays queued while the first runs, and no claim happens during the shutdown
        env.put("JOBS_CONCURRENCY", "1");
        return env;
    }

}
