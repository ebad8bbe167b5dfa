package dev.smartsheetmcp.analysis.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.FaultInjector;
import dev.smartsheetmcp.sandbox.azure.AzureOpenAiEmulator;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.AppProcess;
import dev.smartsheetmcp.testing.Jobs;
import dev.smartsheetmcp.testing.PrometheusText;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Batch jobs against an Azure emulator that evaluates the deployment's quota as Azure OpenAI does,
 * over short periods: the pace keeps a job at its bound without a storm of 429s, and a deployment
 * whose real limit is lower than configured slows the job down instead of failing it. The three jobs
 * run at once, each in its own application process against its own model emulator, since each
 * takes the minute or more its quota implies; each process first runs a 5-row job, so the measured
 * job shows the pace rather than a fresh JVM loading its classes.
 */
class AzurePacingIT {

    private static final String TOKEN = "pacing-token";
    private static final String KEY = "pacing-key";
    private static final String DEPLOYMENT = "gpt-4o";
    private static final Duration LATENCY = Duration.ofMillis(200);
    private static final Duration SIX_MINUTES = Duration.ofMinutes(6);

    private static SmartsheetEmulator smartsheet;
    private static CompletableFuture<Run> perSecond;
    private static CompletableFuture<Run> perTenSeconds;
    private static CompletableFuture<Run> halfTheConfiguredLimit;

    /** One job's final status, how long it ran, and what the emulator and the metrics counted. */
    record Run(int rows, JsonNode status, Duration took, int answered, int rateLimited, double rateLimitedCounted) {

        double seconds() {
            return took.toMillis() / 1000.0;
        }

        double boundSeconds(int rpm) {
            return rows / (rpm / 60.0);
        }
    }

    @BeforeAll
    static void runThreeJobsAtOnce() throws Exception {
        smartsheet = new SmartsheetEmulator(new FaultInjector(21), 100_000);
        smartsheet.addToken(TOKEN);
        smartsheet.start(0, 16);
        perSecond = CompletableFuture.supplyAsync(() -> run("per-second", 300, 300, 300, 1));
        perTenSeconds = CompletableFuture.supplyAsync(() -> run("per-ten-seconds", 300, 300, 300, 10));
        halfTheConfiguredLimit = CompletableFuture.supplyAsync(() -> run("half", 300, 600, 300, 1));
    }

    @AfterAll
    static void stop() {
        smartsheet.close();
    }

    @Test
    void a300RowJobAt300RpmEvaluatedEachSecondMeetsAlmostNo429sAndFinishesNearItsBound() {
        Run run = perSecond.join();

        assertCompleted(run);
        assertThat(run.rateLimited()).as("429s: at most 1% of the requests").isLessThanOrEqualTo(run.rows() / 100);
        assertThat(run.seconds()).as("within 110% of N / (RPM/60) = 60 s").isLessThanOrEqualTo(run.boundSeconds(300) * 1.10);
    }

    @Test
    void theSamePaceHoldsWhereAzureEvaluatesOverTenSeconds() {
        Run run = perTenSeconds.join();

        assertCompleted(run);
        assertThat(run.rateLimited()).as("429s: at most 1% of the requests").isLessThanOrEqualTo(run.rows() / 100);
        assertThat(run.seconds()).isLessThanOrEqualTo(run.boundSeconds(300) * 1.10);
    }

    @Test
    void aDeploymentWhoseRealLimitIsHalfTheConfiguredOneSlowsTheJobDownAndItFinishes() {
        Run run = halfTheConfiguredLimit.join();

        assertCompleted(run);
        assertThat(run.rateLimited()).as("the lower limit was met").isPositive();
        assertThat(run.rateLimitedCounted()).as("every 429 counted in upstream_rate_limited_total")
                .isEqualTo(run.rateLimited());
        // at the configured pace every second would see 5 refusals, about 300 over the job; adapted,
        // the pace meets a 429 only when it tries a step higher now and then (18 to 25 seen here)
        assertThat(run.rateLimited()).as("the pace adapted instead of retrying into a wall of 429s")
                .isLessThanOrEqualTo(run.rows() / 5);
        assertThat(run.seconds()).as("within 150% of the real limit's bound of 60 s")
                .isLessThanOrEqualTo(run.boundSeconds(300) * 1.5);
        assertThat(run.status().path("rows_per_second").asDouble()).as("get_job_status reports the pace the job really had")
                .isCloseTo(run.rows() / run.seconds(), withPercentage(10));
    }

