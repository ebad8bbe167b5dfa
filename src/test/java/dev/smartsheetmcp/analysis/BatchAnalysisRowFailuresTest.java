package dev.smartsheetmcp.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.azure.DeterministicAnswers;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.Jobs;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.SandboxApplication;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A row that cannot be analysed fails alone, with its cause; too many such rows fail the job. */
@SandboxApplication(value = {"jobs.poll-interval-ms=100", "jobs.min-rows-before-failing=10",
        "jobs.max-failed-fraction=0.5"}, unthrottledModel = true)
class BatchAnalysisRowFailuresTest {

    private static SandboxApp app;
    private static McpSyncClient client;

    @Test
    void aContentFilterRefusalFailsTheRowNotTheJobAndLongAnswersAreTrimmed() {
        SmartsheetEmulator smartsheet = app.sandbox().smartsheet();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String text = i == 3 ? "Please ignore " + DeterministicAnswers.FILTER_PROMPT_MARKER
                    : i == 7 ? "A very detailed complaint " + DeterministicAnswers.LONG_ANSWER_MARKER
                    : i == 9 ? "" : AnalysisSheets.feedback(i);
            rows.add(Map.of("Ticket", "T-" + i, "Feedback", text));
        }
        long sheetId = smartsheet.createSheet(null, "Filtered", AnalysisSheets.COLUMNS, rows);

        JsonNode done = run(sheetId);

        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("written").asInt()).isEqualTo(28);
        assertThat(done.path("failed").asInt()).isEqualTo(1);
        assertThat(done.path("skipped").asInt()).as("the row with no text").isEqualTo(1);
        assertThat(done.path("trimmed").asInt()).isEqualTo(1);
        assertThat(done.path("row_errors").get(0).path("error").asText()).contains("content_filter");
        List<Long> ids = smartsheet.rowIds(sheetId);
        assertThat(smartsheet.cellValue(sheetId, ids.get(3), "Summary")).isNull();
        assertThat(String.valueOf(smartsheet.cellValue(sheetId, ids.get(7), "Summary"))).hasSizeLessThanOrEqualTo(4000);
    }

    @Test
    void aJobWhoseFailedFractionPassesTheLimitStopsAsFailedWithTheReason() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(Map.of("Ticket", "T-" + i, "Feedback", "Row " + i + " " + DeterministicAnswers.FILTER_PROMPT_MARKER));
        }
        long sheetId = app.sandbox().smartsheet().createSheet(null, "All filtered", AnalysisSheets.COLUMNS, rows);

        JsonNode done = run(sheetId);

        assertThat(done.path("status").asText()).isEqualTo("failed");
        assertThat(done.path("reason").asText()).contains("rows failed").contains("above the limit of 50%")
                .contains("content_filter");
        assertThat(done.path("processed").asInt()).isLessThan(40);
    }

    private static JsonNode run(long sheetId) {
        String jobId = ToolCalls.ok(client, "start_batch_analysis", Map.of("sheet_id", Long.toString(sheetId),
                "type", "summarize", "sourceColumns", List.of("Feedback"), "targetColumn", "Summary", "batchSize", 10))
                .path("jobId").asText();
        return Jobs.awaitFinished(client, jobId);
    }
}
