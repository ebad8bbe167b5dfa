package dev.smartsheetmcp.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.Jobs;
import dev.smartsheetmcp.testing.PrometheusText;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.SandboxApplication;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /metrics in the Prometheus text format: the meters move when tools and jobs run. */
@SandboxApplication(value = {"jobs.poll-interval-ms=200", "smartsheet.retry.initial-delay-ms=20",
        "smartsheet.metadata-cache.ttl-ms=0",
        "smartsheet.retry.max-retries=10", "metrics.queue-depth-refresh-seconds=0"}, unthrottledModel = true)
class MetricsEndpointTest {

    private static final String DEPLOYMENT = "gpt-4o-sandbox";

    private static SandboxApp app;
    private static McpSyncClient client;

    @Test
    void servesThePrometheusTextFormat() throws Exception {
        HttpResponse<String> metrics = get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        PrometheusText text = new PrometheusText(metrics.body());
        assertThat(text.sum("resilience4j_circuitbreaker_state", Map.of("name", "smartsheet", "state", "closed"))).isEqualTo(1);
        assertThat(text.sum("resilience4j_circuitbreaker_state", Map.of("name", "azure-primary", "state", "closed"))).isEqualTo(1);
        assertThat(text.has("camel_exchanges_total")).as("Camel's per-route meters").isTrue();
    }

    @Test
    void toolCallsAreCountedByToolAndOutcome() throws Exception {
        Map<String, Object> demo = Map.of("sheet_id", Long.toString(app.sandbox().demo().sheetId()));
        PrometheusText before = scrape();

        ToolCalls.ok(client, "get_column_map", demo);
        ToolCalls.ok(client, "get_column_map", demo);
        ToolCalls.error(client, "get_column_map", Map.of("sheet_id", "123"));
        ToolCalls.ok(client, "get_sheet_info", demo);

        PrometheusText after = scrape();
        assertThat(increase(before, after, "mcp_tool_calls_seconds_count", Map.of("tool", "get_column_map", "outcome", "ok")))
                .as("get_sheet_info calls get_column_map's route; that is not a second call").isEqualTo(2);
        assertThat(increase(before, after, "mcp_tool_calls_seconds_count", Map.of("tool", "get_column_map", "outcome", "tool_error")))
                .isEqualTo(1);
        assertThat(increase(before, after, "mcp_tool_calls_seconds_count", Map.of("tool", "get_sheet_info", "outcome", "ok")))
                .isEqualTo(1);
        assertThat(increase(before, after, "mcp_tool_calls_seconds_sum", Map.of("tool", "get_column_map"))).isPositive();
        assertThat(increase(before, after, "upstream_calls_seconds_count",
                Map.of("api", "smartsheet", "operation", "get-sheet", "status", "404"))).isEqualTo(1);
    }

    @Test
    void aBatchJobMovesQueueDepthUpstreamTokenRowAndDurationMeters() throws Exception {
        SmartsheetEmulator smartsheet = app.sandbox().smartsheet();
        long sheetId = AnalysisSheets.create(smartsheet, "Metered", 40);
        PrometheusText before = scrape();

        app.context().getRouteController().stopRoute("job-claim");
        String jobId;
        try {
            jobId = ToolCalls.ok(client, "start_batch_analysis", Map.of("sheet_id", Long.toString(sheetId), "type", "summarize",
                    "sourceColumns", List.of("Feedback"), "targetColumn", "Summary", "batchSize", 20)).path("jobId").asText();
            assertThat(scrape().sum("analysis_queue_depth", Map.of("status", "queued"))).isEqualTo(1);
        } finally {
            app.context().getRouteController().startRoute("job-claim");
        }
        Jobs.awaitCompleted(client, jobId, Duration.ofMinutes(3));

        PrometheusText after = scrape();
        assertThat(after.sum("analysis_queue_depth", Map.of("status", "queued"))).isZero();
        assertThat(increase(before, after, "analysis_queue_depth", Map.of("status", "completed"))).isEqualTo(1);
        assertThat(increase(before, after, "upstream_calls_seconds_count",
                Map.of("api", "azure_openai", "operation", "chat", "status", "200"))).isEqualTo(40);
        assertThat(increase(before, after, "upstream_calls_seconds_count",
                Map.of("api", "smartsheet", "operation", "update-rows", "status", "200"))).isEqualTo(2);
        assertThat(increase(before, after, "upstream_calls_seconds_count",
                Map.of("api", "smartsheet", "operation", "get-sheet", "status", "200"))).isPositive();
        assertThat(increase(before, after, "azure_openai_tokens_total", Map.of("deployment", DEPLOYMENT, "kind", "prompt")))
                .isPositive();
        assertThat(increase(before, after, "azure_openai_tokens_total", Map.of("deployment", DEPLOYMENT, "kind", "completion")))
                .isPositive();
        assertThat(increase(before, after, "analysis_rows_processed_total", Map.of())).isEqualTo(40);
        assertThat(increase(before, after, "analysis_rows_failed_total", Map.of())).isZero();
        assertThat(increase(before, after, "analysis_cache_misses_total", Map.of())).isEqualTo(40);
        assertThat(increase(before, after, "analysis_cache_hits_total", Map.of())).isZero();
        assertThat(increase(before, after, "analysis_job_duration_seconds_count", Map.of("status", "completed"))).isEqualTo(1);
    }

    @Test
    void injected429sMoveTheRateLimitAndRetryCounters() throws Exception {
        SmartsheetEmulator smartsheet = app.sandbox().smartsheet();
        Map<String, Object> demo = Map.of("sheet_id", Long.toString(app.sandbox().demo().sheetId()));
        PrometheusText before = scrape();
        long rateLimitedBefore = smartsheet.rateLimitedCount();

        smartsheet.faults().rateLimitRate(0.5);
        try {
            for (int i = 0; i < 10; i++) ToolCalls.ok(client, "get_column_map", demo);
        } finally {
            smartsheet.faults().clearFaults();
        }

        PrometheusText after = scrape();
        long answered429 = smartsheet.rateLimitedCount() - rateLimitedBefore;
        assertThat(answered429).isPositive();
        assertThat(increase(before, after, "upstream_rate_limited_total", Map.of("api", "smartsheet"))).isEqualTo(answered429);
        assertThat(increase(before, after, "upstream_calls_seconds_count", Map.of("api", "smartsheet", "status", "429")))
                .isEqualTo(answered429);
        assertThat(increase(before, after, "upstream_retries_total", Map.of("api", "smartsheet"))).isEqualTo(answered429);
    }

    private static double increase(PrometheusText before, PrometheusText after, String name, Map<String, String> labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    private static PrometheusText scrape() throws Exception {
        return new PrometheusText(get("/metrics").body());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
