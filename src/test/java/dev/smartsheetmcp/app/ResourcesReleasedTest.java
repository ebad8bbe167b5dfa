package dev.smartsheetmcp.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.Jobs;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * After the application stops, none of its pools is left running: the job store's connection
 * pool and database, Camel's thread pools (analysisPool among them), the HTTP clients and Jetty.
 */
class ResourcesReleasedTest {

    private static final Pattern POOL_THREADS = Pattern.compile("qtp.*|job-store.*|HikariPool.*|HSQLDB.*|Camel \\(.*|.*analysisPool.*");

    @Test
    void stoppingTheApplicationStopsEveryPoolItStarted() throws Exception {
        Set<Long> before = liveThreads().keySet();
        try (SandboxApp app = SandboxApp.start(SandboxApp.unthrottledModel(Map.of("jobs.poll-interval-ms", "100")));
             McpSyncClient client = app.mcpClient()) {
            long sheetId = AnalysisSheets.create(app.sandbox().smartsheet(), "Pools", 30);
            String jobId = ToolCalls.ok(client, "start_batch_analysis", Map.of("sheet_id", Long.toString(sheetId),
                    "type", "summarize", "sourceColumns", List.of("Feedback"), "targetColumn", "Summary",
                    "batchSize", 10)).path("jobId").asText();
            Jobs.awaitCompleted(client, jobId, Duration.ofMinutes(2));
            assertThat(applicationThreads(before)).as("pools in use while running").isNotEmpty();
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(applicationThreads(before)).as("threads left after the stop").isEmpty());
    }

    private static List<String> applicationThreads(Set<Long> before) {
        return liveThreads().entrySet().stream()
                .filter(thread -> !before.contains(thread.getKey()))
                .map(Map.Entry::getValue)
                .filter(name -> POOL_THREADS.matcher(name).matches())
                .toList();
    }

    private static Map<Long, String> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .collect(Collectors.toMap(Thread::getId, Thread::getName));
    }
}
