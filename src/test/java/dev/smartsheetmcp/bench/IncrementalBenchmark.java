package dev.smartsheetmcp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.AppProcess;
import dev.smartsheetmcp.testing.Jobs;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an incremental run saves: a full run over a sheet, then 1% of the rows' source text
 * changed, then an incremental run; Azure OpenAI and Smartsheet requests of each, and a full run
 * again with the answer cache warm. The packaged application (its own JVM, real mode) runs against
 * emulators in this JVM; model limits are set high, since requests, not time, are measured.
 *
 * <pre>mvn -B -q package -DskipTests &amp;&amp; java -cp target/smartsheet-mcp-pipeline.jar:target/test-classes \
 *     dev.smartsheetmcp.bench.IncrementalBenchmark [rows] [changed fraction]</pre>
 */
public final class IncrementalBenchmark {

    private static final int SMARTSHEET_RPM = 300;
    private static final int AZURE_RPM = 1_000_000;
    private static final int AZURE_TPM = 1_000_000_000;

    record Run(String name, JsonNode status, int azureRequests, int smartsheetReads, int smartsheetWrites, double seconds) {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        double fraction = args.length > 1 ? Double.parseDouble(args[1]) : 0.01;
        try (Upstreams upstreams = new Upstreams(SMARTSHEET_RPM, AZURE_RPM, AZURE_TPM, Duration.ofMillis(20))) {
            long sheetId = AnalysisSheets.create(upstreams.smartsheet, "Nightly " + rows, rows);
            try (AppProcess app = AppProcess.start(Files.createTempDirectory("bench"),
                    upstreams.environment(AZURE_RPM, AZURE_TPM), List.of())) {
                app.awaitHealthy(Duration.ofSeconds(60));
                McpSyncClient client = app.mcpClient();
                Run full = run(upstreams, client, "full run", sheetId, false);
                List<Long> changed = upstreams.smartsheet.changeText(sheetId, "Feedback", fraction, 7);
                Run incremental = run(upstreams, client, "incremental run, " + changed.size() + " rows changed", sheetId, true);
                Run warm = run(upstreams, client, "full run again (answers cached)", sheetId, false);
                print(rows, List.of(full, incremental, warm));
                System.out.printf("%nincremental / full: Azure OpenAI requests %.4f, Smartsheet requests %.4f%n",
                        (double) incremental.azureRequests() / full.azureRequests(),
                        (double) (incremental.smartsheetReads() + incremental.smartsheetWrites())
                                / (full.smartsheetReads() + full.smartsheetWrites()));
                client.close();
            }
        }
    }

    private static Run run(Upstreams upstreams, McpSyncClient client, String name, long sheetId, boolean incremental)
            throws InterruptedException {
        upstreams.smartsheet.resetCounters();
        upstreams.azure.resetCounters();
        Map<String, Object> arguments = new HashMap<>(Map.of("sheet_id", Long.toString(sheetId), "type", "summarize",
                "sourceColumns", List.of("Feedback"), "targetColumn", "Summary", "incremental", incremental));
        String jobId = ToolCalls.ok(client, "start_batch_analysis", arguments).path("jobId").asText();
        JsonNode done = Jobs.pollUntilFinished(client, jobId, Duration.ofMillis(500));
        double seconds = Duration.between(Instant.parse(done.path("timestamps").path("started").asText()),
                Instant.parse(done.path("timestamps").path("finished").asText())).toMillis() / 1000.0;
        return new Run(name, done,
                upstreams.azure.completionCount(Upstreams.DEPLOYMENT) + upstreams.azure.rateLimitedCount(Upstreams.DEPLOYMENT),
                upstreams.smartsheet.requestCount("GET /sheets/{sheetId}")
                        + upstreams.smartsheet.requestCount("GET /sheets/{sheetId}/columns"),
                upstreams.smartsheet.requestCount("PUT /sheets/{sheetId}/rows"), seconds);
    }

    private static void print(int rows, List<Run> runs) {
        System.out.printf("N = %,d rows, type summarize%n%n", rows);
        System.out.println("| run | Azure OpenAI requests | Smartsheet reads | Smartsheet writes | rows written | unchanged (skipped) | cache hits | seconds |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Run run : runs) {
            JsonNode status = run.status();
            System.out.printf("| %s | %,d | %d | %d | %,d | %,d | %,d | %.1f |%n", run.name(), run.azureRequests(),
                    run.smartsheetReads(), run.smartsheetWrites(), status.path("written").asInt(),
                    status.path("unchanged").asInt(), status.path("cache_hits").asInt(), run.seconds());
        }
    }



    private IncrementalBenchmark() {
    }
}
