package dev.smartsheetmcp.analysis;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Incremental runs (only changed rows go to the model and are written; a person's edits stay) and
 * the answer cache (identical text answered once, within a job and across jobs).
 */
@SandboxApplication(value = "jobs.poll-interval-ms=100", unthrottledModel = true)
class IncrementalAnalysisTest {

    private static SandboxApp app;
    private static McpSyncClient client;
    private SmartsheetEmulator smartsheet;
    private AzureOpenAiEmulator azure;
    private String deployment;

    @BeforeEach
    void emulators() {
        smartsheet = app.sandbox().smartsheet();
        azure = app.sandbox().azure();
        deployment = app.sandbox().applicationProperties().get("azure.deployment");
    }

    @Test
    void afterAFullRunAnIncrementalRunSendsAndWritesOnlyTheChangedRows() {
        long sheetId = AnalysisSheets.create(smartsheet, "Incremental", 1_000);
        JsonNode full = run(sheetId, Map.of("batchSize", 250));
        assertThat(full.path("written").asInt()).isEqualTo(1_000);
        assertThat(full.path("incremental").asBoolean()).isFalse();

        List<Long> changed = smartsheet.changeText(sheetId, "Feedback", 0.01, 5);
        Set<String> newTexts = new HashSet<>();
        changed.forEach(rowId -> newTexts.add((String) smartsheet.cellValue(sheetId, rowId, "Feedback")));
        resetCounters();

        JsonNode incremental = run(sheetId, Map.of("batchSize", 250, "incremental", true));

        assertThat(changed).hasSize(10);
        assertThat(incremental.path("status").asText()).isEqualTo("completed");
        assertThat(incremental.path("written").asInt()).isEqualTo(10);
        assertThat(incremental.path("unchanged").asInt()).isEqualTo(990);
        assertThat(incremental.path("skipped").asInt()).isEqualTo(990);
        assertThat(incremental.path("skipped_by_reason").path("unchanged since last run").asInt()).isEqualTo(990);
        assertThat(incremental.path("edited_by_person").asInt()).isZero();
        assertThat(azure.completionCount(deployment)).as("one model call per distinct new text")
                .isEqualTo(newTexts.size()).isEqualTo(incremental.path("cache_misses").asInt());
        assertThat(incremental.path("cache_hits").asInt()).as("rows sharing a new text with another changed row")
                .isEqualTo(changed.size() - newTexts.size());
        assertThat(smartsheet.requestCount("PUT /sheets/{sheetId}/rows")).isEqualTo(1);
        assertThat(smartsheet.requestCount("GET /sheets/{sheetId}")).isEqualTo(1);
        for (Long rowId : smartsheet.rowIds(sheetId)) {
            assertThat(smartsheet.cellWriteCount(sheetId, rowId, "Summary")).isEqualTo(changed.contains(rowId) ? 1 : 0);
        }
        for (Long rowId : changed) {
            assertThat(smartsheet.cellValue(sheetId, rowId, "Summary")).isEqualTo(AnalysisSheets.expectedAnswer(
                    AnalysisType.SUMMARIZE, (String) smartsheet.cellValue(sheetId, rowId, "Feedback")));
        }
    }

    @Test
    void duplicateTextIsAnsweredFromTheCacheWithinAJobAndAcrossJobs() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) rows.add(Map.of("Ticket", "T-" + i, "Feedback", AnalysisSheets.feedback(i % 12)));
        long sheetId = smartsheet.createSheet(null, "Duplicates", AnalysisSheets.COLUMNS, rows);
        resetCounters();

        JsonNode first = run(sheetId, Map.of("batchSize", 25));

        assertThat(first.path("written").asInt()).isEqualTo(60);
        assertThat(azure.completionCount(deployment)).isEqualTo(12);
        assertThat(first.path("cache_misses").asInt()).isEqualTo(12);
        assertThat(first.path("cache_hits").asInt()).isEqualTo(48);
        List<Long> ids = smartsheet.rowIds(sheetId);
        for (int i = 0; i < 60; i++) {
            assertThat(smartsheet.cellValue(sheetId, ids.get(i), "Summary"))
                    .isEqualTo(AnalysisSheets.expectedAnswer(AnalysisType.SUMMARIZE, AnalysisSheets.feedback(i % 12)));
        }

        resetCounters();
        JsonNode second = run(sheetId, Map.of("batchSize", 25));

        assertThat(second.path("written").asInt()).as("a full run writes every row").isEqualTo(60);
        assertThat(azure.completionCount(deployment)).as("every answer from the cache").isZero();
        assertThat(second.path("cache_hits").asInt()).isEqualTo(60);
        assertThat(second.path("cache_misses").asInt()).isZero();
        assertThat(second.path("answered_by").size()).as("no deployment answered").isZero();
    }

    @Test
    void aPersonsEditOfATargetCellSurvivesAnIncrementalRunAndIsOverwrittenOnlyOnRequest() {
        long sheetId = AnalysisSheets.create(smartsheet, "Edited", 30);
        run(sheetId, Map.of());
        long edited = smartsheet.rowIds(sheetId).get(3);
        smartsheet.editCellAsPerson(sheetId, edited, "Summary", "Checked by Ana: shipping issue");
        resetCounters();

        JsonNode kept = run(sheetId, Map.of("incremental", true));

        assertThat(kept.path("written").asInt()).isZero();
        assertThat(kept.path("edited_by_person").asInt()).isEqualTo(1);
        assertThat(kept.path("unchanged").asInt()).isEqualTo(29);
        assertThat(kept.path("skipped_by_reason").path("target edited by a person since we wrote it").asInt()).isEqualTo(1);
        assertThat(kept.path("processed").asInt()).as("no row silently disappears").isEqualTo(30);
        assertThat(smartsheet.cellValue(sheetId, edited, "Summary")).isEqualTo("Checked by Ana: shipping issue");
        assertThat(smartsheet.requestCount("PUT /sheets/{sheetId}/rows")).isZero();
        JsonNode listed = ToolCalls.ok(client, "list_jobs", Map.of("sheet_id", Long.toString(sheetId), "limit", 1))
                .path("jobs").get(0);
        assertThat(listed.path("jobId").asText()).isEqualTo(kept.path("jobId").asText());
        assertThat(listed.path("edited_by_person").asInt()).isEqualTo(1);
        assertThat(listed.path("unchanged").asInt()).isEqualTo(29);

        JsonNode overwritten = run(sheetId, Map.of("incremental", true, "overwriteEdited", true));

        assertThat(overwritten.path("written").asInt()).isEqualTo(1);
        assertThat(overwritten.path("edited_by_person").asInt()).isEqualTo(1);
        assertThat(overwritten.path("overwrite_edited").asBoolean()).isTrue();
        assertThat(smartsheet.cellValue(sheetId, edited, "Summary"))
                .isEqualTo(AnalysisSheets.expectedAnswer(AnalysisType.SUMMARIZE, AnalysisSheets.feedback(3)));
        assertThat(azure.completionCount(deployment)).as("the unchanged text's answer came from the cache").isZero();

        JsonNode after = run(sheetId, Map.of("incremental", true));
        assertThat(after.path("unchanged").asInt()).isEqualTo(30);
        assertThat(after.path("edited_by_person").asInt()).isZero();
    }

    @Test
    void aPersonClearingATargetCellGetsItFilledAgain() {
        long sheetId = AnalysisSheets.create(smartsheet, "Cleared", 10);
        run(sheetId, Map.of());
        long cleared = smartsheet.rowIds(sheetId).get(2);
        smartsheet.editCellAsPerson(sheetId, cleared, "Summary", null);

        JsonNode again = run(sheetId, Map.of("incremental", true));

        assertThat(again.path("written").asInt()).isEqualTo(1);
        assertThat(again.path("unchanged").asInt()).isEqualTo(9);
        assertThat(smartsheet.cellValue(sheetId, cleared, "Summary"))
                .isEqualTo(AnalysisSheets.expectedAnswer(AnalysisType.SUMMARIZE, AnalysisSheets.feedback(2)));
    }

    @Test
    void aChangedAnalysisSpecReanalysesEveryRow() {
        long sheetId = AnalysisSheets.create(smartsheet, "Spec change", 20);
        run(sheetId, Map.of("incremental", true));
        resetCounters();

        JsonNode otherType = run(sheetId, Map.of("incremental", true, "type", "interpret"));
        assertThat(otherType.path("written").asInt()).isEqualTo(20);
        assertThat(otherType.path("unchanged").asInt()).isZero();
        assertThat(azure.completionCount(deployment)).isEqualTo(20);

        JsonNode goalOne = run(sheetId, Map.of("incremental", true, "type", "custom", "customGoal", "Name the product"));
        JsonNode goalTwo = run(sheetId, Map.of("incremental", true, "type", "custom", "customGoal", "Name the team"));
        JsonNode goalTwoAgain = run(sheetId, Map.of("incremental", true, "type", "custom", "customGoal", "Name the team"));

        assertThat(goalOne.path("written").asInt()).isEqualTo(20);
        assertThat(goalTwo.path("written").asInt()).isEqualTo(20);
        assertThat(goalTwoAgain.path("written").asInt()).isZero();
        assertThat(goalTwoAgain.path("unchanged").asInt()).isEqualTo(20);
    }

    @Test
    void incrementalMustBeTrueOrFalse() {
        long sheetId = AnalysisSheets.create(smartsheet, "Bad flag", 2);
        assertThat(ToolCalls.error(client, "start_batch_analysis", arguments(sheetId, Map.of("incremental", "yes"))))
                .contains("incremental");
    }

    private void resetCounters() {
        smartsheet.resetCounters();
        azure.resetCounters();
    }

    private static JsonNode run(long sheetId, Map<String, Object> options) {
        String jobId = ToolCalls.ok(client, "start_batch_analysis", arguments(sheetId, options)).path("jobId").asText();
        JsonNode done = Jobs.awaitFinished(client, jobId);
        assertThat(done.path("status").asText()).isEqualTo("completed");
        return done;
    }

    private static Map<String, Object> arguments(long sheetId, Map<String, Object> options) {
        Map<String, Object> arguments = new HashMap<>(Map.of("sheet_id", Long.toString(sheetId), "type", "summarize",
                "sourceColumns", List.of("Feedback"), "targetColumn", "Summary"));
        arguments.putAll(options);
        return arguments;
    }
}
