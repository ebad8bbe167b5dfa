package dev.smartsheetmcp.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.azure.AzureOpenAiEmulator;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.Jobs;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.SandboxApplication;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cancelling, priorities, waiting with progress, custom goals. */
// one job at a time: the claims' order shows (turns among several jobs: BatchTurnsTest, JobFairSharingTest)
@SandboxApplication(value = {"jobs.poll-interval-ms=100", "jobs.wait-poll-ms=50", "analysis.parallelism=4", "jobs.concurrency=1"},
        unthrottledModel = true)
class BatchAnalysisControlTest {

    private static SandboxApp app;
    private static McpSyncClient client;

    @AfterEach
    void noLatency() {
        app.sandbox().azure().faults().latency(Duration.ZERO);
    }

    @Test
    void cancellingStopsWithinOneBatchAndKeepsWhatWasWritten() {
        SmartsheetEmulator smartsheet = app.sandbox().smartsheet();
        long sheetId = AnalysisSheets.create(smartsheet, "Cancel", 400);
        app.sandbox().azure().faults().latency(Duration.ofMillis(40));
        String jobId = start(sheetId, Map.of("batchSize", 20));

        await().atMost(Duration.ofSeconds(60)).until(() -> Jobs.status(client, jobId).path("written").asInt() >= 20);
        JsonNode cancel = ToolCalls.ok(client, "cancel_batch_analysis", Map.of("jobId", jobId));
        int writtenAtCancel = cancel.path("rows_written").asInt();
        JsonNode done = Jobs.awaitFinished(client, jobId);

        assertThat(done.path("status").asText()).isEqualTo("cancelled");
        assertThat(done.path("reason").asText()).contains("already written stay written");
        assertThat(done.path("written").asInt()).isBetween(writtenAtCancel, writtenAtCancel + 2 * 20).isLessThan(400);
        long filled = smartsheet.rowIds(sheetId).stream().filter(row -> smartsheet.cellValue(sheetId, row, "Summary") != null).count();
        assertThat(filled).isEqualTo(done.path("written").asLong());
    }

    @Test
    void aHigherPriorityJobRunsBeforeAnOlderLowerPriorityOne() {
        SmartsheetEmulator smartsheet = app.sandbox().smartsheet();
        long lowSheet = AnalysisSheets.create(smartsheet, "Low", 10);
        long highSheet = AnalysisSheets.create(smartsheet, "High", 10);
        app.sandbox().azure().faults().latency(Duration.ofMillis(50));
        String blocker = start(AnalysisSheets.create(smartsheet, "Blocker", 400), Map.of("batchSize", 50));
        await().atMost(Duration.ofSeconds(30)).until(() -> "running".equals(Jobs.status(client, blocker).path("status").asText()));
        String low = start(lowSheet, Map.of("priority", 0));
        String high = start(highSheet, Map.of("priority", 10));
        assertThat(Jobs.status(client, blocker).path("status").asText()).as("both queued while the worker is busy").isEqualTo("running");

        JsonNode lowDone = Jobs.awaitFinished(client, low);
        JsonNode highDone = Jobs.awaitFinished(client, high);
        assertThat(Instant.parse(highDone.path("timestamps").path("started").asText()))
                .isBefore(Instant.parse(lowDone.path("timestamps").path("started").asText()));
    }

    @Test
    void waitingSendsProgressPerBatchAndReturnsTheFinalStatus() throws Exception {
        long sheetId = AnalysisSheets.create(app.sandbox().smartsheet(), "Wait", 60);
        app.sandbox().azure().faults().latency(Duration.ofMillis(40));
        List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
        try (McpSyncClient waiting = app.mcpClient(progress::add)) {
            McpSchema.CallToolResult result = waiting.callTool(McpSchema.CallToolRequest.builder()
                    .name("start_batch_analysis").progressToken("job-progress")
                    .arguments(Map.of("sheet_id", Long.toString(sheetId), "type", "sentiment",
                            "sourceColumns", List.of("Feedback"), "targetColumn", "Sentiment", "batchSize", 10, "wait", true))
                    .build());
            JsonNode status = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ToolCalls.text(result));

            assertThat(status.path("status").asText()).isEqualTo("completed");
            assertThat(status.path("written").asInt()).isEqualTo(60);
            await().atMost(Duration.ofSeconds(5)).until(() -> progress.size() >= 2);
            assertThat(progress).allSatisfy(note -> assertThat(note.progressToken()).isEqualTo("job-progress"));
            assertThat(progress.get(progress.size() - 1).progress()).isEqualTo(60.0);
        }
    }

    @Test
    void aCustomGoalMakesOnePromptOptimisationCallThenOneCallPerRow() {
        AzureOpenAiEmulator azure = app.sandbox().azure();
        long sheetId = AnalysisSheets.create(app.sandbox().smartsheet(), "Custom", 25);
        String deployment = app.context().resolvePropertyPlaceholders("{{azure.deployment}}");
        int before = azure.completionCount(deployment);

        String jobId = start(sheetId, Map.of("type", "custom", "customGoal", "List the product the customer names"));
        JsonNode done = Jobs.awaitFinished(client, jobId);

        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(azure.completionCount(deployment) - before).isEqualTo(25 + 1);
        long rowId = app.sandbox().smartsheet().rowIds(sheetId).get(0);
        assertThat(String.valueOf(app.sandbox().smartsheet().cellValue(sheetId, rowId, "Summary"))).startsWith("Custom: ");
    }

    private static String start(long sheetId, Map<String, Object> extra) {
        Map<String, Object> arguments = new java.util.HashMap<>(Map.of("sheet_id", Long.toString(sheetId), "type", "summarize",
                "sourceColumns", List.of("Feedback"), "targetColumn", "Summary"));
        arguments.putAll(extra);
        return ToolCalls.ok(client, "start_batch_analysis", arguments).path("jobId").asText();
    }
}
