package dev.smartsheetmcp.analysis.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.analysis.prompts.AnalysisType;
import dev.smartsheetmcp.analysis.prompts.PromptTemplates;
import dev.smartsheetmcp.sandbox.azure.AzureOpenAiEmulator;
import dev.smartsheetmcp.sandbox.azure.BatchSettings;
import dev.smartsheetmcp.sandbox.azure.DeterministicAnswers;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A batch-mode job's fault paths against the sandbox, with the default policies
 * ({@code azure.batch.on-expiry resubmit} up to {@code max-submissions 2}, {@code on-error-line online}):
 * an expiring batch, a batch failing validation, an error-file line, and a cancel while a batch is
 * open. Each test shapes the emulator's next batches (its compressed clock, its per-file limit);
 * {@link BatchModeFailFastTest} runs the other policies.
 */
@SandboxApplication(value = {"jobs.poll-interval-ms=100", "azure.batch.poll-interval-ms=100",
    "sandbox.azure.batch.time-scale=100000", "sandbox.azure.batch.requests-per-minute=1000"}, unthrottledModel = true)
class BatchModeFaultsTest {

    static final BatchSettings NORMAL = BatchSettings.realistic().withTimeScale(100_000).withRequestsPerMinute(1000);
    /** Validation 1 emulated minute, then 1 line a minute, and a 3-minute window: 2 lines answered, the rest expire. */
    static final BatchSettings EXPIRING = new BatchSettings(100_000, 60, 1, 60, 3 * 60,
            BatchSettings.MAX_REQUESTS_PER_FILE, BatchSettings.MAX_BYTES_PER_FILE, BatchSettings.MAX_FILES);

    private static SandboxApp app;
    private static McpSyncClient client;

    @AfterEach
    void normalBatches() {
        app.sandbox().azure().batchSettings(NORMAL);
    }

