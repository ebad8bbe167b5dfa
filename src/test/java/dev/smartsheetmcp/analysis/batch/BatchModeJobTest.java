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
import java.util.ArrayList;
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

    @Test
    void aBatchModeScheduleRunNowRunsABatchModeJobEndToEnd() {
        SmartsheetEmulator smartsheet = app.sandbox().smartsheet();
        AzureOpenAiEmulator azure = app.sandbox().azure();
        long sheetId = AnalysisSheets.create(smartsheet, "Scheduled nightly", 30);
        String onlineDeployment = app.context().resolvePropertyPlaceholders("{{azure.deployment}}");
        int onlineBefore = azure.completionCount(onlineDeployment);
        long batchesBefore = azure.batchesCreated();

        JsonNode created = ToolCalls.ok(client, "create_schedule", Map.of("name", "nightly-batch", "cron", "0 0 2 * * ?",
                "sheet_id", Long.toString(sheetId), "type", "sentiment", "sourceColumns", List.of("Feedback"),
                "targetColumn", "Sentiment", "mode", "batch"));
        assertThat(created.path("mode").asText()).isEqualTo("batch");
        JsonNode listed = ToolCalls.ok(client, "list_schedules", Map.of()).path("schedules");
        assertThat(listed).anySatisfy(schedule -> {
            assertThat(schedule.path("name").asText()).isEqualTo("nightly-batch");
            assertThat(schedule.path("mode").asText()).isEqualTo("batch");
        });

        JsonNode run = ToolCalls.ok(client, "run_schedule_now", Map.of("name", "nightly-batch"));
        assertThat(run.path("outcome").asText()).as(run.toString()).isEqualTo("enqueued");
        JsonNode done = Jobs.awaitFinished(client, run.path("jobId").asText(), Duration.ofSeconds(60), Duration.ofMillis(200));

        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("mode").asText()).isEqualTo("batch");
        assertThat(done.path("schedule").asText()).isEqualTo("nightly-batch");
        assertThat(done.path("written").asInt()).isEqualTo(30);
        assertThat(azure.batchesCreated() - batchesBefore).isEqualTo(1);
        assertThat(azure.completionCount(onlineDeployment)).as("the online deployment is not used").isEqualTo(onlineBefore);
        List<Long> rows = smartsheet.rowIds(sheetId);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(smartsheet.cellValue(sheetId, rows.get(i), "Sentiment"))
                    .isEqualTo(AnalysisSheets.expectedAnswer(AnalysisType.SENTIMENT, AnalysisSheets.feedback(i)));
            assertThat(smartsheet.cellWriteCount(sheetId, rows.get(i), "Sentiment")).isEqualTo(1);
        }
        assertThat(ToolCalls.ok(client, "delete_schedule", Map.of("name", "nightly-batch")).path("deleted").asBoolean()).isTrue();
    }

    @Test
    void batchAnswersGoIntoTheCacheAndRowsOfTheSameTextWaitForThem() {
        SmartsheetEmulator smartsheet = app.sandbox().smartsheet();
        AzureOpenAiEmulator azure = app.sandbox().azure();
        String onlineDeployment = app.context().resolvePropertyPlaceholders("{{azure.deployment}}");
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = 0; i < 40; i++) data.add(Map.of("Ticket", "D-" + i, "Feedback", "Duplicate feedback number " + (i % 10)));
        long first = smartsheet.createSheet(null, "Duplicates", AnalysisSheets.COLUMNS, data);
        int onlineBefore = azure.completionCount(onlineDeployment);
        long batchesBefore = azure.batchesCreated();

        JsonNode batch = run(first, "batch");
        assertThat(batch.path("status").asText()).as(batch.toString()).isEqualTo("completed");
        assertThat(batch.path("written").asInt()).isEqualTo(40);
        assertThat(azure.batchesCreated() - batchesBefore).isEqualTo(1);
        assertThat(batch.path("azure_batches").path("requests_total").asInt())
                .as("one request per distinct text").isEqualTo(10);
        assertThat(batch.path("usage").path("by_deployment").get(0).path("requests").asInt()).isEqualTo(10);
        assertThat(azure.completionCount(onlineDeployment)).as("rows of the same text waited, none went online: " + batch)
                .isEqualTo(onlineBefore);
        assertThat(batch.path("cache_misses").asInt()).as("the asked rows").isEqualTo(10);
        assertThat(batch.path("cache_hits").asInt()).as("the rows that shared their answers").isEqualTo(30);
        List<Long> rows = smartsheet.rowIds(first);
        Object answerOfTextZero = smartsheet.cellValue(first, rows.get(0), "Sentiment");
        assertThat(answerOfTextZero).isNotNull();
        assertThat(smartsheet.cellValue(first, rows.get(10), "Sentiment")).isEqualTo(answerOfTextZero);

        // the cache is keyed by the analysis and its source column: a run of the same sheet again
        JsonNode online = run(first, "online");
        assertThat(online.path("status").asText()).as(online.toString()).isEqualTo("completed");
        assertThat(online.path("cache_hits").asInt()).as("every text answered by the batch").isEqualTo(40);
        assertThat(azure.completionCount(onlineDeployment)).isEqualTo(onlineBefore);
        JsonNode batchAgain = run(first, "batch");
        assertThat(batchAgain.path("status").asText()).isEqualTo("completed");
        assertThat(azure.batchesCreated() - batchesBefore).as("a later batch run takes them from the cache too").isEqualTo(1);
    }

    private static JsonNode run(long sheetId, String mode) {
        JsonNode started = ToolCalls.ok(client, "start_batch_analysis", Map.of("sheet_id", Long.toString(sheetId),
                "type", "interpret", "sourceColumns", List.of("Feedback"),
                "targetColumn", "Sentiment", "mode", mode));
        return Jobs.awaitFinished(client, started.path("jobId").asText(), Duration.ofSeconds(60), Duration.ofMillis(200));
    }
}
