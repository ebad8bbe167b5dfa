package dev.smartsheetmcp.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.analysis.prompts.AnalysisType;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.Jobs;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With faults injected on both upstreams, a job still writes every row exactly once. */
class BatchAnalysisFaultsTest {

    @Test
    void everyRowIsWrittenExactlyOnceDespite429s5xxSlowAndMalformedAnswers() throws Exception {
        Map<String, String> settings = new HashMap<>();
        for (String upstream : List.of("smartsheet", "azure")) {
            settings.put("sandbox." + upstream + ".fault.rate-limit", "0.10");
            settings.put("sandbox." + upstream + ".fault.server-error", "0.05");
            settings.put("sandbox." + upstream + ".fault.slow", "0.02");
            settings.put("sandbox." + upstream + ".fault.malformed", "0.01");
            settings.put("sandbox." + upstream + ".fault.slow-ms", "2500");
            settings.put(upstream + ".http.response-timeout-ms", "1500");
            settings.put(upstream + ".retry.initial-delay-ms", "50");
            settings.put(upstream + ".retry.max-delay-ms", "1000");
            settings.put(upstream + ".retry.max-retries", "12");
        }
        // each 429 holds the deployment's calls for its retry-after-ms: 1 s each would make this a minute's wait
        settings.put("sandbox.azure.fault.retry-after-ms", "100");
        settings.put("jobs.poll-interval-ms", "200");
        try (SandboxApp app = SandboxApp.start(SandboxApp.unthrottledModel(settings)); McpSyncClient client = app.mcpClient()) {
            SmartsheetEmulator smartsheet = app.sandbox().smartsheet();
            long sheetId = AnalysisSheets.create(smartsheet, "Faults", 400);

            JsonNode started = ToolCalls.ok(client, "start_batch_analysis", Map.of("sheet_id", Long.toString(sheetId),
                    "type", "summarize", "sourceColumns", List.of("Feedback"), "targetColumn", "Summary", "batchSize", 5));
            JsonNode done = Jobs.awaitFinished(client, started.path("jobId").asText());

            assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
            assertThat(done.path("written").asInt()).as(done.toString()).isEqualTo(400);
            List<Long> rows = smartsheet.rowIds(sheetId);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(smartsheet.cellValue(sheetId, rows.get(i), "Summary"))
                        .isEqualTo(AnalysisSheets.expectedAnswer(AnalysisType.SUMMARIZE, AnalysisSheets.feedback(i)));
                assertThat(smartsheet.cellWriteCount(sheetId, rows.get(i), "Summary")).as("writes of row " + i).isEqualTo(1);
            }
            String deployment = app.context().resolvePropertyPlaceholders("{{azure.deployment}}");
            assertThat(smartsheet.rateLimitedCount()).as("429s Smartsheet answered").isPositive();
            assertThat(app.sandbox().azure().rateLimitedCount(deployment)).as("429s Azure answered").isPositive();
        }
    }
}
