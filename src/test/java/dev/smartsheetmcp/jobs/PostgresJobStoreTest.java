package dev.smartsheetmcp.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.RequiredPrograms;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The job store on PostgreSQL: the same schema and SQL as on HSQLDB (jobs, incremental runs, the
 * answer cache, schedules and Quartz's clustered store). Runs when
 * TEST_POSTGRES_URL points at a server (.ci/run starts one); each run gets a new database.
 */
class PostgresJobStoreTest {

    @Test
    void jobsSchedulesAndIncrementalRunsWorkOnPostgres() throws Exception {
        String server = System.getenv("TEST_POSTGRES_URL");
        RequiredPrograms.require(server != null && !server.isBlank(), "A PostgreSQL server (TEST_POSTGRES_URL, for the job store on PostgreSQL)",
                "apt-get install postgresql, start it and set TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:PORT/postgres; .ci/run does");
        String database = "jobs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(server, "postgres", "")) {
            admin.createStatement().execute("CREATE DATABASE " + database);
        }
        String url = server.substring(0, server.lastIndexOf('/') + 1) + database;
        try (SandboxApp app = SandboxApp.start(Map.of("jobs.jdbc-url", url, "jobs.jdbc-user", "postgres",
                "jobs.jdbc-password", "", "jobs.poll-interval-ms", "100"));
             McpSyncClient client = app.mcpClient()) {
            long sheetId = AnalysisSheets.create(app.sandbox().smartsheet(), "Postgres", 120);
            String jobId = ToolCalls.ok(client, "start_batch_analysis", Map.of("sheet_id", Long.toString(sheetId),
                    "type", "sentiment", "sourceColumns", List.of("Feedback"), "targetColumn", "Sentiment",
                    "batchSize", 50)).path("jobId").asText();
            assertThat(awaitCompleted(client, jobId).path("written").asInt()).isEqualTo(120);
            assertThat(ToolCalls.ok(client, "list_jobs", Map.of("status", "completed", "sheet_id", Long.toString(sheetId)))
                    .path("count").asInt()).isEqualTo(1);
            assertThat(ToolCalls.ok(client, "cancel_batch_analysis", Map.of("jobId", jobId)).path("message").asText())
                    .contains("already finished");

            List<Long> changed = app.sandbox().smartsheet().changeText(sheetId, "Feedback", 0.05, 3);
            ToolCalls.ok(client, "create_schedule", Map.of("name", "postgres-nightly", "cron", "0 0 2 * * ?",
                    "sheet_id", Long.toString(sheetId), "type", "sentiment", "sourceColumns", List.of("Feedback"),
                    "targetColumn", "Sentiment"));
            JsonNode incremental = awaitCompleted(client, ToolCalls.ok(client, "run_schedule_now",
                    Map.of("name", "postgres-nightly")).path("jobId").asText());
            assertThat(incremental.path("schedule").asText()).isEqualTo("postgres-nightly");
            assertThat(incremental.path("written").asInt()).isEqualTo(changed.size());
            assertThat(incremental.path("unchanged").asInt()).isEqualTo(120 - changed.size());

            JsonNode full = awaitCompleted(client, ToolCalls.ok(client, "run_schedule_now",
                    Map.of("name", "postgres-nightly", "fullRerun", true)).path("jobId").asText());
            assertThat(full.path("written").asInt()).isEqualTo(120);
            assertThat(full.path("cache_hits").asInt()).isEqualTo(120);
        }
    }

    private static JsonNode awaitCompleted(McpSyncClient client, String jobId) {
        JsonNode[] status = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> {
            status[0] = ToolCalls.ok(client, "get_job_status", Map.of("jobId", jobId));
            return status[0].path("status").asText().equals("completed");
        });
        return status[0];
    }
}
