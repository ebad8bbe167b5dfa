package dev.smartsheetmcp.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Batch jobs as a test drives them through MCP: status, and waiting for a job to end. */
public final class Jobs {

    /** The states a job does not leave. */
    public static final List<String> FINAL_STATES = List.of("completed", "failed", "cancelled");

    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration DEFAULT_POLL = Duration.ofMillis(300);

    private Jobs() {
    }

    /** {@code get_job_status} for the job. */
    public static JsonNode status(McpSyncClient client, String jobId) {
        return ToolCalls.ok(client, "get_job_status", Map.of("jobId", jobId));
    }

    /** Polls until the job is completed, failed or cancelled (at most five minutes); its last status. */
    public static JsonNode awaitFinished(McpSyncClient client, String jobId) {
        return awaitFinished(client, jobId, DEFAULT_TIMEOUT, DEFAULT_POLL);
    }

    /** Polls every {@code poll} until the job is completed, failed or cancelled; its last status. */
    public static JsonNode awaitFinished(McpSyncClient client, String jobId, Duration atMost, Duration poll) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(atMost).pollInterval(poll).until(() -> {
            last[0] = status(client, jobId);
            return FINAL_STATES.contains(last[0].path("status").asText());
        });
        return last[0];
    }

    /**
     * Polls until the job is completed, failing at once should it fail or be cancelled; its last status.
     */
    public static JsonNode awaitCompleted(McpSyncClient client, String jobId, Duration atMost) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(atMost).pollInterval(DEFAULT_POLL).until(() -> {
            last[0] = status(client, jobId);
            assertThat(last[0].path("status").asText()).as("job %s", jobId).isNotIn("failed", "cancelled");
            return last[0].path("status").asText().equals("completed");
        });
        return last[0];
    }

    /**
     * Without Awaitility's time limit, for benchmarks that may run for a long time: polls every
     * {@code poll} until the job ends; its last status.
     */
    public static JsonNode pollUntilFinished(McpSyncClient client, String jobId, Duration poll) throws InterruptedException {
        while (true) {
            JsonNode status = status(client, jobId);
            if (FINAL_STATES.contains(status.path("status").asText())) return status;
            Thread.sleep(poll.toMillis());
        }
    }
}
