package dev.smartsheetmcp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.FaultInjector;
import dev.smartsheetmcp.sandbox.azure.AzureOpenAiEmulator;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.AppProcess;
import dev.smartsheetmcp.testing.Jobs;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A batch job's throughput with one deployment, with a primary and a fallback (what could be
 * configured before azure.deployments), and with three pooled deployments, each 600 RPM and
 * 200,000 TPM in its own "region" (an emulator each, its own key), evaluated over 1-second
 * periods as Azure does; one request a row. The application runs as its own JVM (real mode).
 *
 * <pre>mvn -B -q package -DskipTests &amp;&amp; java -cp target/smartsheet-mcp-pipeline.jar:target/test-classes \
 *     dev.smartsheetmcp.bench.PooledDeploymentsBenchmark [rows] [single,fallback,pooled]</pre>
 * The second argument picks the setups (all three by default).
 */
public final class PooledDeploymentsBenchmark {

    private static final int RPM = 600;
    private static final int TPM = 200_000;
    private static final Duration LATENCY = Duration.ofMillis(200);
    private static final String DEPLOYMENT = "gpt-4o";
    private static final String TOKEN = "bench-token";

    private enum Setup {
        SINGLE("1 deployment (AZURE_OPENAI_DEPLOYMENT)", 1),
        FALLBACK("primary + fallback (before: the fallback takes calls only after 429s)", 2),
        POOLED("3 pooled deployments (azure.deployments), 3 regions", 3);

        final String label;
        final int deployments;

