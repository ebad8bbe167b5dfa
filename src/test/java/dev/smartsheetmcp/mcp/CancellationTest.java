package dev.smartsheetmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smartsheetmcp.testing.CancellingTransport;
import dev.smartsheetmcp.testing.Jobs;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.SandboxApplication;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** notifications/cancelled for a start_batch_analysis call with wait: true stops the wait; the job goes on. */
@SandboxApplication("sandbox.azure.latency-ms=200")
class CancellationTest {

    private static SandboxApp app;
    private static McpSyncClient plainClient;

    @Test
    void cancellingAWaitingCallStopsTheWaitAndLeavesTheJobRunning() throws Exception {
        CancellingTransport transport = new CancellingTransport(
                HttpClientStreamableHttpTransport.builder(app.baseUrl()).endpoint("/mcp").build());
        try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofMinutes(2)).build()) {
            client.initialize();
            CompletableFuture<McpSchema.CallToolResult> waiting = CompletableFuture.supplyAsync(() -> ToolCalls.call(client,
                    "start_batch_analysis", Map.of("sheet_id", Long.toString(app.sandbox().demo().sheetId()), "type", "sentiment",
                            "sourceColumns", List.of("Feedback"), "targetColumn", "Sentiment", "batchSize", 10, "wait", true)));
            await().atMost(Duration.ofSeconds(10)).until(transport::hasSentACall);
            Thread.sleep(1500);
            assertThat(waiting).isNotDone();

            long cancelledAt = System.nanoTime();
            transport.cancelLastCall("user pressed stop");
            McpSchema.CallToolResult result = waiting.get(10, TimeUnit.SECONDS);

            assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt)).isLessThan(Duration.ofSeconds(3));
            JsonNode status = new ObjectMapper().readTree(ToolCalls.text(result));
            assertThat(status.path("note").asText()).contains("cancelled");
            String jobId = status.path("jobId").asText();
            assertThat(Jobs.status(plainClient, jobId).path("status").asText()).isIn("queued", "running");
            ToolCalls.ok(plainClient, "cancel_batch_analysis", Map.of("jobId", jobId));
        }
    }

    @Test
    void aCancellationOfNoCallInProgressIsIgnored() {
        CancellingTransport transport = new CancellingTransport(
                HttpClientStreamableHttpTransport.builder(app.baseUrl()).endpoint("/mcp").build());
        try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build()) {
            client.initialize();
            ToolCalls.ok(client, "get_current_user", Map.of());
            transport.cancelLastCall("too late");
            assertThat(ToolCalls.ok(client, "get_current_user", Map.of()).path("id").asText()).isNotEmpty();
        }
    }
}