    private static void assertCompleted(Run run) {
        System.out.printf("%d rows in %.1f s (%.2f rows/s), %d answered, %d 429s%n",
                run.rows(), run.seconds(), run.rows() / run.seconds(), run.answered(), run.rateLimited());
        assertThat(run.status().path("status").asText()).isEqualTo("completed");
        assertThat(run.status().path("written").asInt()).isEqualTo(run.rows());
        assertThat(run.status().path("failed").asInt()).isZero();
        assertThat(run.answered()).as("one answered request a row").isEqualTo(run.rows());
    }

    private static Run run(String name, int rows, int configuredRpm, int realRpm, int evaluationSeconds) {
        try (AzureOpenAiEmulator azure = new AzureOpenAiEmulator(new FaultInjector(22), KEY, evaluationSeconds,
                System::nanoTime)) {
            azure.addDeployment(DEPLOYMENT, realRpm, 1_000_000);
            azure.faults().latency(LATENCY);
            azure.start(0, 32);
            long warmUpSheet = AnalysisSheets.create(smartsheet, "Warm-up " + name, 5);
            long sheetId = AnalysisSheets.create(smartsheet, "Pacing " + name, rows);
            try (AppProcess app = AppProcess.start(Files.createTempDirectory("pacing-" + name),
                    environment(azure, configuredRpm), List.of())) {
                app.awaitHealthy(Duration.ofSeconds(90));
                try (McpSyncClient client = app.mcpClient()) {
                    // the first job of a fresh JVM spends seconds loading classes: measure the pace, not that
                    Jobs.awaitFinished(client, startSentiment(client, warmUpSheet), SIX_MINUTES, Duration.ofSeconds(1));
                    Thread.sleep(1_000);
                    azure.resetCounters();
                    double rateLimitedBefore = rateLimitedCounted(app);

                    JsonNode status = Jobs.awaitFinished(client, startSentiment(client, sheetId), SIX_MINUTES, Duration.ofSeconds(1));

                    Duration took = Duration.between(Instant.parse(status.path("timestamps").path("started").asText()),
                            Instant.parse(status.path("timestamps").path("finished").asText()));
                    return new Run(rows, status, took, azure.completionCount(DEPLOYMENT),
                            azure.rateLimitedCount(DEPLOYMENT), rateLimitedCounted(app) - rateLimitedBefore);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(name + ": " + e, e);
        }
    }

    private static String startSentiment(McpSyncClient client, long sheetId) {
        return ToolCalls.ok(client, "start_batch_analysis", Map.of("sheet_id", Long.toString(sheetId), "type", "sentiment",
                "sourceColumns", List.of("Feedback"), "targetColumn", "Sentiment")).path("jobId").asText();
    }

    private static Map<String, String> environment(AzureOpenAiEmulator azure, int configuredRpm) {
        return Map.of(
                "MCP_TRANSPORT", "http",
                "SMARTSHEET_BASE_URL", smartsheet.baseUrl(),
                "SMARTSHEET_API_KEY", TOKEN,
                "SMARTSHEET_RPM", "100000",
                "AZURE_OPENAI_API_BASE", azure.endpoint(),
                "AZURE_OPENAI_API_KEY", KEY,
                "AZURE_OPENAI_DEPLOYMENT", DEPLOYMENT,
                "AZURE_OPENAI_RPM", Integer.toString(configuredRpm),
                "JOBS_POLL_INTERVAL_MS", "200",
                "LOG_LEVEL", "WARN");
    }


    private static double rateLimitedCounted(AppProcess app) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(app.baseUrl() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        return new PrometheusText(metrics.body()).sum("upstream_rate_limited_total", Map.of("api", "azure_openai"));
    }
}
