package dev.smartsheetmcp.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.smartsheetmcp.sandbox.FaultInjector;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /health, /health/live and /health/ready from Camel's health checks, as a load balancer or orchestrator reads them. */
class HealthEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SandboxApp app;
    private SmartsheetEmulator standalone;

    @AfterEach
    void stop() throws Exception {
        if (app != null) app.close();
        if (standalone != null) standalone.close();
    }

    @Test
    void readinessListsEveryCheckLivenessTheContextAndHealthStaysOk() throws Exception {
        app = SandboxApp.start();

        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode readiness = JSON.readTree(ready.body());
        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(ids(readiness)).containsExactly("azure-openai", "circuit-breakers", "context", "job-store", "smartsheet");
        assertThat(check(readiness, "circuit-breakers").path("details").path("smartsheet").asText()).isEqualTo("CLOSED");
        assertThat(check(readiness, "azure-openai").path("message").asText()).isEqualTo("no call yet");

        HttpResponse<String> live = get("/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(ids(JSON.readTree(live.body()))).containsExactly("context");

        JsonNode health = JSON.readTree(get("/health").body());
        assertThat(health.path("status").asText()).isEqualTo("ok");
        assertThat(health.path("ready").asBoolean()).isTrue();
        assertThat(health.path("checks").path("job-store").asText()).isEqualTo("UP");
    }

    @Test
    void readinessIsDownWhileTheSmartsheetCircuitIsOpenAndUpAgainAfterRecovery() throws Exception {
        app = SandboxApp.start(Map.of(
                "smartsheet.retry.max-retries", "1",
                "smartsheet.retry.initial-delay-ms", "20",
                "smartsheet.circuit.sliding-window-size", "4",
                "smartsheet.circuit.minimum-calls", "4",
                "smartsheet.circuit.open-seconds", "2",
                // every call passes the breaker, none is answered from kept columns
                "smartsheet.metadata-cache.ttl-ms", "0"));
        SmartsheetEmulator smartsheet = app.sandbox().smartsheet();
        Map<String, Object> arguments = Map.of("sheet_id", Long.toString(app.sandbox().demo().sheetId()));
        try (McpSyncClient client = app.mcpClient()) {
            smartsheet.faults().serverErrorRate(1.0);
            for (int i = 0; i < 4; i++) ToolCalls.error(client, "get_column_map", arguments);
            // while open, a tool call is answered at once with a clear error (moved from SmartsheetClientResilienceTest)
            assertThat(ToolCalls.error(client, "get_column_map", arguments)).contains("'smartsheet' is temporarily unavailable");

            HttpResponse<String> ready = get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            JsonNode readiness = JSON.readTree(ready.body());
            assertThat(readiness.path("status").asText()).isEqualTo("DOWN");
            assertThat(check(readiness, "circuit-breakers").path("state").asText()).isEqualTo("DOWN");
            assertThat(check(readiness, "circuit-breakers").path("message").asText()).contains("smartsheet");
            assertThat(check(readiness, "smartsheet").path("state").asText()).isEqualTo("DOWN");
            assertThat(check(readiness, "smartsheet").path("details").path("last_failure_cause").asText())
                    .contains("SmartsheetUnavailableException");
            assertThat(check(readiness, "job-store").path("state").asText()).isEqualTo("UP");

            HttpResponse<String> health = get("/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("ok");
            assertThat(JSON.readTree(health.body()).path("ready").asBoolean()).isFalse();
            assertThat(health.body()).contains("\"smartsheet\":\"OPEN\"");
            assertThat(get("/health/live").statusCode()).isEqualTo(200);

            smartsheet.faults().clearFaults();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                ToolCalls.call(client, "get_column_map", arguments);
                assertThat(get("/health/ready").statusCode()).isEqualTo(200);
            });
            JsonNode recovered = JSON.readTree(get("/health/ready").body());
            assertThat(check(recovered, "smartsheet").path("message").asText()).isEqualTo("the last call succeeded");
            assertThat(check(recovered, "smartsheet").path("details").has("last_failure")).isTrue();
            for (int i = 0; i < 5; i++) ToolCalls.ok(client, "get_column_map", arguments);
            assertThat(get("/health").body()).as("closed after the half-open trial calls")
                    .contains("\"smartsheet\":\"CLOSED\"").contains("\"ready\":true");
        }
    }

    @Test
    void readinessIsDownWhenTheJobStoreIsUnreachable() throws Exception {
        app = SandboxApp.start(Map.of("metrics.enabled", "false"));
        assertThat(get("/metrics").statusCode()).as("metrics.enabled=false hides /metrics").isEqualTo(404);
        app.context().getRegistry().lookupByNameAndType("jobsDataSource", HikariDataSource.class).close();

        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        JsonNode jobStore = check(JSON.readTree(ready.body()), "job-store");
        assertThat(jobStore.path("state").asText()).isEqualTo("DOWN");
        assertThat(jobStore.path("message").asText()).startsWith("the job store did not answer");
        JsonNode health = JSON.readTree(get("/health").body());
        assertThat(health.path("status").asText()).isEqualTo("ok");
        assertThat(health.path("checks").path("job-store").asText()).isEqualTo("DOWN");
    }

    @Test
    void withoutAzureOpenAiSettingsReadinessIsUpAndAnalysisIsRefused() throws Exception {
        standalone = new SmartsheetEmulator(new FaultInjector(5), 300).addToken("smartsheet-only-token");
        standalone.start(0, 8);
        long sheetId = standalone.seedDemo().sheetId();
        app = SandboxApp.start(Map.of("sandbox.enabled", "false", "smartsheet.base-url", standalone.baseUrl(),
                "smartsheet.api-key", "smartsheet-only-token", "azure.api-base", "", "azure.api-key", "",
                "azure.deployment", "", "azure.fallback-deployment", ""));
        try (McpSyncClient client = app.mcpClient()) {
            ToolCalls.ok(client, "get_column_map", Map.of("sheet_id", Long.toString(sheetId)));
            assertThat(ToolCalls.error(client, "start_batch_analysis", Map.of("sheet_id", Long.toString(sheetId),
                    "type", "summarize", "sourceColumns", List.of("Feedback"), "targetColumn", "Summary")))
                    .contains("AZURE_OPENAI_API_BASE");
        }

        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode readiness = JSON.readTree(ready.body());
        assertThat(check(readiness, "azure-openai").path("state").asText()).isEqualTo("UP");
        assertThat(check(readiness, "smartsheet").path("message").asText()).isEqualTo("the last call succeeded");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> ids(JsonNode report) {
        List<String> ids = new ArrayList<>();
        report.path("checks").forEach(check -> ids.add(check.path("id").asText()));
        return ids;
    }

    private static JsonNode check(JsonNode report, String id) {
        for (JsonNode check : report.path("checks")) {
            if (check.path("id").asText().equals(id)) return check;
        }
        throw new AssertionError("no check " + id + " in " + report);
    }
}
