package dev.smartsheetmcp.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.Jobs;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The answer cache keeps to analysis.cache.max-entries and analysis.cache.max-age-hours. */
class AnswerCacheBoundsTest {

    @Test
    void theCacheNeverHoldsMoreThanMaxEntriesAndKeepsTheMostRecentlyUsed() throws Exception {
        try (SandboxApp app = SandboxApp.start(SandboxApp.unthrottledModel(Map.of("jobs.poll-interval-ms", "100",
                "analysis.cache.max-entries", "20")));
             McpSyncClient client = app.mcpClient()) {
            AnswerCache cache = app.context().getRegistry().lookupByNameAndType("answerCache", AnswerCache.class);
            long sheetId = AnalysisSheets.create(app.sandbox().smartsheet(), "Bounded", 60);

            JsonNode first = run(client, sheetId);
            assertThat(first.path("cache_misses").asInt()).isEqualTo(60);
            assertThat(cache.entries()).isEqualTo(20);

            app.sandbox().azure().resetCounters();
            List<String> lastTwenty = app.sandbox().smartsheet().rowIds(sheetId).subList(40, 60).stream()
                    .map(String::valueOf).toList();
            JsonNode recent = run(client, sheetId, Map.of("rowIds", lastTwenty));
            assertThat(recent.path("cache_hits").asInt()).as("the last batches' answers were kept").isEqualTo(20);
            assertThat(app.sandbox().azure().completionCount(app.sandbox().applicationProperties().get("azure.deployment")))
                    .isZero();
            assertThat(cache.entries()).isEqualTo(20);
        }
    }

    @Test
    void answersOlderThanMaxAgeAreAskedAgainAndADisabledCacheStoresNothing() throws Exception {
        try (SandboxApp app = SandboxApp.start(SandboxApp.unthrottledModel(Map.of("jobs.poll-interval-ms", "100",
                "analysis.cache.max-age-hours", "0")));
             McpSyncClient client = app.mcpClient()) {
            long sheetId = AnalysisSheets.create(app.sandbox().smartsheet(), "Aged", 20);
            run(client, sheetId);
            assertThat(run(client, sheetId).path("cache_hits").asInt()).isZero();
        }
        try (SandboxApp app = SandboxApp.start(SandboxApp.unthrottledModel(Map.of("jobs.poll-interval-ms", "100",
                "analysis.cache.enabled", "false")));
             McpSyncClient client = app.mcpClient()) {
            AnswerCache cache = app.context().getRegistry().lookupByNameAndType("answerCache", AnswerCache.class);
            long sheetId = AnalysisSheets.create(app.sandbox().smartsheet(), "Uncached", 20);
            run(client, sheetId);
            assertThat(run(client, sheetId).path("cache_hits").asInt()).isZero();
            assertThat(cache.entries()).isZero();
        }
    }

    private static JsonNode run(McpSyncClient client, long sheetId) {
        return run(client, sheetId, Map.of());
    }

    private static JsonNode run(McpSyncClient client, long sheetId, Map<String, Object> options) {
        Map<String, Object> arguments = new HashMap<>(Map.of("sheet_id", Long.toString(sheetId), "type", "summarize",
                "sourceColumns", List.of("Feedback"), "targetColumn", "Summary", "batchSize", 10));
        arguments.putAll(options);
        String jobId = ToolCalls.ok(client, "start_batch_analysis", arguments).path("jobId").asText();
        JsonNode done = Jobs.awaitFinished(client, jobId);
        assertThat(done.path("status").asText()).isEqualTo("completed");
        return done;
    }
}
