package dev.smartsheetmcp.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smartsheetmcp.sandbox.FaultInjector;
import dev.smartsheetmcp.sandbox.azure.AzureOpenAiEmulator;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.AppProcess;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the packaged jar with recognisable fake secrets (Smartsheet token, Azure key, MCP auth
 * token), at TRACE level, and forces errors on every path: 401 from each upstream, 429s, 5xx,
 * timeouts, malformed and dropped answers, invalid tool arguments, a failing batch job, startup
 * validation errors. Then searches everything the application produced for the secrets, and for
 * distinctive pieces of them: stdout, stderr, tool results, /health, the job store's rows and
 * the process's command line. Nothing may match.
 */
class SecretLeakIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String smartsheetToken = canary("SsLeakCanary");
    private final String azureKey = canary("AzLeakCanary");
    private final String mcpToken = canary("McpLeakCanary");

    private SmartsheetEmulator smartsheet;
    private AzureOpenAiEmulator azure;
    /** Emulators that know other credentials: they answer 401 to ours. */
    private SmartsheetEmulator strangerSmartsheet;
    private AzureOpenAiEmulator strangerAzure;
    private final StringBuilder produced = new StringBuilder();

    @BeforeEach
    void startEmulators() throws Exception {
        smartsheet = new SmartsheetEmulator(new FaultInjector(7), 100_000);
        smartsheet.addToken(smartsheetToken);
        smartsheet.start(0, 16);
        azure = new AzureOpenAiEmulator(new FaultInjector(8), azureKey);
        azure.addDeployment("gpt-4o", 1_000_000, 1_000_000_000);
        azure.start(0, 16);
        strangerSmartsheet = new SmartsheetEmulator(new FaultInjector(9), 100_000);
        strangerSmartsheet.addToken("somebody-else");
        strangerSmartsheet.start(0, 4);
        strangerAzure = new AzureOpenAiEmulator(new FaultInjector(10), "somebody-elses-key");
        strangerAzure.addDeployment("gpt-4o", 1_000_000, 1_000_000_000);
        strangerAzure.start(0, 4);
    }

    @AfterEach
    void stopEmulators() {
        smartsheet.close();
        azure.close();
        strangerSmartsheet.close();
        strangerAzure.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void noSecretInAnyOutputWhateverFails(String logFormat, @org.junit.jupiter.api.io.TempDir Path work) throws Exception {
        long sheetId = AnalysisSheets.create(smartsheet, "Leaks", 40);

        runWithFaults(work.resolve("faults"), logFormat, sheetId);
        startupFails(work.resolve("bad-version"), logFormat, Map.of("AZURE_OPENAI_API_VERSION", "yesterday"));
        startupFails(work.resolve("key-refused"), logFormat, Map.of("AZURE_OPENAI_API_BASE", strangerAzure.endpoint(),
                "AZURE_OPENAI_STARTUP_PROBE", "true"));
        runWithRefusedCredentials(work.resolve("refused"), logFormat);

        assertThat(produced.length()).as("output collected").isGreaterThan(10_000);
        for (String secret : List.of(smartsheetToken, azureKey, mcpToken)) {
            for (String needle : needles(secret)) {
                assertThat(produced.indexOf(needle)).as("'" + needle + "' (from a secret) leaked:\n"
                        + around(needle)).isEqualTo(-1);
            }
        }
    }

    /** Good credentials; Smartsheet and Azure misbehave in every way the emulators can. */
    private void runWithFaults(Path work, String logFormat, long sheetId) throws Exception {
        String jobId;
        try (AppProcess app = AppProcess.start(work, environment(logFormat, Map.of()), List.of())) {
            app.awaitHealthy(Duration.ofSeconds(60));
            collect(health(app));
            assertNoSecretInCommandLine(app);
            try (McpSyncClient client = app.mcpClient(mcpToken)) {
                // invalid arguments
                call(client, "get_sheet_info", Map.of());
                call(client, "get_sheet_info", Map.of("sheet_id", "not-a-number"));
                call(client, "smartsheet_update", Map.of("sheet_id", Long.toString(sheetId), "updates", "nonsense"));
                call(client, "get_sheet_info", Map.of("sheet_id", "1234"));
                // 429s, 5xx, timeouts, malformed and dropped answers from Smartsheet
                smartsheet.faults().rateLimitRate(0.2).serverErrorRate(0.2).slowRate(0.1).malformedRate(0.1).dropRate(0.1)
                        .slowDelay(Duration.ofSeconds(3));
                for (int i = 0; i < 8; i++) {
                    call(client, "get_column_map", Map.of("sheet_id", Long.toString(sheetId)));
                }
                smartsheet.faults().clearFaults();
                // a batch job whose model calls fail: row failures, then the model's circuit opens
                azure.faults().serverErrorRate(0.6).slowRate(0.2).slowDelay(Duration.ofSeconds(3)).rateLimitRate(0.2);
                jobId = ToolCalls.ok(client, "start_batch_analysis", Map.of("sheet_id", Long.toString(sheetId),
                        "type", "summarize", "sourceColumns", List.of("Feedback"), "targetColumn", "Summary",
                        "batchSize", 20)).path("jobId").asText();
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300)).until(() ->
                        List.of("failed", "completed").contains(call(client, "get_job_status", Map.of("jobId", jobId))
                                .path("status").asText()));
                call(client, "list_jobs", Map.of());
                azure.faults().clearFaults();
            }
            collectLogs(app, logFormat, true);
        }
        String stored = jobStoreContents(work);
        assertThat(stored).as("the job store holds the failed job and its row errors").contains(jobId, "Azure OpenAI error");
        collect(stored);
    }

    /** Both upstreams refuse the credentials: 401 on tool calls (start_batch_analysis reads the sheet first). */
    private void runWithRefusedCredentials(Path work, String logFormat) throws Exception {
        Map<String, String> env = environment(logFormat, Map.of("SMARTSHEET_BASE_URL", strangerSmartsheet.baseUrl(),
                "AZURE_OPENAI_API_BASE", strangerAzure.endpoint()));
        try (AppProcess app = AppProcess.start(work, env, List.of())) {
            app.awaitHealthy(Duration.ofSeconds(60));
            try (McpSyncClient client = app.mcpClient(mcpToken)) {
                call(client, "list_workspaces", Map.of());
                call(client, "get_sheet_info", Map.of("sheet_id", "42"));
                call(client, "start_batch_analysis", Map.of("sheet_id", "42", "type", "summarize",
                        "sourceColumns", List.of("Feedback"), "targetColumn", "Summary"));
            }
            collectLogs(app, logFormat, false);
        }
        assertThat(produced.toString()).as("Smartsheet refused the token").contains("HTTP 401");
    }

    private void startupFails(Path work, String logFormat, Map<String, String> more) throws Exception {
        Map<String, String> env = environment(logFormat, more);
        env.remove("AZURE_OPENAI_STARTUP_PROBE");
        env.putAll(more);
        try (AppProcess app = AppProcess.start(work, env, List.of())) {
            assertThat(app.awaitExit(Duration.ofSeconds(60))).as(app.stderr()).isEqualTo(Application.CONFIGURATION_ERROR);
            collect(app.stdout());
            collect(app.stderr());
        }
    }

    private Map<String, String> environment(String logFormat, Map<String, String> more) {
        Map<String, String> env = new HashMap<>();
        env.put("MCP_TRANSPORT", "http");
        env.put("LOG_FORMAT", logFormat);
        env.put("LOG_LEVEL", "TRACE");
        env.put("SMARTSHEET_BASE_URL", smartsheet.baseUrl());
        env.put("SMARTSHEET_API_KEY", smartsheetToken);
        env.put("SMARTSHEET_RETRY_MAX", "2");
        env.put("SMARTSHEET_RETRY_INITIAL_DELAY_MS", "50");
        env.put("SMARTSHEET_RETRY_MAX_DELAY_MS", "200");
        env.put("SMARTSHEET_RESPONSE_TIMEOUT_MS", "1000");
        env.put("AZURE_OPENAI_API_BASE", azure.endpoint());
        env.put("AZURE_OPENAI_API_KEY", azureKey);
        env.put("AZURE_OPENAI_DEPLOYMENT", "gpt-4o");
        env.put("AZURE_OPENAI_STARTUP_PROBE", "false");
        env.put("AZURE_OPENAI_RETRY_MAX", "1");
        env.put("AZURE_OPENAI_RETRY_INITIAL_DELAY_MS", "50");
        env.put("AZURE_OPENAI_RETRY_MAX_DELAY_MS", "200");
        env.put("AZURE_OPENAI_RESPONSE_TIMEOUT_MS", "1000");
        env.put("JOBS_POLL_INTERVAL_MS", "200");
        env.put("JOBS_MAX_ATTEMPTS", "1");
        env.put("ANALYSIS_PARALLELISM", "4");
        env.put("MCP_AUTH_TOKEN", mcpToken);
        env.putAll(more);
        return env;
    }

    private JsonNode call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = ToolCalls.call(client, tool, arguments);
        String text = ToolCalls.text(result);
        collect(text);
        try {
            return JSON.readTree(text);
        } catch (Exception notJson) {
            return JSON.createObjectNode();
        }
    }

    /** Stops the application and keeps its output; checks the log format, and the job context when a job ran. */
    private void collectLogs(AppProcess app, String logFormat, boolean jobRan) throws Exception {
        app.close();
        String stderr = app.stderr();
        collect(app.stdout());
        collect(stderr);
        List<String> lines = stderr.lines().filter(line -> !line.isBlank()).toList();
        if (logFormat.equals("json")) {
            List<JsonNode> events = new ArrayList<>();
            for (String line : lines) events.add(JSON.readTree(line));
            assertThat(events).as("one JSON object per line").allSatisfy(event -> assertThat(event.isObject()).isTrue());
            assertThat(events).as("messages with their arguments filled in").anySatisfy(event ->
                    assertThat(event.path("formattedMessage").asText()).contains("Apache Camel (Main) 4.18.0"));
            if (!jobRan) return;
            assertThat(events).as("job lines carry the job, sheet and batch in the MDC").anySatisfy(event ->
                    assertThat(event.path("mdc").has("JobId") && event.path("mdc").has("SheetId")
                            && event.path("mdc").has("BatchIndex")).isTrue());
            assertThat(events).as("row failures carry the row in the MDC").anySatisfy(event ->
                    assertThat(event.path("mdc").has("RowId")).isTrue());
        } else if (jobRan) {
            assertThat(lines).as("job lines carry the job, sheet and batch").anySatisfy(line ->
                    assertThat(line).contains(" job=").contains(" sheet=").contains(" batch="));
            assertThat(lines).as("row failures carry the row").anySatisfy(line -> assertThat(line).contains(" row="));
        }
    }

    private static void assertNoSecretInCommandLine(AppProcess app) {
        String commandLine = app.process().info().commandLine().orElseThrow();
        assertThat(commandLine).contains("-jar").doesNotContain("LeakCanary");
    }

    private static String health(AppProcess app) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/health")).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Every text column of every job and row the application stored. */
    private static String jobStoreContents(Path work) throws SQLException {
        StringBuilder contents = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(
                "jdbc:hsqldb:file:" + work.resolve("data/jobstore/jobs") + ";shutdown=true", "SA", "")) {
            for (String table : List.of("analysis_job", "analysis_row")) {
                try (ResultSet rs = connection.createStatement().executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData columns = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= columns.getColumnCount(); i++) contents.append(rs.getString(i)).append('\n');
                    }
                }
            }
        }
        return contents.toString();
    }


    private void collect(String text) {
        produced.append(text).append('\n');
    }

    /** The secret and distinctive pieces of it (its first, middle and last eight characters). */
    private static List<String> needles(String secret) {
        int middle = secret.length() / 2 - 4;
        return List.of(secret, secret.substring(0, 8), secret.substring(middle, middle + 8),
                secret.substring(secret.length() - 8));
    }

    private String around(String needle) {
        int at = produced.indexOf(needle);
        return at < 0 ? "" : produced.substring(Math.max(0, at - 300), Math.min(produced.length(), at + 300));
    }

    private static String canary(String prefix) {
        SecureRandom random = new SecureRandom();
        StringBuilder secret = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 24; i++) secret.append((char) ('A' + random.nextInt(26)));
        return secret.toString();
    }
}
