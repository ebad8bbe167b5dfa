package dev.smartsheetmcp.smartsheet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every Smartsheet call passes one throttle, retries and a circuit breaker: 429s and 5xx never reach a client. */
class SmartsheetClientResilienceTest {

    private SandboxApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) app.close();
    }

    @Test
    void aBurstOf600ToolCallsNeverLetsA429ReachAClient() throws Exception {
        app = SandboxApp.start(Map.of(
                "sandbox.smartsheet.rpm", "300",
                "smartsheet.rpm", "300",
                "smartsheet.retry.initial-delay-ms", "200"));
        List<McpSchema.CallToolResult> results = burst(600, 20);

        assertThat(results).hasSize(600).allSatisfy(result -> assertThat(result.isError()).isFalse());
        assertThat(app.sandbox().smartsheet().requestCount("GET /sheets/{sheetId}")).isGreaterThanOrEqualTo(600);
    }

    @Test
    void injected429sAnd5xxAreRetriedUntilEveryCallSucceeds() throws Exception {
        app = SandboxApp.start(Map.of(
                "sandbox.smartsheet.fault.rate-limit", "0.10",
                "sandbox.smartsheet.fault.server-error", "0.05",
                "smartsheet.retry.initial-delay-ms", "50",
                "smartsheet.retry.max-retries", "8"));
        List<McpSchema.CallToolResult> results = burst(200, 10);

        assertThat(results).allSatisfy(result -> assertThat(result.isError()).as(ToolCalls.text(result)).isFalse());
        assertThat(app.sandbox().smartsheet().rateLimitedCount()).isPositive();
    }

    @Test
    void circuitOpensOnContinuousFailureAnswersFastAndClosesAfterRecovery() throws Exception {
        app = SandboxApp.start(Map.of(
                "smartsheet.retry.max-retries", "1",
                "smartsheet.retry.initial-delay-ms", "20",
                "smartsheet.circuit.sliding-window-size", "4",
                "smartsheet.circuit.minimum-calls", "4",
                "smartsheet.circuit.open-seconds", "2"));
        SmartsheetEmulator smartsheet = app.sandbox().smartsheet();
        Map<String, Object> arguments = Map.of("sheet_id", Long.toString(app.sandbox().demo().sheetId()));
        try (McpSyncClient client = app.mcpClient()) {
            smartsheet.faults().serverErrorRate(1.0);
            for (int i = 0; i < 4; i++) {
                assertThat(ToolCalls.error(client, "get_column_map", arguments)).contains("Smartsheet error");
            }
            long before = smartsheet.requestCount();
            long start = System.nanoTime();
            String open = ToolCalls.error(client, "get_column_map", arguments);
            Duration openAnswer = Duration.ofNanos(System.nanoTime() - start);

            assertThat(open).contains("'smartsheet' is temporarily unavailable");
            assertThat(health()).contains("\"smartsheet\":\"OPEN\"").contains("\"ready\":false");
            assertThat(smartsheet.requestCount()).as("no request reaches Smartsheet while open").isEqualTo(before);
            assertThat(openAnswer).isLessThan(Duration.ofSeconds(1));

            smartsheet.faults().clearFaults();
            Thread.sleep(2_500);
            for (int i = 0; i < 5; i++) {
                ToolCalls.ok(client, "get_column_map", arguments);
            }
            assertThat(health()).contains("\"smartsheet\":\"CLOSED\"").contains("\"ready\":true");
        }
    }

    private String health() throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(app.baseUrl() + "/health")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    private List<McpSchema.CallToolResult> burst(int calls, int sessions) throws Exception {
        Map<String, Object> arguments = Map.of("sheet_id", Long.toString(app.sandbox().demo().sheetId()));
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        try {
            List<Future<List<McpSchema.CallToolResult>>> futures = new ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                futures.add(pool.submit(() -> {
                    List<McpSchema.CallToolResult> results = new ArrayList<>();
                    try (McpSyncClient client = app.mcpClient()) {
                        for (int i = 0; i < calls / sessions; i++) {
                            results.add(ToolCalls.call(client, "get_column_map", arguments));
                        }
                    }
                    return results;
                }));
            }
            List<McpSchema.CallToolResult> all = new ArrayList<>();
            for (Future<List<McpSchema.CallToolResult>> future : futures) all.addAll(future.get());
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
