package dev.smartsheetmcp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.Jobs;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.util.List;
import java.util.Map;

/**
 * Several jobs on one instance against the sandbox: a large job runs at the model's RPM quota; a
 * small job started while it runs should finish within seconds, and the large one keep the quota's
 * pace. Prints the small job's time from start to completed and the large job's rows per second
 * against the quota's bound.
 *
 * <pre>mvn -B -q package -DskipTests &amp;&amp; java -cp target/smartsheet-mcp-pipeline.jar:target/test-classes \
 *     dev.smartsheetmcp.bench.FairSharingBenchmark [large-rows] [small-rows] [rpm]</pre>
 */
public final class FairSharingBenchmark {

    public static void main(String[] args) throws Exception {
        int large = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int small = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String rpm = args.length > 2 ? args[2] : "6000";
        try (SandboxApp app = SandboxApp.start(Map.of("sandbox.azure.rpm", rpm, "azure.rpm", rpm,
                "sandbox.azure.tpm", "100000000", "azure.tpm", "100000000", "sandbox.smartsheet.rpm", "100000",
                "smartsheet.rpm", "100000", "jobs.poll-interval-ms", "200"));
             McpSyncClient client = app.mcpClient()) {
            long largeSheet = AnalysisSheets.create(app.sandbox().smartsheet(), "Nightly", large);
            long smallSheet = AnalysisSheets.create(app.sandbox().smartsheet(), "Assistant", small);
            long started = System.nanoTime();
            String largeJob = start(client, largeSheet);
            while (Jobs.status(client, largeJob).path("written").asInt() < 200) Thread.sleep(100);

            long smallStarted = System.nanoTime();
            String smallJob = start(client, smallSheet);
            JsonNode smallDone = awaitFinished(client, smallJob, 100);
            double smallSeconds = (System.nanoTime() - smallStarted) / 1e9;
            int largeWrittenThen = Jobs.status(client, largeJob).path("written").asInt();

            JsonNode largeDone = awaitFinished(client, largeJob, 500);
            double largeSeconds = (System.nanoTime() - started) / 1e9;
            double bound = Integer.parseInt(rpm) / 60.0;
            System.out.printf("small job (%d rows) started while the large one ran: %s in %.1f s (large job had %d of %d rows written then)%n",
                    small, smallDone.path("status").asText(), smallSeconds, largeWrittenThen, large);
            System.out.printf("large job (%d rows): %s, %d written in %.0f s = %.1f rows/s; quota bound %.1f rows/s (%s RPM), %.0f%%%n",
                    large, largeDone.path("status").asText(), largeDone.path("written").asInt(), largeSeconds,
                    large / largeSeconds, bound, rpm, 100 * (large + small) / largeSeconds / bound);
        }
        System.exit(0);
    }

    /** Polls until the job ends (the benchmark's classpath has no Awaitility). */
    private static JsonNode awaitFinished(McpSyncClient client, String jobId, long pollMillis) throws InterruptedException {
        for (;;) {
            JsonNode status = Jobs.status(client, jobId);
            if (Jobs.FINAL_STATES.contains(status.path("status").asText())) return status;
            Thread.sleep(pollMillis);
        }
    }

    private static String start(McpSyncClient client, long sheetId) {
        return ToolCalls.ok(client, "start_batch_analysis", Map.of("sheet_id", Long.toString(sheetId), "type", "summarize",
                "sourceColumns", List.of("Feedback"), "targetColumn", "Summary")).path("jobId").asText();
    }
}
