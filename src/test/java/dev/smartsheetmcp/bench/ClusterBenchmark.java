package dev.smartsheetmcp.bench;

import dev.smartsheetmcp.cluster.Cluster;
import dev.smartsheetmcp.cluster.ClusterDatabase;
import dev.smartsheetmcp.cluster.QuotaSampler;
import dev.smartsheetmcp.testing.Jobs;
import dev.smartsheetmcp.testing.ToolCalls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Instances against one Azure OpenAI quota (the emulator's, judged each second as Azure does):
 * one instance, three on the same quota (each configured with the whole of it), and three on the
 * quota tripled. Each run starts fresh instances on a new PostgreSQL database and runs three jobs
 * of {@code rows} rows at once.
 *
 * <pre>mvn -B -q package -DskipTests &amp;&amp; TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:PORT/postgres \
 *     java -cp target/smartsheet-mcp-pipeline.jar:target/test-classes dev.smartsheetmcp.bench.ClusterBenchmark [rows] [rpm]</pre>
 */
public final class ClusterBenchmark {

    private static final Duration LATENCY = Duration.ofMillis(50);

    private record Run(String name, int instances, int quotaRpm) {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 150;
        int rpm = args.length > 1 ? Integer.parseInt(args[1]) : 1200;
        String server = System.getenv("TEST_POSTGRES_URL");
        if (server == null) throw new IllegalStateException("set TEST_POSTGRES_URL to a PostgreSQL server");
        System.out.printf("Three jobs of %d rows at once; Azure emulator quota judged each second, %d ms model latency;"
                + " every instance is configured with the whole quota%n%n", rows, LATENCY.toMillis());
        System.out.println("| run | instances | quota RPM | rows/s (end to end) | model calls/s (10%-90%) | % of quota |"
                + " 429s | 429s after the first 2 s | seconds |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Run run : List.of(new Run("one instance", 1, rpm), new Run("three, same quota", 3, rpm),
                new Run("three, quota tripled", 3, 3 * rpm))) {
            measure(run, rows, server);
        }
        System.exit(0);
    }

    private static void measure(Run run, int rows, String server) throws Exception {
        Path work = Files.createTempDirectory("cluster-bench");
        ClusterDatabase database = ClusterDatabase.createOn(server, "bench");
        try (Cluster cluster = new Cluster(work, database, run.quotaRpm(), LATENCY)) {
            cluster.startInstances(run.instances(), run.quotaRpm());
            run(cluster, run, rows);
        }
    }

    private static void run(Cluster cluster, Run run, int rows) throws Exception {
        try (Cluster.Session session = Cluster.session(cluster.instances().get(0).baseUrl(), progress -> { })) {
            List<Cluster.Sheet> sheets = new ArrayList<>();
            for (int i = 0; i < 3; i++) sheets.add(cluster.sheet("Bench " + i, rows));
            QuotaSampler sampler = new QuotaSampler(cluster, Cluster.DEPLOYMENT);
            long started = System.nanoTime();
            List<String> jobs = new ArrayList<>();
            for (Cluster.Sheet sheet : sheets) {
                jobs.add(ToolCalls.ok(session.client(), "start_batch_analysis", Map.of("sheet_id", sheet.idText(),
                        "type", "summarize", "sourceColumns", List.of("Feedback"), "targetColumn", "Summary",
                        "batchSize", 50)).path("jobId").asText());
            }
            int written = 0;
            for (String job : jobs) {
                written += Jobs.pollUntilFinished(session.client(), job, Duration.ofMillis(200)).path("written").asInt();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            sampler.stop();
            QuotaSampler.Figures figures = sampler.figures(3 * rows, Duration.ofSeconds(2));
            double quotaPerSecond = run.quotaRpm() / 60.0;
            System.out.printf("| %s | %d | %d | %.1f | %.1f | %.0f%% | %d | %d | %.1f |%n", run.name(), run.instances(),
                    run.quotaRpm(), written / seconds, figures.perSecond(), 100 * figures.perSecond() / quotaPerSecond,
                    figures.rateLimited(), figures.rateLimitedAfterEdge(), seconds);
        }
    }
}
