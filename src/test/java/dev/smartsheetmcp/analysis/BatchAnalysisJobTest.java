package dev.smartsheetmcp.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.analysis.prompts.AnalysisType;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.Jobs;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.SandboxApplication;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** start_batch_analysis end to end: queue, claim, batches, bulk write-back, status. */
@SandboxApplication(value = "jobs.poll-interval-ms=200", unthrottledModel = true)
class BatchAnalysisJobTest {

    private static SandboxApp app;
    private static McpSyncClient client;

    @Test
    void aThousandRowJobWritesTheEmulatorsAnswerIntoEveryTargetCell() {
        SmartsheetEmulator smartsheet = app.sandbox().smartsheet();
        long sheetId = AnalysisSheets.create(smartsheet, "Thousand", 1_000);
        smartsheet.resetCounters();

        JsonNode started = ToolCalls.ok(client, "start_batch_analysis", Map.of("sheet_id", Long.toString(sheetId),
                "type", "summarize", "sourceColumns", List.of("Feedback"), "targetColumn", "Summary", "batchSize", 250));
        JsonNode done = Jobs.awaitFinished(client, started.path("jobId").asText());

        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("written").asInt()).isEqualTo(1_000);
        assertThat(done.path("failed").asInt()).isZero();
        List<Long> rows = smartsheet.rowIds(sheetId);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(smartsheet.cellValue(sheetId, rows.get(i), "Summary"))
                    .isEqualTo(AnalysisSheets.expectedAnswer(AnalysisType.SUMMARIZE, AnalysisSheets.feedback(i)));
            assertThat(smartsheet.cellWriteCount(sheetId, rows.get(i), "Summary")).isEqualTo(1);
        }
        assertThat(smartsheet.requestCount("PUT /sheets/{sheetId}/rows")).isEqualTo(4);
        assertThat(smartsheet.requestCount("GET /sheets/{sheetId}")).isEqualTo(1);
    }

    @Test
    void invalidRequestsAreRefusedBeforeAJobIsCreated() {
        long sheetId = AnalysisSheets.create(app.sandbox().smartsheet(), "Invalid", 3);
        String sheet = Long.toString(sheetId);
        int jobsBefore = jobCount();

        assertThat(ToolCalls.error(client, "start_batch_analysis", args(Map.of("sheet_id", "9999999999999999"))))
                .contains("1006");
        assertThat(ToolCalls.error(client, "start_batch_analysis", args(Map.of("sheet_id", sheet, "sourceColumns", List.of("Nope")))))
                .contains("sourceColumns[0]").contains("Nope");
        assertThat(ToolCalls.error(client, "start_batch_analysis", args(Map.of("sheet_id", sheet, "targetColumn", "Created"))))
                .contains("targetColumn").contains("system column");
        assertThat(ToolCalls.error(client, "start_batch_analysis", args(Map.of("sheet_id", sheet, "targetColumn", "Length"))))
                .contains("targetColumn").contains("formula");
        assertThat(ToolCalls.error(client, "start_batch_analysis", args(Map.of("sheet_id", sheet, "type", "custom", "customGoal", " "))))
                .contains("customGoal");
        assertThat(ToolCalls.error(client, "start_batch_analysis", args(Map.of("sheet_id", sheet, "batchSize", 501))))
                .contains("batchSize");
        assertThat(ToolCalls.error(client, "start_batch_analysis", args(Map.of("sheet_id", sheet, "batchSize", 0))))
                .contains("batchSize");
        assertThat(jobCount()).isEqualTo(jobsBefore);
    }

    @Test
    void unknownJobIdIsAClearError() {
        assertThat(ToolCalls.error(client, "get_job_status", Map.of("jobId", "no-such-job"))).contains("jobId");
    }

    private static Map<String, Object> args(Map<String, Object> overrides) {
        Map<String, Object> arguments = new HashMap<>(Map.of("type", "summarize", "sourceColumns", List.of("Feedback"),
                "targetColumn", "Summary"));
        arguments.putAll(overrides);
        return arguments;
    }

    private static int jobCount() {
        return ToolCalls.ok(client, "list_jobs", Map.of("limit", 500)).path("count").asInt();
    }
}
