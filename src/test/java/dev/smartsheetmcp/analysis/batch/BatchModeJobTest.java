package dev.smartsheetmcp.analysis.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.analysis.prompts.AnalysisType;
import dev.smartsheetmcp.sandbox.azure.AzureOpenAiEmulator;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.Jobs;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.SandboxApplication;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * start_batch_analysis with mode batch end to end against the sandbox: request files split by the
 * per-file limit (set low here), uploaded, made batches, polled on the emulator's compressed
 * clock (a day in under two seconds), read back by custom_id, written in bulk, files deleted.
 */
@SandboxApplication(value = {"jobs.poll-interval-ms=100", "azure.batch.poll-interval-ms=100",
    "azure.batch.max-requests-per-file=250", "sandbox.azure.batch.time-scale=100000",
    "sandbox.azure.batch.requests-per-minute=1000"}, unthrottledModel = true)
class BatchModeJobTest {

    private static SandboxApp app;
    private static McpSyncClient client;

    @Test
    void aSixHundredRowJobGoesInThreeFilesAndEveryRowIsWrittenOnceWithoutAnOnlineCall() {
        SmartsheetEmulator smartsheet = app.sandbox().smartsheet();
        AzureOpenAiEmulator azure = app.sandbox().azure();
        long sheetId = AnalysisSheets.create(smartsheet, "Nightly", 600);
        int onlineBefore = azure.completionCount(app.context().resolvePropertyPlaceholders("{{azure.deployment}}"));
        long batchesBefore = azure.batchesCreated();

        JsonNode started = ToolCalls.ok(client, "start_batch_analysis", Map.of("sheet_id", Long.toString(sheetId),
                "type", "summarize", "sourceColumns", List.of("Feedback"), "targetColumn", "Summary", "mode", "batch",
                "batchSize", 500));
        JsonNode done = Jobs.awaitFinished(client, started.path("jobId").asText(), Duration.ofSeconds(60), Duration.ofMillis(200));

        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("mode").asText()).isEqualTo("batch");
        assertThat(done.path("written").asInt()).isEqualTo(600);
        assertThat(azure.batchesCreated() - batchesBefore).as("600 requests, 250 a file").isEqualTo(3);
        assertThat(done.path("azure_batches").path("files")).hasSize(3)
                .allSatisfy(file -> assertThat(file.path("status").asText()).isEqualTo("completed"));
        assertThat(done.path("azure_batches").path("percent").asInt()).isEqualTo(100);
        assertThat(azure.completionCount(app.context().resolvePropertyPlaceholders("{{azure.deployment}}")))
                .as("the online deployment is not used").isEqualTo(onlineBefore);
        JsonNode usage = done.path("usage");
        assertThat(usage.path("by_deployment").get(0).path("mode").asText()).isEqualTo("batch");
        assertThat(usage.path("by_deployment").get(0).path("requests").asInt()).isEqualTo(600);
        assertThat(usage.path("saving_vs_online").asDouble()).isPositive();
        List<Long> rows = smartsheet.rowIds(sheetId);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(smartsheet.cellValue(sheetId, rows.get(i), "Summary"))
                    .isEqualTo(AnalysisSheets.expectedAnswer(AnalysisType.SUMMARIZE, AnalysisSheets.feedback(i)));
            assertThat(smartsheet.cellWriteCount(sheetId, rows.get(i), "Summary")).isEqualTo(1);
        }
        assertThat(smartsheet.requestCount("PUT /sheets/{sheetId}/rows")).as("500 rows a request").isEqualTo(2);
    }
}
