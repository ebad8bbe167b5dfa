package dev.smartsheetmcp.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.app.Application;
import dev.smartsheetmcp.testing.AppProcess;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

/** Schedules defined as schedules.<name>.* properties: listed, fired, protected from the tools, checked at start. */
class ConfiguredSchedulesTest {

    @Test
    void aConfiguredScheduleIsListedFiresAndIsRemovedWithItsConfiguration() throws Exception {
        long demoSheet;
        String dataDir = Files.createTempDirectory("configured-schedules").toString();
        try (SandboxApp first = SandboxApp.start(Map.of("data.dir", dataDir))) {
            demoSheet = first.sandbox().demo().sheetId();
        }
        Map<String, String> settings = new HashMap<>(Map.of("data.dir", dataDir, "jobs.poll-interval-ms", "100",
                "schedules.feedback.summary.cron", "*/2 * * * * ?",
                "schedules.feedback.summary.time-zone", "Europe/Berlin",
                "schedules.feedback.summary.sheet-id", Long.toString(demoSheet),
                "schedules.feedback.summary.type", "summarize",
                "schedules.feedback.summary.source-columns", "Feedback, Channel",
                "schedules.feedback.summary.target-column", "Summary",
                "schedules.feedback.summary.priority", "5"));
        try (SandboxApp app = SandboxApp.start(SandboxApp.unthrottledModel(settings)); McpSyncClient client = app.mcpClient()) {
            assertThat(app.sandbox().demo().sheetId()).as("the same demo sheet").isEqualTo(demoSheet);
            JsonNode schedule = only(client);
            assertThat(schedule.path("name").asText()).isEqualTo("feedback.summary");
            assertThat(schedule.path("source").asText()).isEqualTo("config");
            assertThat(schedule.path("timeZone").asText()).isEqualTo("Europe/Berlin");
            assertThat(schedule.path("sourceColumns").toString()).isEqualTo("[\"Feedback\",\"Channel\"]");
            assertThat(schedule.path("priority").asInt()).isEqualTo(5);
            assertThat(schedule.path("nextFireTime").asText()).isNotEmpty();

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> only(client).path("firings").path("enqueued").asInt() >= 1);
            JsonNode job = ToolCalls.ok(client, "list_jobs", Map.of("schedule", "feedback.summary")).path("jobs").get(0);
            assertThat(job.path("schedule").asText()).isEqualTo("feedback.summary");
            assertThat(job.path("priority").asInt()).isEqualTo(5);

            assertThat(ToolCalls.error(client, "delete_schedule", Map.of("name", "feedback.summary")))
                    .contains("defined in the configuration").contains("schedules.feedback.summary.*");
            assertThat(ToolCalls.error(client, "create_schedule", Map.of("name", "feedback.summary", "cron", "0 0 1 * * ?",
                    "sheet_id", Long.toString(demoSheet), "type", "summarize", "sourceColumns", List.of("Feedback"),
                    "targetColumn", "Summary", "replace", true))).contains("defined in the configuration");
        }
        try (SandboxApp app = SandboxApp.start(Map.of("data.dir", dataDir)); McpSyncClient client = app.mcpClient()) {
            assertThat(ToolCalls.ok(client, "list_schedules", Map.of()).path("count").asInt())
                    .as("no longer configured: deleted at start").isZero();
            assertThat(ToolCalls.ok(client, "list_jobs", Map.of("schedule", "feedback.summary")).path("count").asInt())
                    .as("its jobs stay").isPositive();
        }
    }

    @Test
    void aBadConfiguredCronOrTimeZoneStopsTheStartNamingTheProperty() throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("sandbox.enabled", "true", "mcp.transport", "http",
                "http.port", Integer.toString(AppProcess.freePort()),
                "data.dir", Files.createTempDirectory("bad-schedules").toString(),
                "schedules.nightly.cron", "0 0 24 * * ?", "schedules.nightly.time-zone", "Europe/Atlantis",
                "schedules.nightly.sheet-id", "123", "schedules.nightly.type", "summarize",
                "schedules.nightly.source-columns", "Feedback", "schedules.nightly.target-column", "Summary"));
        settings.put("schedules.misfire-policy", "sometimes");
        settings.put("schedules.nightly.mode", "weekly");
        Main main = Application.create(settings);

        assertThatThrownBy(main::run).satisfies(error -> assertThat(rootMessage(error))
                .contains("schedules.nightly.cron: is not a valid Quartz cron expression")
                .contains("schedules.nightly.time-zone: is not an IANA time zone id")
                .contains("schedules.misfire-policy: must be run-once or skip")
                .contains("schedules.nightly.mode: must be online or batch"));
    }

    private static JsonNode only(McpSyncClient client) {
        JsonNode list = ToolCalls.ok(client, "list_schedules", Map.of());
        assertThat(list.path("count").asInt()).isEqualTo(1);
        return list.path("schedules").get(0);
    }

    private static String rootMessage(Throwable error) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) messages.append(cause.getMessage()).append('\n');
        return messages.toString();
    }
}
