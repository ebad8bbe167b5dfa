package dev.smartsheetmcp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.azure.BatchSettings;
import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.AppProcess;
import dev.smartsheetmcp.testing.Jobs;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A nightly run, online vs batch mode: the same number of distinct rows (two sheets, so the answer
 * cache does not carry one run's answers to the other) through chat completions and through the
 * Azure OpenAI Batch API. Model requests, tokens, estimated cost at the configured prices
 * ({@code costs.*} defaults), the online quota used, and wall time; the batch runs on the
 * emulator's compressed clock ({@value #TIME_SCALE} emulated seconds a real second, the realistic
 * validation, line rate and finalizing of {@link BatchSettings#realistic()}), so its emulated time
 * is stated too. The packaged application (its own JVM) runs against emulators in this JVM.
 *
 * <pre>mvn -B -q package -DskipTests &amp;&amp; java -cp target/smartsheet-mcp-pipeline.jar:target/test-classes \
 *     dev.smartsheetmcp.bench.BatchModeBenchmark [rows]</pre>
 */
public final class BatchModeBenchmark {

    private static final int AZURE_RPM = 1_000_000;
    private static final int AZURE_TPM = 1_000_000_000;
    /** A common standard deployment quota, to state how long the online run holds the online quota. */
    private static final int TYPICAL_RPM = 2_700;
    private static final int TYPICAL_TPM = 450_000;
    private static final double TIME_SCALE = 3600;
    private static final String BATCH_DEPLOYMENT = "gpt-4o-batch";

    record Run(String mode, JsonNode status, int onlineRequests, long onlineTokens, long batchTokens, double seconds) {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        try (Upstreams upstreams = new Upstreams(100_000, AZURE_RPM, AZURE_TPM, Duration.ofMillis(20))) {
            upstreams.azure.addBatchDeployment(BATCH_DEPLOYMENT, 1_000_000_000L);
            upstreams.azure.batchSettings(BatchSettings.realistic().withTimeScale(TIME_SCALE));
            long onlineSheet = AnalysisSheets.create(upstreams.smartsheet, "Nightly online " + rows, rows);
            long batchSheet = AnalysisSheets.create(upstreams.smartsheet, "Nightly batch " + rows, rows);
            Map<String, String> env = upstreams.environment(AZURE_RPM, AZURE_TPM);
            env.put("AZURE_OPENAI_BATCH_DEPLOYMENT", BATCH_DEPLOYMENT);
            env.put("AZURE_OPENAI_BATCH_POLL_INTERVAL_MS", "500");
            try (AppProcess app = AppProcess.start(Files.createTempDirectory("bench-batch"), env, List.of())) {
                app.awaitHealthy(Duration.ofSeconds(180));
                McpSyncClient client = app.mcpClient();
                Run online = run(upstreams, client, onlineSheet, "online");
                Run batch = run(upstreams, client, batchSheet, "batch");
                print(rows, online, batch);
                client.close();
            }
        }
    }

    private static Run run(Upstreams upstreams, McpSyncClient client, long sheetId, String mode) throws InterruptedException {
        upstreams.smartsheet.resetCounters();
        upstreams.azure.resetCounters();
        long batchTokensBefore = upstreams.azure.batchTokensUsed(BATCH_DEPLOYMENT);
        String jobId = ToolCalls.ok(client, "start_batch_analysis", Map.of("sheet_id", Long.toString(sheetId), "type",
                "summarize", "sourceColumns", List.of("Feedback"), "targetColumn", "Summary", "mode", mode)).path("jobId").asText();
        JsonNode done = Jobs.pollUntilFinished(client, jobId, Duration.ofMillis(500));
        double seconds = Duration.between(Instant.parse(done.path("timestamps").path("started").asText()),
                Instant.parse(done.path("timestamps").path("finished").asText())).toMillis() / 1000.0;
        return new Run(mode, done, upstreams.azure.completionCount(Upstreams.DEPLOYMENT),
                upstreams.azure.tokensUsed(Upstreams.DEPLOYMENT),
                upstreams.azure.batchTokensUsed(BATCH_DEPLOYMENT) - batchTokensBefore, seconds);
    }

    private static void print(int rows, Run online, Run batch) {
        System.out.printf("N = %,d distinct rows, type summarize, prices per million tokens: online %s, batch %s%n%n", rows,
                "2.50 prompt / 10.00 completion", "1.25 prompt / 5.00 completion");
        System.out.println("| | online | batch |");
        System.out.println("|---|---|---|");
        row("status", online.status().path("status").asText(), batch.status().path("status").asText());
        row("rows written", fmt(online.status().path("written").asInt()), fmt(batch.status().path("written").asInt()));
        row("model requests (online deployment)", fmt(online.onlineRequests()), fmt(batch.onlineRequests()));
        row("model requests (Batch API lines)", fmt(requests(online, "batch")), fmt(requests(batch, "batch")));
        row("prompt tokens", fmt(tokens(online, "prompt_tokens")), fmt(tokens(batch, "prompt_tokens")));
        row("completion tokens", fmt(tokens(online, "completion_tokens")), fmt(tokens(batch, "completion_tokens")));
        row("Azure batches", "0", fmt(batch.status().path("azure_batches").path("files").size()));
        row("estimated cost (USD)", money(online.status().path("usage").path("estimated_cost").asDouble()),
                money(batch.status().path("usage").path("estimated_cost").asDouble()));
        row("saving vs online (USD)", "-", money(batch.status().path("usage").path("saving_vs_online").asDouble()));
        row("online tokens used (TPM quota)", fmt(online.onlineTokens()), fmt(batch.onlineTokens()));
        row("online quota held at " + fmt(TYPICAL_RPM) + " RPM / " + fmt(TYPICAL_TPM) + " TPM",
                minutes(online), minutes(batch));
        row("enqueued batch tokens (Batch quota)", fmt(online.batchTokens()), fmt(batch.batchTokens()));
        row("wall time, real (s; batch: on the compressed clock, with 500 ms polls)", String.format("%.1f", online.seconds()), String.format("%.1f", batch.seconds()));
        BatchSettings settings = BatchSettings.realistic();
        double emulatedMinutes = (settings.validatingSeconds() + settings.finalizingSeconds()) / 60.0
                + (double) requests(batch, "batch") / settings.requestsPerMinute();
        row("Azure batch time, emulated", "-", String.format("%.1f min (validating %d s, %,d lines at %,d a minute, finalizing %d s;"
                + " the clock runs x%.0f)", emulatedMinutes, settings.validatingSeconds(), requests(batch, "batch"),
                settings.requestsPerMinute(), settings.finalizingSeconds(), TIME_SCALE));
    }

    private static int requests(Run run, String mode) {
        int requests = 0;
        for (JsonNode use : run.status().path("usage").path("by_deployment")) {
            if (use.path("mode").asText().equals(mode)) requests += use.path("requests").asInt();
        }
        return requests;
    }

    private static long tokens(Run run, String field) {
        long tokens = 0;
        for (JsonNode use : run.status().path("usage").path("by_deployment")) tokens += use.path(field).asLong();
        return tokens;
    }

    /** At least the longer of requests/RPM and tokens/TPM: the time the run keeps the online quota busy. */
    private static String minutes(Run run) {
        double minutes = Math.max((double) run.onlineRequests() / TYPICAL_RPM, (double) run.onlineTokens() / TYPICAL_TPM);
        return String.format("%.1f min (%.0f%% of an hour's quota)", minutes, 100 * minutes / 60);
    }

    private static void row(String name, String online, String batch) {
        System.out.printf("| %s | %s | %s |%n", name, online, batch);
    }

    private static String fmt(long value) {
        return String.format("%,d", value);
    }

    private static String money(double value) {
        return String.format("%.4f", value);
    }

    private BatchModeBenchmark() {
    }
}
