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
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a job, then a restart on the same data directory: the job resumes
 * after its last committed batch and completes; only the batch in flight goes to the model again.
 * The emulators live in this JVM so they outlive the killed process.
 */
class JobRecoveryIT {

    private static final int ROWS = 300;
    private static final int BATCH = 50;

    @TempDir
    Path work;

    private StandaloneEmulators emulators;
    private SmartsheetEmulator smartsheet;
    private AzureOpenAiEmulator azure;

    @BeforeEach
    void startEmulators() throws Exception {
        emulators = new StandaloneEmulators(3, "recovery-token", "recovery-key", Duration.ofMillis(40));
        smartsheet = emulators.smartsheet();
        azure = emulators.azure();
    }

    @AfterEach
    void stopEmulators() {
        emulators.close();
    }

    @Test
    void resumesFromLastCommittedBatchAfterKill() throws Exception {
        Map<String, String> env = emulators.appEnvironment();
        killMidJobAndRestart(env, env);
    }

    /** Another worker (another node id) takes the job over once the dead worker's lease expires. */
    @Test
    void anotherWorkerResumesTheJobWhenTheLeaseExpires() throws Exception {
        Map<String, String> first = emulators.appEnvironment();
        first.put("NODE_ID", "worker-a");
        first.put("JOBS_LEASE_SECONDS", "5");
        first.put("JOBS_HEARTBEAT_SECONDS", "1");
        Map<String, String> second = new HashMap<>(first);
        second.put("NODE_ID", "worker-b");
        killMidJobAndRestart(first, second);
    }

    private void killMidJobAndRestart(Map<String, String> env, Map<String, String> restartEnv) throws Exception {
        long sheetId = AnalysisSheets.create(smartsheet, "Recovery", ROWS);
        int port = AppProcess.freePort();
        String jobId;

        try (AppProcess first = AppProcess.start(work, env, List.of(), port)) {
            first.awaitHealthy(Duration.ofSeconds(60));
            try (McpSyncClient client = first.mcpClient()) {
                jobId = ToolCalls.ok(client, "start_batch_analysis", Map.of("sheet_id", Long.toString(sheetId),
                        "type", "summarize", "sourceColumns", List.of("Feedback"), "targetColumn", "Summary",
                        "batchSize", BATCH)).path("jobId").asText();
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                        .until(() -> ToolCalls.ok(client, "get_job_status", Map.of("jobId", jobId)).path("written").asInt() >= 3 * BATCH);
            }
            first.kill();
        }
        int sentBeforeKill = sentRows();
        assertThat(sentBeforeKill).as("killed mid-job").isLessThan(ROWS);

        try (AppProcess second = AppProcess.start(work, restartEnv, List.of(), port)) {
            second.awaitHealthy(Duration.ofSeconds(60));
            try (McpSyncClient client = second.mcpClient()) {
                JsonNode done = Jobs.awaitFinished(client, jobId);
                assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
                assertThat(done.path("written").asInt()).isEqualTo(ROWS);
            }
        }

        List<Long> rows = smartsheet.rowIds(sheetId);
        int sentTwice = 0;
        for (int i = 0; i < rows.size(); i++) {
            assertThat(smartsheet.cellValue(sheetId, rows.get(i), "Summary"))
                    .isEqualTo(AnalysisSheets.expectedAnswer(AnalysisType.SUMMARIZE, AnalysisSheets.feedback(i)));
            assertThat(smartsheet.cellWriteCount(sheetId, rows.get(i), "Summary")).as("writes of row " + i).isEqualTo(1);
            int seen = azure.timesSeen(AnalysisSheets.summarizePrompt(i));
            assertThat(seen).as("model calls for row " + i).isBetween(1, 2);
            if (seen == 2) sentTwice++;
        }
        assertThat(sentTwice).as("rows sent again: only the batch in flight").isLessThanOrEqualTo(BATCH);
    }

    private int sentRows() {
        int sent = 0;
        for (int i = 0; i < ROWS; i++) if (azure.timesSeen(AnalysisSheets.summarizePrompt(i)) > 0) sent++;
        return sent;
    }



}
