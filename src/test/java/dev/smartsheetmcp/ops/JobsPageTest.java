package dev.smartsheetmcp.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smartsheetmcp.sandbox.smartsheet.ColumnSpec;
import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.Jobs;
import dev.smartsheetmcp.testing.RequiredPrograms;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The jobs page in a real headless browser (Debian's chromium and chromedriver, which .ci/run
 * installs): a running job's progress advances on the page, hostile column titles stay text.
 */
class JobsPageTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String TOKEN = "jobs-page-test-token";
    private static final String AUTHORIZATION = "Bearer " + TOKEN;
    /** What a browser sends once the engineer has typed the token as the password of the Basic prompt. */
    private static final String BROWSER_AUTHORIZATION = "Basic "
            + Base64.getEncoder().encodeToString(("engineer:" + TOKEN).getBytes(StandardCharsets.UTF_8));
    private static final String HOSTILE_TITLE = "<img src=x onerror=\"window.injected=true\">Verdict";

    private static SandboxApp app;
    private static McpSyncClient client;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        RequiredPrograms.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ") for the jobs page test",
                "apt-get install chromium chromium-driver; .ci/run installs them");
        app = SandboxApp.start(SandboxApp.unthrottledModel(Map.of(
                "jobs.poll-interval-ms", "200", "jobs-page.refresh-ms", "300", "http.auth-token", TOKEN)));
        client = app.mcpClient(TOKEN);
        browser = headlessChromium();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.quit();
        if (client != null) client.close();
        if (app != null) app.close();
    }

    @AfterEach
    void noLatency() {
        app.sandbox().azure().faults().latency(Duration.ZERO);
    }

    @Test
    void aRunningJobsProgressAdvancesOnThePageUntilItCompletes() {
        long sheetId = sheetWithHostileTargetColumn(100);
        app.sandbox().azure().faults().latency(Duration.ofMillis(1000));
        browser.get(app.baseUrl() + "/jobs");
        String jobId = ToolCalls.ok(client, "start_batch_analysis", Map.of("sheet_id", Long.toString(sheetId),
                "type", "summarize", "sourceColumns", List.of("Feedback"), "targetColumn", HOSTILE_TITLE,
                "batchSize", 10)).path("jobId").asText();

        List<Map<String, Object>> seen = new ArrayList<>();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> {
            Map<String, Object> shown = shownJob(jobId);
            if (shown != null) seen.add(shown);
            return shown != null && "completed".equals(shown.get("status"));
        });

        List<Long> runningPercents = seen.stream().filter(job -> "running".equals(job.get("status")))
                .map(job -> (Long) job.get("percent")).distinct().toList();
        assertThat(runningPercents).as("percentages shown while running").hasSizeGreaterThanOrEqualTo(2).isSorted();
        // 100% while still running is the moment between the last batch's commit and the job's end
        assertThat(runningPercents.get(runningPercents.size() - 1)).isGreaterThan(runningPercents.get(0)).isLessThanOrEqualTo(100);
        Map<String, Object> last = seen.get(seen.size() - 1);
        assertThat(last).containsEntry("percent", 100L).containsEntry("rows", "100 / 100 rows")
                .containsEntry("written", "100").containsEntry("failed", "0");
        assertThat(last.get("finished")).isNotEqualTo("-");
        assertThat(last).containsEntry("mode", "online");
        assertThat((String) last.get("cost")).as("the job's tokens at the configured prices").matches("\\d+(\\.\\d+)? USD");
    }

    @Test
    void dataFromTheSheetIsShownAsTextNeverAsMarkup() {
        long sheetId = sheetWithHostileTargetColumn(3);
        String jobId = ToolCalls.ok(client, "start_batch_analysis", Map.of("sheet_id", Long.toString(sheetId),
                "type", "summarize", "sourceColumns", List.of("Feedback"), "targetColumn", HOSTILE_TITLE))
                .path("jobId").asText();
        browser.get(app.baseUrl() + "/jobs");

        await().atMost(Duration.ofSeconds(30)).until(() -> shownJob(jobId) != null);
        assertThat(script("return document.querySelectorAll('img').length")).as("img elements").isEqualTo(0L);
        assertThat(script("return window.injected === undefined")).as("the injected handler never ran").isEqualTo(true);
        assertThat(shownJob(jobId)).containsEntry("target", HOSTILE_TITLE);
    }

    @Test
    void aScheduledIncrementalRunShowsItsScheduleAndTheRowsItLeftAlone() {
        long sheetId = sheetWithHostileTargetColumn(5);
        ToolCalls.ok(client, "create_schedule", Map.of("name", "page-nightly", "cron", "0 0 2 * * ?",
                "sheet_id", Long.toString(sheetId), "type", "summarize", "sourceColumns", List.of("Feedback"),
                "targetColumn", "Summary"));
        Jobs.awaitCompleted(client, ToolCalls.ok(client, "run_schedule_now", Map.of("name", "page-nightly")).path("jobId").asText(),
                Duration.ofMinutes(1));
        String second = ToolCalls.ok(client, "run_schedule_now", Map.of("name", "page-nightly")).path("jobId").asText();
        Jobs.awaitCompleted(client, second, Duration.ofMinutes(1));

        browser.get(app.baseUrl() + "/jobs");
        await().atMost(Duration.ofSeconds(30)).until(() -> shownJob(second) != null);
        assertThat(script("""
                const job = document.querySelector('article.job[data-job-id="' + arguments[0] + '"]');
                return [job.querySelector('.fact-schedule').textContent, job.querySelector('.fact-unchanged').textContent,
                        job.querySelector('.fact-edited-by-a-person').textContent];
                """, second)).isEqualTo(List.of("page-nightly", "5", "0"));
    }

    @Test
    void everyAnswerIsUncachedUnsniffedAndLimitedToItsOwnOrigin() throws Exception {
        for (String path : List.of("/jobs", "/jobs/app.js", "/jobs/app.css", "/jobs/data.json")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(type ->
                    assertThat(type.replace(" ", "")).endsWith(";charset=utf-8"));
            assertThat(response.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'none'", "script-src 'self'", "style-src 'self'",
                            "connect-src 'self'").doesNotContain("unsafe-inline", "unsafe-eval"));
            assertThat(response.headers().firstValue("Authorization")).as(path + " echoes no request header").isEmpty();
        }
        JsonNode data = new ObjectMapper().readTree(get("/jobs/data.json").body());
        assertThat(data.path("refresh_ms").asLong()).isEqualTo(300);
        assertThat(data.path("jobs").isArray()).isTrue();
    }

    @Test
    void thePageAndItsDataAreBehindTheSameAuthAsTheMcpEndpoint() throws Exception {
        for (String path : List.of("/jobs", "/jobs/app.js", "/jobs/data.json")) {
            HttpRequest anonymous = HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).GET().build();
            HttpResponse<String> refused = HttpClient.newHttpClient().send(anonymous, HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(path).isEqualTo(401);
            assertThat(refused.body()).as(path).doesNotContain("jobs");
        }
    }

    @Test
    void theDataLimitIsCappedAndABadOneIsRefusedNamingIt() throws Exception {
        long sheetId = sheetWithHostileTargetColumn(1);
        for (int i = 0; i < 3; i++) {
            ToolCalls.ok(client, "start_batch_analysis", Map.of("sheet_id", Long.toString(sheetId), "type", "summarize",
                    "sourceColumns", List.of("Feedback"), "targetColumn", "Summary"));
        }
        assertThat(new ObjectMapper().readTree(get("/jobs/data.json?limit=2").body()).path("count").asInt()).isEqualTo(2);

        HttpResponse<String> refused = get("/jobs/data.json?limit=many");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(refused.body()).path("error").asText()).contains("limit");
    }


    /** What the page shows of one job, read in one go (the page re-renders between reads), or null. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> shownJob(String jobId) {
        return (Map<String, Object>) script("""
                const job = document.querySelector('article.job[data-job-id="' + arguments[0] + '"]');
                if (!job) return null;
                const text = (selector) => job.querySelector(selector).textContent;
                return {status: job.dataset.status, percent: parseInt(text('.percent'), 10), rows: text('.rows'),
                        target: text('.fact-target-column'), written: text('.fact-written'),
                        failed: text('.fact-failed'), finished: text('.fact-finished'),
                        mode: text('.fact-mode'), cost: text('.fact-estimated-cost')};
                """, jobId);
    }

    private static Object script(String source, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(source, arguments);
    }

    private static long sheetWithHostileTargetColumn(int rows) {
        List<ColumnSpec> columns = new ArrayList<>(AnalysisSheets.COLUMNS);
        columns.add(ColumnSpec.text(HOSTILE_TITLE));
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) data.add(Map.of("Ticket", "T-" + i, "Feedback", AnalysisSheets.feedback(i)));
        return app.sandbox().smartsheet().createSheet(null, "Page " + System.nanoTime(), columns, data);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", AUTHORIZATION).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Chromium with the driver given explicitly (so Selenium Manager never tries a download),
     * sending the Basic credentials on every request as it does after its login prompt.
     */
    private static ChromeDriver headlessChromium() {
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", BROWSER_AUTHORIZATION)));
        return driver;
    }
}
