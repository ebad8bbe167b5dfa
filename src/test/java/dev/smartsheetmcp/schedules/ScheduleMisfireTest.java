package dev.smartsheetmcp.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The application is down when a schedule's time comes; on restart the misfire policy decides:
 * run-once fires it once at start-up, skip waits for the next regular time.
 */
class ScheduleMisfireTest {

    @Test
    void runOnceFiresAMissedFiringOnceAtStartUp() throws Exception {
        Instant missed = missAFiring("run-once");
        try (SandboxApp app = start("run-once"); McpSyncClient client = app.mcpClient()) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> total(schedule(client).path("firings")) >= 1);
            Thread.sleep(3000);
            JsonNode schedule = schedule(client);
            assertThat(total(schedule.path("firings"))).as("once, not once per missed time").isEqualTo(1);
            JsonNode firing = schedule.path("lastFiring");
            assertThat(firing.path("firedBy").asText()).isEqualTo("cron");
            assertThat(Instant.parse(firing.path("at").asText())).isAfter(missed);
            assertThat(firing.path("outcome").asText()).as(firing.toString()).isEqualTo("enqueued");
            assertThat(Instant.parse(schedule.path("nextFireTime").asText())).isEqualTo(missed.plus(1, ChronoUnit.DAYS));
        }
    }

    @Test
    void skipWaitsForTheNextRegularTime() throws Exception {
        Instant missed = missAFiring("skip");
        try (SandboxApp app = start("skip"); McpSyncClient client = app.mcpClient()) {
            // the scheduler starts once the routes run; it then handles the misfire, moving the trigger on
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                    Instant.parse(schedule(client).path("nextFireTime").asText()).equals(missed.plus(1, ChronoUnit.DAYS)));
            Thread.sleep(2000);
            assertThat(total(schedule(client).path("firings"))).isZero();
        }
    }

    private String dataDir;

    /** Creates a daily schedule due a few seconds from now, stops the application, and waits past that time. */
    private Instant missAFiring(String policy) throws Exception {
        dataDir = Files.createTempDirectory("misfire").toString();
        Instant due;
        try (SandboxApp app = start(policy); McpSyncClient client = app.mcpClient()) {
            // time enough to create the schedule and stop (checked below), not more: the test waits it out
            due = Instant.now().plusSeconds(7).truncatedTo(ChronoUnit.SECONDS);
            ZonedDateTime utc = due.atZone(ZoneOffset.UTC);
            ToolCalls.ok(client, "create_schedule", Map.of("name", "daily", "timeZone", "UTC",
                    "cron", utc.getSecond() + " " + utc.getMinute() + " " + utc.getHour() + " * * ?",
                    "sheet_id", Long.toString(app.sandbox().demo().sheetId()), "type", "sentiment",
                    "sourceColumns", List.of("Feedback"), "targetColumn", "Sentiment"));
            assertThat(Instant.parse(schedule(client).path("nextFireTime").asText())).isEqualTo(due);
        }
        assertThat(Instant.now()).as("stopped before the firing").isBefore(due);
        Thread.sleep(Duration.between(Instant.now(), due).toMillis() + 2000); // past due by more than the 1 s misfire threshold
        return due;
    }

    private SandboxApp start(String policy) throws Exception {
        return SandboxApp.start(SandboxApp.unthrottledModel(Map.of("data.dir", dataDir,
                "schedules.misfire-policy", policy, "schedules.misfire-threshold-ms", "1000")));
    }

    private static JsonNode schedule(McpSyncClient client) {
        return ToolCalls.ok(client, "list_schedules", Map.of()).path("schedules").get(0);
    }

    private static int total(JsonNode firings) {
        return firings.path("enqueued").asInt() + firings.path("skipped").asInt() + firings.path("failed").asInt();
    }
}