        Setup(String label, int deployments) {
            this.label = label;
            this.deployments = deployments;
        }
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_800;
        String setups = args.length > 1 ? args[1].toUpperCase(Locale.ROOT) : "SINGLE,FALLBACK,POOLED";
        double tokensPerRow = AnalysisBenchmark.tokensPerRow(rows);
        System.out.printf(Locale.ROOT, "%,d rows, one request each (%.0f tokens as Azure estimates them); each deployment %d RPM"
                + " and %,d TPM evaluated over 1-second periods, %d ms model latency%n%n", rows, tokensPerRow, RPM, TPM,
                LATENCY.toMillis());
        System.out.println("| setup | seconds | rows/s | summed quota rows/s | % of summed quota | busiest 10 s, requests/s (% of quota) | requests by deployment | 429s | rows written |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Setup setup : Setup.values()) {
            if (!List.of(setups.split(",")).contains(setup.name())) continue;
            Run run = run(setup, rows);
            double perDeployment = Math.min(RPM / 60.0, TPM / 60.0 / tokensPerRow);
            double summed = perDeployment * setup.deployments;
            double rate = rows / run.seconds();
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.2f | %.1f | %.0f%% | %.1f (%.0f%%) | %s | %d | %,d |%n", setup.label,
                    run.seconds(), rate, summed, 100 * rate / summed, run.busiest(), 100 * run.busiest() / summed, run.requests(),
                    run.rateLimited(), run.written());
        }
    }

    record Run(double seconds, double busiest, String requests, int rateLimited, int written) {
    }

    private static Run run(Setup setup, int rows) throws Exception {
        SmartsheetEmulator smartsheet = new SmartsheetEmulator(new FaultInjector(11), 300);
        List<AzureOpenAiEmulator> regions = new ArrayList<>();
        try {
            smartsheet.addToken(TOKEN);
            smartsheet.start(0, 32);
            int emulators = setup == Setup.POOLED ? 3 : 1;
            for (int i = 0; i < emulators; i++) {
                AzureOpenAiEmulator region = new AzureOpenAiEmulator(new FaultInjector(12 + i), key(i));
                region.addDeployment(DEPLOYMENT, RPM, TPM);
                if (setup == Setup.FALLBACK) region.addDeployment(DEPLOYMENT + "-fallback", RPM, TPM);
                region.faults().latency(LATENCY);
                region.start(0, 64);
                regions.add(region);
            }
            long sheetId = AnalysisSheets.create(smartsheet, "Pooled " + rows, rows);
            try (AppProcess app = AppProcess.start(Files.createTempDirectory("bench-pool"),
                    environment(setup, smartsheet, regions), List.of());
                 RequestRate rate = new RequestRate(regions)) {
                app.awaitHealthy(Duration.ofSeconds(60));
                try (McpSyncClient client = app.mcpClient()) {
                    String jobId = ToolCalls.ok(client, "start_batch_analysis", Map.of("sheet_id", Long.toString(sheetId),
                            "type", "summarize", "sourceColumns", List.of("Feedback"), "targetColumn", "Summary"))
                            .path("jobId").asText();
                    JsonNode done = Jobs.pollUntilFinished(client, jobId, Duration.ofMillis(500));
                    double seconds = Duration.between(Instant.parse(done.path("timestamps").path("started").asText()),
                            Instant.parse(done.path("timestamps").path("finished").asText())).toMillis() / 1000.0;
                    return new Run(seconds, rate.busiest(), requests(setup, regions), rateLimited(setup, regions),
                            done.path("written").asInt());
                }
            }
        } finally {
            smartsheet.close();
            regions.forEach(AzureOpenAiEmulator::close);
        }
    }

    private static Map<String, String> environment(Setup setup, SmartsheetEmulator smartsheet, List<AzureOpenAiEmulator> regions) {
        Map<String, String> env = new HashMap<>();
        env.put("MCP_TRANSPORT", "http");
        env.put("SMARTSHEET_BASE_URL", smartsheet.baseUrl());
        env.put("SMARTSHEET_API_KEY", TOKEN);
        env.put("JOBS_POLL_INTERVAL_MS", "200");
        env.put("JOBS_DEFAULT_BATCH_SIZE", "500");
        env.put("LOG_LEVEL", "WARN");
        env.put("AZURE_OPENAI_RPM", Integer.toString(RPM));
        env.put("AZURE_OPENAI_TPM", Integer.toString(TPM));
        if (setup != Setup.POOLED) {
            env.put("AZURE_OPENAI_API_BASE", regions.get(0).endpoint());
            env.put("AZURE_OPENAI_API_KEY", key(0));
            env.put("AZURE_OPENAI_DEPLOYMENT", DEPLOYMENT);
            if (setup == Setup.FALLBACK) env.put("AZURE_OPENAI_FALLBACK_DEPLOYMENT", DEPLOYMENT + "-fallback");
            return env;
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            String id = "region-" + (i + 1);
            String prefix = "AZURE_OPENAI_DEPLOYMENTS_REGION_" + (i + 1) + "_";
            ids.add(id);
            env.put(prefix + "ENDPOINT", regions.get(i).endpoint());
            env.put(prefix + "DEPLOYMENT", DEPLOYMENT);
            env.put(prefix + "API_KEY_ENV", "BENCH_AZURE_KEY_" + (i + 1));
            env.put("BENCH_AZURE_KEY_" + (i + 1), key(i));
        }
        env.put("AZURE_OPENAI_DEPLOYMENTS", String.join(",", ids));
        return env;
    }

    private static String requests(Setup setup, List<AzureOpenAiEmulator> regions) {
        if (setup == Setup.FALLBACK) {
            return regions.get(0).completionCount(DEPLOYMENT) + " primary, "
                    + regions.get(0).completionCount(DEPLOYMENT + "-fallback") + " fallback";
        }
        List<String> counts = new ArrayList<>();
        for (AzureOpenAiEmulator region : regions) counts.add(Integer.toString(region.completionCount(DEPLOYMENT)));
        return String.join(" / ", counts);
    }

    private static int rateLimited(Setup setup, List<AzureOpenAiEmulator> regions) {
        int total = 0;
        for (AzureOpenAiEmulator region : regions) total += region.rateLimitedCount(DEPLOYMENT);
        if (setup == Setup.FALLBACK) total += regions.get(0).rateLimitedCount(DEPLOYMENT + "-fallback");
        return total;
    }

    /**
     * Completions per second over the busiest stretch of 9 to 10 s, sampled every 250 ms: the rate the
     * deployments sustain once rows flow, without the job's start, batch boundaries and end.
     */
    private static final class RequestRate implements AutoCloseable {
        private static final long WINDOW_NANOS = Duration.ofSeconds(10).toNanos();
        private final List<long[]> samples = new ArrayList<>();
        private final Thread sampler;

        RequestRate(List<AzureOpenAiEmulator> regions) {
            sampler = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        int total = 0;
                        for (AzureOpenAiEmulator region : regions) {
                            total += region.completionCount(DEPLOYMENT);
                            if (setupHasFallback(region)) total += region.completionCount(DEPLOYMENT + "-fallback");
                        }
                        synchronized (samples) {
                            samples.add(new long[] {System.nanoTime(), total});
                        }
                        Thread.sleep(250);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "request-rate");
            sampler.setDaemon(true);
            sampler.start();
        }

        private static boolean setupHasFallback(AzureOpenAiEmulator region) {
            try {
                region.completionCount(DEPLOYMENT + "-fallback");
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        double busiest() {
            synchronized (samples) {
                double best = 0;
                int from = 0;
                for (long[] sample : samples) {
                    while (sample[0] - samples.get(from)[0] > WINDOW_NANOS) from++;
                    long[] start = samples.get(from);
                    if (sample[0] - start[0] >= WINDOW_NANOS * 9 / 10) {
                        best = Math.max(best, (sample[1] - start[1]) * 1e9 / (sample[0] - start[0]));
                    }
                }
                return best;
            }
        }

        @Override
        public void close() {
            sampler.interrupt();
        }
    }

    private static String key(int region) {
        return "bench-key-region-" + (region + 1);
    }

    private PooledDeploymentsBenchmark() {
    }
}
