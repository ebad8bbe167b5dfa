package dev.smartsheetmcp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.analysis.prompts.AnalysisType;
import dev.smartsheetmcp.analysis.prompts.PromptRequest;
import dev.smartsheetmcp.analysis.prompts.PromptTemplate;
import dev.smartsheetmcp.analysis.prompts.PromptTemplates;
import dev.smartsheetmcp.analysis.prompts.TokenCounter;
import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.AppProcess;
import dev.smartsheetmcp.testing.Jobs;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Batch analysis throughput against the emulators: the packaged application (a separate JVM,
 * real mode) versus the existing server's access pattern, at 200 ms model latency and the
 * deployment limits 600 RPM / 200,000 TPM; plus the application's peak heap on a large sheet.
 *
 * <pre>mvn -B -q package -DskipTests &amp;&amp; java -cp target/smartsheet-mcp-pipeline.jar:target/test-classes \
 *     dev.smartsheetmcp.bench.AnalysisBenchmark [rows...] [--compare-up-to N] [--heap-rows N]</pre>
 * {@code --heap-rows 0} skips the heap run.
 * With {@code -Dapp.max-heap=128m} the application runs with that heap cap.
 */
public final class AnalysisBenchmark {

    private static final int RPM = 600;
    private static final int TPM = 200_000;
    private static final Duration LATENCY = Duration.ofMillis(200);
    private static final PromptTemplate SUMMARIZE = PromptTemplates.defaults().forType(AnalysisType.SUMMARIZE);

    record Ours(int rows, double seconds, int written, int failed, int smartsheetReads, int smartsheetWrites,
                int azureRequests, int azure429s, int rateLimitedFinal, double boundRowsPerSecond) {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        int compareUpTo = 1_000;
        int heapRows = 20_000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--compare-up-to")) compareUpTo = Integer.parseInt(args[++i]);
            else if (args[i].equals("--heap-rows")) heapRows = Integer.parseInt(args[++i]);
            else sizes.add(Integer.parseInt(args[i]));
        }
        if (args.length == 0) sizes = List.of(1_000, 10_000);

