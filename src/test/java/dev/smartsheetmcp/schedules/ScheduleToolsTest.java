package dev.smartsheetmcp.schedules;

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
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Schedules through an MCP client: the tools, firings on a fast cron, incremental runs. The skip
 * while a previous run is unfinished is proven route-level in {@link ScheduleFireRouteTest}.
 */
@SandboxApplication(value = "jobs.poll-interval-ms=100", unthrottledModel = true)
class ScheduleToolsTest {

    private static SandboxApp app;
    private static McpSyncClient client;

    @Test
    void createListRunNowReplaceAndDelete() {
        long sheetId = AnalysisSheets.create(app.sandbox().smartsheet(), "Tools", 3);
        JsonNode created = ToolCalls.ok(client, "create_schedule", schedule("nightly", sheetId,
                Map.of("cron", "0 0 2 * * ?", "timeZone", "Europe/Berlin")));
        assertThat(created.path("source").asText()).isEqualTo("tool");
        assertThat(created.path("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(created.path("nextFireTime").asText()).isNotEmpty();
        assertThat(find("nightly").path("cron").asText()).isEqualTo("0 0 2 * * ?");

        JsonNode run = ToolCalls.ok(client, "run_schedule_now", Map.of("name", "nightly"));
        assertThat(run.path("outcome").asText()).isEqualTo("enqueued");
        String jobId = run.path("jobId").asText();
        JsonNode status = Jobs.status(client, jobId);
        assertThat(status.path("schedule").asText()).isEqualTo("nightly");
        JsonNode jobs = ToolCalls.ok(client, "list_jobs", Map.of("schedule", "nightly"));
        assertThat(jobs.path("count").asInt()).isEqualTo(1);
        assertThat(jobs.path("jobs").get(0).path("jobId").asText()).isEqualTo(jobId);
        JsonNode listed = find("nightly");
        assertThat(listed.path("lastFiring").path("outcome").asText()).isEqualTo("enqueued");
        assertThat(listed.path("lastFiring").path("firedBy").asText()).isEqualTo("manual");
        assertThat(listed.path("lastJob").path("jobId").asText()).isEqualTo(jobId);

        assertThat(ToolCalls.error(client, "create_schedule", schedule("nightly", sheetId, Map.of())))
                .contains("'name'").contains("exists already").contains("replace");
        JsonNode replaced = ToolCalls.ok(client, "create_schedule", schedule("nightly", sheetId,
                Map.of("cron", "0 30 4 * * ?", "replace", true)));
        assertThat(replaced.path("cron").asText()).isEqualTo("0 30 4 * * ?");
        assertThat(replaced.path("timeZone").asText()).isEqualTo("UTC");
        assertThat(replaced.path("firings").path("enqueued").asInt()).as("history kept").isEqualTo(1);

        assertThat(ToolCalls.ok(client, "delete_schedule", Map.of("name", "nightly")).path("deleted").asBoolean()).isTrue();
        assertThat(names()).doesNotContain("nightly");
        assertThat(ToolCalls.error(client, "delete_schedule", Map.of("name", "nightly"))).contains("'name'").contains("no schedule");
        assertThat(ToolCalls.error(client, "run_schedule_now", Map.of("name", "nightly"))).contains("'name'");
        assertThat(ToolCalls.ok(client, "list_jobs", Map.of("schedule", "nightly")).path("count").asInt())
                .as("its jobs stay").isEqualTo(1);
    }

    @Test
    void invalidCronTimeZoneOrAnalysisIsRefusedAndNothingIsStored() {
        long sheetId = AnalysisSheets.create(app.sandbox().smartsheet(), "Invalid", 2);
        Set<String> before = names();

        assertThat(ToolCalls.error(client, "create_schedule", schedule("bad", sheetId, Map.of("cron", "every night"))))
                .contains("'cron'").contains("not a valid Quartz cron expression");
        assertThat(ToolCalls.error(client, "create_schedule", schedule("bad", sheetId, Map.of("cron", "0 0 25 * * ?"))))
                .contains("'cron'");
        assertThat(ToolCalls.error(client, "create_schedule", schedule("bad", sheetId, Map.of("cron", "0 0 0 1 1 ? 2001"))))
                .contains("'cron'").contains("never fires again");
        assertThat(ToolCalls.error(client, "create_schedule", schedule("bad", sheetId, Map.of("timeZone", "Mars/Olympus"))))
                .contains("'timeZone'").contains("Mars/Olympus").contains("IANA");
        assertThat(ToolCalls.error(client, "create_schedule", schedule("bad", sheetId, Map.of("sourceColumns", List.of("Nope")))))
                .contains("sourceColumns[0]");
        assertThat(ToolCalls.error(client, "create_schedule", schedule("bad", 9_999_999_999L, Map.of())))
                .contains("1006");

        assertThat(names()).isEqualTo(before);
    }

    /**
     * Every firing in the window is recorded once, as one enqueued job or (when the previous job
     * has not finished yet, as on a busy machine) as a skip: never two jobs for one firing.
     */
    @Test
    void aFastCronEnqueuesOneJobPerFiring() {
        long sheetId = AnalysisSheets.create(app.sandbox().smartsheet(), "Fast", 1);
        long start = System.currentTimeMillis();
        ToolCalls.ok(client, "create_schedule", schedule("every-2s", sheetId, Map.of("cron", "*/2 * * * * ?")));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> find("every-2s").path("firings").path("enqueued").asInt() >= 3);
        ToolCalls.ok(client, "create_schedule", schedule("every-2s", sheetId,
                Map.of("cron", "*/2 * * * * ?", "enabled", false, "replace", true)));
        long windowSeconds = (System.currentTimeMillis() - start + 999) / 1000;

        JsonNode schedule = find("every-2s");
        assertThat(schedule.has("nextFireTime")).as("disabled: no trigger").isFalse();
        JsonNode firings = schedule.path("firings");
        JsonNode jobs = ToolCalls.ok(client, "list_jobs", Map.of("schedule", "every-2s", "limit", 500)).path("jobs");
        Set<String> jobIds = new HashSet<>();
        jobs.forEach(job -> jobIds.add(job.path("jobId").asText()));
        assertThat(firings.path("failed").asInt()).isZero();
        assertThat(jobIds).hasSize(jobs.size()).hasSize(firings.path("enqueued").asInt());
        assertThat(total(firings)).as("one firing per 2 s cron time in " + windowSeconds + " s")
                .isLessThanOrEqualTo((int) (windowSeconds / 2 + 1));
        await().atMost(Duration.ofSeconds(60)).until(() -> ToolCalls.ok(client, "list_jobs",
                Map.of("schedule", "every-2s", "status", "completed", "limit", 500)).path("count").asInt() == jobIds.size());
    }

    /** A nightly schedule's runs: the first analyses everything, the next only what changed, a person's edit survives. */
    @Test
    void scheduledRunsAreIncrementalUnlessAFullRerunIsAskedFor() {
        SmartsheetEmulator smartsheet = app.sandbox().smartsheet();
        AzureOpenAiEmulator azure = app.sandbox().azure();
        String deployment = app.sandbox().applicationProperties().get("azure.deployment");
        long sheetId = AnalysisSheets.create(smartsheet, "Nightly", 200);
        ToolCalls.ok(client, "create_schedule", schedule("nightly-incremental", sheetId, Map.of()));

        JsonNode first = runNow("nightly-incremental", false);
        assertThat(first.path("incremental").asBoolean()).isTrue();
        assertThat(first.path("written").asInt()).isEqualTo(200);

        List<Long> changed = smartsheet.changeText(sheetId, "Feedback", 0.01, 11);
        long edited = smartsheet.rowIds(sheetId).stream().filter(id -> !changed.contains(id)).findFirst().orElseThrow();
        smartsheet.editCellAsPerson(sheetId, edited, "Summary", "Checked by a person");
        smartsheet.resetCounters();
        azure.resetCounters();
        JsonNode second = runNow("nightly-incremental", false);
        assertThat(changed).hasSize(2);
        assertThat(second.path("written").asInt()).isEqualTo(2);
        assertThat(second.path("edited_by_person").asInt()).isEqualTo(1);
        assertThat(second.path("unchanged").asInt()).isEqualTo(197);
        assertThat(azure.completionCount(deployment)).isEqualTo(second.path("cache_misses").asInt()).isLessThanOrEqualTo(2);
        for (Long rowId : smartsheet.rowIds(sheetId)) {
            assertThat(smartsheet.cellWriteCount(sheetId, rowId, "Summary")).isEqualTo(changed.contains(rowId) ? 1 : 0);
        }
        assertThat(smartsheet.cellValue(sheetId, edited, "Summary")).isEqualTo("Checked by a person");

        azure.resetCounters();
        JsonNode full = runNow("nightly-incremental", true);
        assertThat(full.path("incremental").asBoolean()).isFalse();
        assertThat(full.path("written").asInt()).isEqualTo(200);
        assertThat(azure.completionCount(deployment)).as("every answer from the cache").isZero();
    }

    private static JsonNode runNow(String name, boolean fullRerun) {
        String jobId = ToolCalls.ok(client, "run_schedule_now", Map.of("name", name, "fullRerun", fullRerun))
                .path("jobId").asText();
        return Jobs.awaitCompleted(client, jobId, Duration.ofMinutes(2));
    }

    private static Map<String, Object> schedule(String name, long sheetId, Map<String, Object> overrides) {
        Map<String, Object> arguments = new HashMap<>(Map.of("name", name, "cron", "0 0 2 * * ?",
                "sheet_id", Long.toString(sheetId), "type", "summarize", "sourceColumns", List.of("Feedback"),
                "targetColumn", "Summary"));
        arguments.putAll(overrides);
        return arguments;
    }

    private static JsonNode find(String name) {
        for (JsonNode schedule : ToolCalls.ok(client, "list_schedules", Map.of()).path("schedules")) {
            if (schedule.path("name").asText().equals(name)) return schedule;
        }
        throw new AssertionError("no schedule " + name);
    }

    private static Set<String> names() {
        Set<String> names = new HashSet<>();
        ToolCalls.ok(client, "list_schedules", Map.of()).path("schedules").forEach(s -> names.add(s.path("name").asText()));
        return names;
    }

    private static int total(JsonNode firings) {
        return firings.path("enqueued").asInt() + firings.path("skipped").asInt() + firings.path("failed").asInt();
    }
}