    @Test
    void anExpiredBatchKeepsItsAnswersResubmitsTheRestAndSendsWhatExpiresTwiceOnline() {
        AzureOpenAiEmulator azure = app.sandbox().azure();
        azure.batchSettings(EXPIRING);
        long sheetId = sheet(app.sandbox().smartsheet(), "Expiring", texts("expiry", 6));
        int onlineBefore = onlineCompletions();
        long batchesBefore = azure.batchesCreated();

        JsonNode done = run(sheetId);

        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("written").asInt()).isEqualTo(6);
        assertThat(azure.batchesCreated() - batchesBefore).as("the first batch and one resubmission").isEqualTo(2);
        assertThat(done.path("azure_batches").path("files"))
                .allSatisfy(file -> assertThat(file.path("status").asText()).isEqualTo("expired"));
        assertThat(onlineCompletions() - onlineBefore).as("2 + 2 answered by batches, the 2 expired twice online").isEqualTo(2);
        assertWrittenOnce(sheetId, texts("expiry", 6));
    }

    @Test
    void aBatchFailingValidationFailsEveryRowWithAzuresErrorAndAsksNothingOnline() {
        AzureOpenAiEmulator azure = app.sandbox().azure();
        azure.batchSettings(NORMAL.withMaxRequestsPerFile(2));
        long sheetId = sheet(app.sandbox().smartsheet(), "Failing", texts("failing", 3));
        int onlineBefore = onlineCompletions();

        JsonNode done = run(sheetId);

        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("failed").asInt()).as(done.toString()).isEqualTo(3);
        assertThat(done.path("written").asInt()).isZero();
        assertThat(done.path("azure_batches").path("files").get(0).path("status").asText()).isEqualTo("failed");
        assertThat(done.path("row_errors").get(0).path("error").asText()).contains("too_many_requests_in_file");
        assertThat(done.path("row_errors").get(0).path("rows").asInt()).isEqualTo(3);
        assertThat(onlineCompletions()).isEqualTo(onlineBefore);
        assertThat(azure.storedFileCount()).as("the failed batch's input file deleted").isZero();
    }

    @Test
    void anErrorFileLineIsRetriedOnlineOnce() {
        AzureOpenAiEmulator azure = app.sandbox().azure();
        List<String> texts = List.of("A fine remark about errors.", "Filtered " + DeterministicAnswers.FILTER_PROMPT_MARKER,
                "Another fine remark about errors.");
        long sheetId = sheet(app.sandbox().smartsheet(), "Error lines", texts);

        JsonNode done = run(sheetId);

        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("written").asInt()).isEqualTo(2);
        assertThat(done.path("failed").asInt()).isEqualTo(1);
        assertThat(done.path("row_errors").get(0).path("error").asText()).contains("content_filter");
        assertThat(azure.timesSeen(prompt(texts.get(1)))).as("retried once through the online path").isEqualTo(1);
        assertThat(azure.timesSeen(prompt(texts.get(0)))).as("answered by the batch").isZero();
    }

    @Test
    void aCancelDuringABatchCancelsTheAzureBatchAndEndsTheJobCancelledWithNothingWritten() {
        AzureOpenAiEmulator azure = app.sandbox().azure();
        // 60 emulated seconds a real second, one line an emulated minute: ten rows take ten seconds
        azure.batchSettings(new BatchSettings(60, 1, 1, 1, 24 * 3600, BatchSettings.MAX_REQUESTS_PER_FILE,
                BatchSettings.MAX_BYTES_PER_FILE, BatchSettings.MAX_FILES));
        SmartsheetEmulator smartsheet = app.sandbox().smartsheet();
        List<String> texts = texts("cancel", 10);
        long sheetId = sheet(smartsheet, "Cancelled", texts);
        int onlineBefore = onlineCompletions();
        String jobId = start(sheetId);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Jobs.status(client, jobId).path("azure_batches").path("files").path(0).path("status").asText().equals("in_progress"));

        JsonNode cancel = ToolCalls.ok(client, "cancel_batch_analysis", Map.of("jobId", jobId));
        assertThat(cancel.path("message").asText()).contains("Azure batch").doesNotContain("before its next batch");
        JsonNode done = Jobs.awaitFinished(client, jobId, Duration.ofSeconds(30), Duration.ofMillis(200));

        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("cancelled");
        assertThat(done.path("written").asInt()).isZero();
        assertThat(done.path("azure_batches").path("files").get(0).path("status").asText()).isEqualTo("cancelled");
        assertThat(onlineCompletions()).as("no row went online").isEqualTo(onlineBefore);
        List<Long> rows = smartsheet.rowIds(sheetId);
        for (Long row : rows) assertThat(smartsheet.cellWriteCount(sheetId, row, "Summary")).isZero();
    }

    static List<String> texts(String prefix, int count) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) texts.add("Remark " + i + " for the " + prefix + " test.");
        return texts;
    }

    static long sheet(SmartsheetEmulator smartsheet, String name, List<String> texts) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) data.add(Map.of("Ticket", name + "-" + i, "Feedback", texts.get(i)));
        return smartsheet.createSheet(null, name, AnalysisSheets.COLUMNS, data);
    }

    static String prompt(String text) {
        return PromptTemplates.defaults().forType(AnalysisType.SUMMARIZE).initial(text);
    }

    private static int onlineCompletions() {
        return app.sandbox().azure().completionCount(app.context().resolvePropertyPlaceholders("{{azure.deployment}}"));
    }

    private static String start(long sheetId) {
        return ToolCalls.ok(client, "start_batch_analysis", Map.of("sheet_id", Long.toString(sheetId), "type", "summarize",
                "sourceColumns", List.of("Feedback"), "targetColumn", "Summary", "mode", "batch")).path("jobId").asText();
    }

    private static JsonNode run(long sheetId) {
        return Jobs.awaitFinished(client, start(sheetId), Duration.ofSeconds(60), Duration.ofMillis(200));
    }

    private static void assertWrittenOnce(long sheetId, List<String> texts) {
        SmartsheetEmulator smartsheet = app.sandbox().smartsheet();
        List<Long> rows = smartsheet.rowIds(sheetId);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(smartsheet.cellValue(sheetId, rows.get(i), "Summary"))
                    .isEqualTo(AnalysisSheets.expectedAnswer(AnalysisType.SUMMARIZE, texts.get(i)));
            assertThat(smartsheet.cellWriteCount(sheetId, rows.get(i), "Summary")).isEqualTo(1);
        }
    }
}