        System.out.printf("Azure emulator: %d RPM and %,d TPM evaluated over 1-second periods (as Azure does), %d ms model latency%n%n",
                RPM, TPM, LATENCY.toMillis());
        System.out.println("| N | run | seconds | rows/s | bound rows/s | % of bound | Smartsheet reads | Smartsheet writes | Azure requests | 429s answered | 429s in final states | rows written | rows lost |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int rows : sizes) {
            Ours ours = runOurs(rows, RPM, TPM, LATENCY, null);
            System.out.printf("| %,d | this pipeline | %.0f | %.2f | %.2f | %.0f%% | %d | %d (⌈N/500⌉ = %d) | %,d | %d | %d | %,d | %d |%n",
                    rows, ours.seconds(), rows / ours.seconds(), ours.boundRowsPerSecond(),
                    100 * rows / ours.seconds() / ours.boundRowsPerSecond(), ours.smartsheetReads(), ours.smartsheetWrites(),
                    (rows + 499) / 500, ours.azureRequests(), ours.azure429s(), ours.rateLimitedFinal(), ours.written(),
                    rows - ours.written());
            if (rows <= compareUpTo) {
                ExistingServerPattern.Result theirs = runExistingPattern(rows);
                System.out.printf("| %,d | existing server's pattern | %.0f | %.2f | %.2f | %.0f%% | %d | %d | %,d | %d | %d | %,d | %d |%n",
                        rows, theirs.seconds(), theirs.written() / theirs.seconds(), ours.boundRowsPerSecond(),
                        100 * theirs.written() / theirs.seconds() / ours.boundRowsPerSecond(),
                        rows, theirs.smartsheetRequests() - rows, theirs.azureRequests(), theirs.smartsheet429s(),
                        theirs.lost(), theirs.written(), theirs.lost());
            }
        }
        if (heapRows == 0) return;
        HeapRun heap = runHeap(heapRows);
        System.out.printf("%nN = %,d rows with the application's heap capped at -Xmx%s: %s, peak heap used %d MB"
                + " (jstat, sampled each second), %.0f s%n", heapRows, System.getProperty("app.max-heap", "512m"),
                heap.written() == heapRows ? "all rows written" : heap.written() + " rows written", heap.peakMegabytes(), heap.seconds());
    }

    static Ours runOurs(int rows, int rpm, int tpm, Duration latency, HeapSampler[] sampler) throws Exception {
        try (Upstreams upstreams = new Upstreams(300, rpm, tpm, latency)) {
            long sheetId = AnalysisSheets.create(upstreams.smartsheet, "Bench " + rows, rows);
            double tokensPerRow = tokensPerRow(rows);
            upstreams.smartsheet.resetCounters();
            Path work = Files.createTempDirectory("bench");
            try (AppProcess app = AppProcess.start(work, upstreams.environment(rpm, tpm), List.of())) {
                app.awaitHealthy(Duration.ofSeconds(60));
                HeapSampler heap = new HeapSampler(app.process().pid());
                if (sampler != null) sampler[0] = heap;
                try (McpSyncClient client = app.mcpClient()) {
                    String jobId = ToolCalls.ok(client, "start_batch_analysis", Map.of("sheet_id", Long.toString(sheetId),
                            "type", "summarize", "sourceColumns", List.of("Feedback"), "targetColumn", "Summary"))
                            .path("jobId").asText();
                    JsonNode done = Jobs.pollUntilFinished(client, jobId, Duration.ofMillis(1_000));
                    double seconds = Duration.between(Instant.parse(done.path("timestamps").path("started").asText()),
                            Instant.parse(done.path("timestamps").path("finished").asText())).toMillis() / 1000.0;
                    double bound = Math.min(rpm / 60.0, tpm / 60.0 / tokensPerRow);
                    return new Ours(rows, seconds, done.path("written").asInt(), done.path("failed").asInt(),
                            upstreams.smartsheet.requestCount("GET /sheets/{sheetId}")
                                    + upstreams.smartsheet.requestCount("GET /sheets/{sheetId}/columns"),
                            upstreams.smartsheet.requestCount("PUT /sheets/{sheetId}/rows"),
                            upstreams.azure.completionCount(Upstreams.DEPLOYMENT) + upstreams.azure.rateLimitedCount(Upstreams.DEPLOYMENT),
                            upstreams.azure.rateLimitedCount(Upstreams.DEPLOYMENT), rateLimitedRows(done), bound);
                } finally {
                    heap.close();
                }
            }
        }
    }

    /** Rows whose final state is a failure caused by a 429. */
    private static int rateLimitedRows(JsonNode status) {
        int rows = 0;
        for (JsonNode error : status.path("row_errors")) {
            if (error.path("error").asText().contains("429")) rows += error.path("rows").asInt();
        }
        return rows;
    }

    record HeapRun(long peakMegabytes, double seconds, int written) {
    }

    /** The large sheet runs at high limits: the heap, not the rate, is measured. */
    static HeapRun runHeap(int rows) throws Exception {
        HeapSampler[] sampler = new HeapSampler[1];
        Ours run = runOurs(rows, 1_000_000, 1_000_000_000, Duration.ofMillis(20), sampler);
        return new HeapRun(sampler[0].peakMegabytes(), run.seconds(), run.written());
    }

    static ExistingServerPattern.Result runExistingPattern(int rows) throws Exception {
        try (Upstreams upstreams = new Upstreams(300, RPM, TPM, LATENCY)) {
            long sheetId = AnalysisSheets.create(upstreams.smartsheet, "Existing " + rows, rows);
            List<Long> rowIds = upstreams.smartsheet.rowIds(sheetId);
            long feedback = columnId(upstreams, sheetId, "Feedback");
            long summary = columnId(upstreams, sheetId, "Summary");
            upstreams.smartsheet.resetCounters();
            return ExistingServerPattern.run(upstreams, sheetId, feedback, summary, rowIds, SUMMARIZE.systemPrompt(),
                    SUMMARIZE::initial);
        }
    }

    private static long columnId(Upstreams upstreams, long sheetId, String title) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                upstreams.smartsheet.baseUrl() + "/sheets/" + sheetId + "/columns"))
                .header("Authorization", "Bearer " + Upstreams.TOKEN).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        for (JsonNode column : new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path("data")) {
            if (column.path("title").asText().equals(title)) return column.path("id").asLong();
        }
        throw new IllegalStateException("no column " + title);
    }

    /** Tokens Azure charges a row on average: its prompt with the chat framing, plus max_tokens. */
    static double tokensPerRow(int rows) {
        TokenCounter tokens = new TokenCounter();
        long total = 0;
        for (int i = 0; i < rows; i++) {
            total += tokens.count(new PromptRequest(SUMMARIZE.systemPrompt(), SUMMARIZE.initial(AnalysisSheets.feedback(i)),
                    SUMMARIZE.maxTokens(), false));
        }
        return (double) total / rows + SUMMARIZE.maxTokens();
    }

    private AnalysisBenchmark() {
    }
}
