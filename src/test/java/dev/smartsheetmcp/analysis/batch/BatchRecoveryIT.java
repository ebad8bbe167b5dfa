package dev.smartsheetmcp.analysis.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.analysis.prompts.AnalysisType;
import dev.smartsheetmcp.sandbox.azure.AzureOpenAiEmulator;
import dev.smartsheetmcp.sandbox.azure.BatchSettings;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.AppProcess;
import dev.smartsheetmcp.testing.Jobs;
import dev.smartsheetmcp.testing.StandaloneEmulators;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 while a batch-mode job's Azure batch is open, then a restart on the same data directory:
 * the restarted application polls the same batch by the id in the job store, submits nothing
 * again, and completes the job with every row written once. The emulators live in this JVM, so
 * the batch keeps running on the emulator's clock while the application is down.
 */
class BatchRecoveryIT {

    private static final int ROWS = 300;
    private static final String BATCH_DEPLOYMENT = "gpt-4o-batch";

    @TempDir
    Path work;

    private StandaloneEmulators emulators;
    private SmartsheetEmulator smartsheet;
    private AzureOpenAiEmulator azure;

    @BeforeEach
    void startEmulators() throws Exception {
        emulators = new StandaloneEmulators(5, "batch-recovery-token", "batch-recovery-key", Duration.ZERO);
        smartsheet = emulators.smartsheet();
        azure = emulators.azure();
        azure.addBatchDeployment(BATCH_DEPLOYMENT, 100_000_000);
        // 60 emulated seconds a real second: a minute of validation, then 10 lines a real second
        azure.batchSettings(new BatchSettings(60, 60, 600, 60, 24 * 3600, BatchSettings.MAX_REQUESTS_PER_FILE,
                BatchSettings.MAX_BYTES_PER_FILE, BatchSettings.MAX_FILES));
    }

    @AfterEach
    void stopEmulators() {
        emulators.close();
    }

    @Test
    void theRestartedApplicationPicksTheOpenBatchUpByItsIdAndSubmitsNothingAgain() throws Exception {
        long sheetId = AnalysisSheets.create(smartsheet, "Batch recovery", ROWS);
        Map<String, String> env = emulators.appEnvironment();
        env.put("AZURE_OPENAI_BATCH_DEPLOYMENT", BATCH_DEPLOYMENT);
        env.put("AZURE_OPENAI_BATCH_POLL_INTERVAL_MS", "200");
        int port = AppProcess.freePort();
        String jobId;
        String batchId;
        String statusAtKill;

        try (AppProcess first = AppProcess.start(work, env, List.of(), port)) {
            first.awaitHealthy(Duration.ofSeconds(180));
            try (McpSyncClient client = first.mcpClient()) {
                jobId = ToolCalls.ok(client, "start_batch_analysis", Map.of("sheet_id", Long.toString(sheetId),
                        "type", "summarize", "sourceColumns", List.of("Feedback"), "targetColumn", "Summary",
                        "mode", "batch")).path("jobId").asText();
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() ->
                        Jobs.status(client, jobId).path("azure_batches").path("files").path(0).path("batch_id").isTextual());
                JsonNode file = Jobs.status(client, jobId).path("azure_batches").path("files").path(0);
                batchId = file.path("batch_id").asText();
                statusAtKill = file.path("status").asText();
            }
            first.kill();
        }
        assertThat(statusAtKill).as("killed with the batch open").isIn("validating", "in_progress", "finalizing");
        assertThat(azure.batchesCreated()).isEqualTo(1);

        try (AppProcess second = AppProcess.start(work, env, List.of(), port)) {
            second.awaitHealthy(Duration.ofSeconds(180));
            try (McpSyncClient client = second.mcpClient()) {
                JsonNode done = Jobs.awaitFinished(client, jobId, Duration.ofMinutes(3), Duration.ofMillis(500));
                assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
                assertThat(done.path("written").asInt()).isEqualTo(ROWS);
                assertThat(done.path("azure_batches").path("files")).hasSize(1);
                assertThat(done.path("azure_batches").path("files").get(0).path("batch_id").asText())
                        .as("the same batch, picked up by its stored id").isEqualTo(batchId);
                assertThat(done.path("azure_batches").path("files").get(0).path("status").asText()).isEqualTo("completed");
            }
        }

        assertThat(azure.batchesCreated()).as("nothing submitted again").isEqualTo(1);
        assertThat(azure.completionCount("gpt-4o")).as("no row went online").isZero();
        assertThat(azure.storedFileCount()).as("the batch's files deleted once written").isZero();
        List<Long> rows = smartsheet.rowIds(sheetId);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(smartsheet.cellValue(sheetId, rows.get(i), "Summary"))
                    .isEqualTo(AnalysisSheets.expectedAnswer(AnalysisType.SUMMARIZE, AnalysisSheets.feedback(i)));
            assertThat(smartsheet.cellWriteCount(sheetId, rows.get(i), "Summary")).as("writes of row " + i).isEqualTo(1);
        }
    }
}
