package dev.smartsheetmcp.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smartsheetmcp.testing.AnalysisSheets;
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
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A job as a resource: smartsheet-jobs://{job_id} reads as get_job_status answers, and a
 * subscribed client gets notifications/resources/updated as the job runs, throttled to one a
 * second, the last one when it has ended.
 */
@SandboxApplication(value = {"sandbox.azure.latency-ms=150"}, unthrottledModel = true)
class JobResourceSubscriptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static SandboxApp app;
    private static McpSyncClient client;

    record Update(long atMillis, JsonNode status) {
    }

    @Test
    void aSubscriberIsToldAsTheJobProgressesAndWhenItEnds() throws Exception {
        long sheetId = AnalysisSheets.create(app.sandbox().smartsheet(), "Subscribed", 120);
        List<Update> updates = new CopyOnWriteArrayList<>();
        try (McpSyncClient subscriber = McpClient.sync(HttpClientStreamableHttpTransport.builder(app.baseUrl()).endpoint("/mcp").build())
                .requestTimeout(Duration.ofMinutes(1))
                .resourcesUpdateConsumer(contents -> updates.add(new Update(System.currentTimeMillis(), parse(contents))))
                .build()) {
            subscriber.initialize();
            String jobId = ToolCalls.ok(client, "start_batch_analysis", Map.of("sheet_id", Long.toString(sheetId),
                    "type", "sentiment", "sourceColumns", List.of("Feedback"), "targetColumn", "Sentiment", "batchSize", 5))
                    .path("jobId").asText();
            String uri = "smartsheet-jobs://" + jobId;
            subscriber.subscribeResource(new McpSchema.SubscribeRequest(uri));

            JsonNode finished = Jobs.awaitFinished(client, jobId);
            await().atMost(Duration.ofSeconds(10)).until(() -> !updates.isEmpty()
                    && updates.get(updates.size() - 1).status().path("status").asText().equals("completed"));

            assertThat(finished.path("status").asText()).isEqualTo("completed");
            assertThat(updates).hasSizeGreaterThanOrEqualTo(3);
            assertThat(updates.stream().map(update -> update.status().path("processed").asInt()))
                    .as("progress seen along the way").isSorted().contains(120).anyMatch(processed -> processed < 120);
            // at most one a second (the client times each update after reading the resource, so single gaps jitter)
            long span = updates.get(updates.size() - 1).atMillis() - updates.get(0).atMillis();
            assertThat(updates.size() - 1).as("updates after the first, over %d ms", span).isLessThanOrEqualTo((int) (span / 1000) + 1);
            JsonNode read = JSON.readTree(((McpSchema.TextResourceContents) subscriber.readResource(
                    new McpSchema.ReadResourceRequest(uri)).contents().get(0)).text());
            assertThat(read.path("jobId").asText()).isEqualTo(jobId);
            assertThat(read.path("processed").asInt()).isEqualTo(finished.path("processed").asInt());
        }
    }

    private static JsonNode parse(List<McpSchema.ResourceContents> contents) {
        try {
            return JSON.readTree(((McpSchema.TextResourceContents) contents.get(0)).text());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
