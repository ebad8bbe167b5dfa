package dev.smartsheetmcp.analysis.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.azure.AzureOpenAiEmulator;
import dev.smartsheetmcp.sandbox.azure.DeterministicAnswers;
import dev.smartsheetmcp.testing.Jobs;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.SandboxApplication;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The other policies of {@link BatchModeFaultsTest}: {@code azure.batch.on-error-line fail} (an
 * error-file line fails its row with Azure's error, nothing online) and {@code azure.batch.on-expiry
 * online} (an expired batch's unanswered rows go through the online path, nothing resubmitted).
 */
@SandboxApplication(value = {"jobs.poll-interval-ms=100", "azure.batch.poll-interval-ms=100",
    "sandbox.azure.batch.time-scale=100000", "sandbox.azure.batch.requests-per-minute=1000",
    "azure.batch.on-error-line=fail", "azure.batch.on-expiry=online"}, unthrottledModel = true)
class BatchModeFailFastTest {

    private static SandboxApp app;
    private static McpSyncClient client;

    @AfterEach
    void normalBatches() {
        app.sandbox().azure().batchSettings(BatchModeFaultsTest.NORMAL);
    }

    @Test
    void anErrorFileLineFailsItsRowWithAzuresErrorWithoutAnOnlineCall() {
        AzureOpenAiEmulator azure = app.sandbox().azure();
        List<String> texts = List.of("A fine remark.", "Filtered " + DeterministicAnswers.FILTER_PROMPT_MARKER);
        long sheetId = BatchModeFaultsTest.sheet(app.sandbox().smartsheet(), "Error lines fail", texts);

        JsonNode done = run(sheetId);

        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("written").asInt()).isEqualTo(1);
        assertThat(done.path("failed").asInt()).isEqualTo(1);
        assertThat(done.path("row_errors").get(0).path("error").asText()).startsWith("content_filter");
        assertThat(azure.timesSeen(BatchModeFaultsTest.prompt(texts.get(1)))).as("not retried online").isZero();
    }

    @Test
    void anExpiredBatchSendsItsUnansweredRowsOnlineWithoutResubmitting() {
        AzureOpenAiEmulator azure = app.sandbox().azure();
        azure.batchSettings(BatchModeFaultsTest.EXPIRING);
        long sheetId = BatchModeFaultsTest.sheet(app.sandbox().smartsheet(), "Expiring online",
                BatchModeFaultsTest.texts("expiry-online", 5));
        String deployment = app.context().resolvePropertyPlaceholders("{{azure.deployment}}");
        int onlineBefore = azure.completionCount(deployment);
        long batchesBefore = azure.batchesCreated();

        JsonNode done = run(sheetId);

        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("written").asInt()).isEqualTo(5);
        assertThat(azure.batchesCreated() - batchesBefore).isEqualTo(1);
        assertThat(azure.completionCount(deployment) - onlineBefore).as("2 answered by the batch, 3 online").isEqualTo(3);
    }

    private static JsonNode run(long sheetId) {
        String jobId = ToolCalls.ok(client, "start_batch_analysis", Map.of("sheet_id", Long.toString(sheetId), "type",
                "summarize", "sourceColumns", List.of("Feedback"), "targetColumn", "Summary", "mode", "batch")).path("jobId").asText();
        return Jobs.awaitFinished(client, jobId, Duration.ofSeconds(60), Duration.ofMillis(200));
    }
}
