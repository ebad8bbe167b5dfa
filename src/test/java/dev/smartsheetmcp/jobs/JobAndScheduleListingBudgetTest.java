package dev.smartsheetmcp.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.SandboxApplication;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** list_jobs and list_schedules answer within max_chars and continue with a cursor. */
@SandboxApplication(value = "jobs.poll-interval-ms=100", unthrottledModel = true)
class JobAndScheduleListingBudgetTest {

    private static SandboxApp app;
    private static McpSyncClient client;
    private static String sheetId;
    private static final List<String> JOB_IDS = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        sheetId = Long.toString(AnalysisSheets.create(app.sandbox().smartsheet(), "Budgeted jobs", 2));
        for (int i = 0; i < 12; i++) {
            JOB_IDS.add(0, ToolCalls.ok(client, "start_batch_analysis", analysis(Map.of())).path("jobId").asText());
        }
        for (int i = 0; i < 10; i++) {
            Map<String, Object> schedule = analysis(Map.of("name", "budget-" + (char) ('a' + i), "cron", "0 0 2 1 1 ? 2099"));
            ToolCalls.ok(client, "create_schedule", schedule);
        }
    }

    @Test
    void listJobsPagesNewestFirstWithinTheBudgetWithoutDuplicateOrGap() {
        Map<String, Object> filter = Map.of("sheet_id", sheetId);
        JsonNode whole = ToolCalls.ok(client, "list_jobs", filter);
        assertThat(whole.has("cursor")).isFalse();
        List<String> newestFirst = ids(List.of(whole), "jobs", "jobId");
        assertThat(newestFirst).containsExactlyInAnyOrderElementsOf(JOB_IDS);

        Map<String, Object> firstCall = new HashMap<>(filter);
        firstCall.put("max_chars", 2000);
        JsonNode first = ToolCalls.okWithin(client, "list_jobs", firstCall, 2000);
        // a job queued between pages goes on top: the next pages continue below the last job answered
        ToolCalls.ok(client, "start_batch_analysis", analysis(Map.of()));
        Map<String, Object> rest = new HashMap<>(filter);
        rest.put("cursor", first.path("cursor").asText());
        List<JsonNode> pages = new ArrayList<>(List.of(first));
        pages.addAll(ToolCalls.pages(client, "list_jobs", rest, 2000));

        assertThat(pages).hasSizeGreaterThan(3);
        assertThat(ids(pages, "jobs", "jobId")).isEqualTo(newestFirst);
        pages.forEach(page -> assertThat(page.path("count").asInt()).isEqualTo(page.path("jobs").size()));
        assertThat(pages.get(0).path("total_count").asInt()).isEqualTo(12);
    }

    @Test
    void listJobsStopsAtItsLimitAcrossPages() {
        List<JsonNode> pages = ToolCalls.pages(client, "list_jobs", Map.of("sheet_id", sheetId, "limit", 5), 2000);

        assertThat(ids(pages, "jobs", "jobId")).hasSize(5).doesNotHaveDuplicates();
        assertThat(pages.get(0).path("total_count").asInt()).isEqualTo(5);
    }

    @Test
    void listSchedulesPagesByNameWithinTheBudgetWithoutDuplicateOrGap() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 10; i++) expected.add("budget-" + (char) ('a' + i));

        List<JsonNode> pages = ToolCalls.pages(client, "list_schedules", Map.of(), 1500);

        assertThat(pages).hasSizeGreaterThan(3);
        assertThat(ids(pages, "schedules", "name")).isEqualTo(expected);
        pages.forEach(page -> assertThat(page.path("total_count").asInt()).isEqualTo(10));
    }

    @Test
    void aForeignGarbledOrStaleCursorIsAnErrorNamingCursor() {
        ToolCalls.ok(client, "create_schedule", analysis(Map.of("name", "aa-stale", "cron", "0 0 2 1 1 ? 2099")));
        JsonNode first = ToolCalls.ok(client, "list_schedules", Map.of("max_chars", 1000));
        ToolCalls.ok(client, "delete_schedule", Map.of("name", "aa-stale"));
        String cursor = first.path("cursor").asText();

        assertThat(first.path("schedules").findValuesAsText("name")).containsExactly("aa-stale");
        assertThat(ToolCalls.error(client, "list_schedules", Map.of("cursor", cursor)))
                .startsWith("Invalid argument 'cursor': is stale: the schedule the previous page ended with no longer exists");
        assertThat(ToolCalls.error(client, "list_jobs", Map.of("cursor", cursor)))
                .startsWith("Invalid argument 'cursor': comes from another tool ('list_schedules')");
        assertThat(ToolCalls.error(client, "list_jobs", Map.of("cursor", "%%%")))
                .startsWith("Invalid argument 'cursor'");
    }

    private static Map<String, Object> analysis(Map<String, Object> more) {
        Map<String, Object> arguments = new HashMap<>(Map.of("sheet_id", sheetId, "type", "summarize",
                "sourceColumns", List.of("Feedback"), "targetColumn", "Summary"));
        arguments.putAll(more);
        return arguments;
    }

    private static List<String> ids(List<JsonNode> pages, String field, String key) {
        List<String> ids = new ArrayList<>();
        pages.forEach(page -> page.path(field).forEach(item -> ids.add(item.path(key).asText())));
        return ids;
    }
}
