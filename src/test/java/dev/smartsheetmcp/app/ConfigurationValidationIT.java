package dev.smartsheetmcp.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smartsheetmcp.sandbox.FaultInjector;
import dev.smartsheetmcp.sandbox.azure.AzureOpenAiEmulator;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.AppProcess;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Real-mode start-up refuses bad settings, one line per problem, and never prints a secret. */
class ConfigurationValidationIT {

    private static final String SMARTSHEET_SECRET = "ssk-FAKE-SECRET-7f3a9c";
    private static final String AZURE_SECRET = "azk-FAKE-SECRET-51be02";

    private static SmartsheetEmulator smartsheet;
    private static AzureOpenAiEmulator azure;

    @TempDir
    Path work;

    @BeforeAll
    static void startEmulators() throws Exception {
        smartsheet = new SmartsheetEmulator(new FaultInjector(1), 300);
        smartsheet.addToken(SMARTSHEET_SECRET);
        smartsheet.start(0, 4);
        azure = new AzureOpenAiEmulator(new FaultInjector(2), AZURE_SECRET);
        azure.addDeployment("gpt-4o", 600, 200_000);
        azure.start(0, 4);
    }

    @AfterAll
    static void stopEmulators() {
        smartsheet.close();
        azure.close();
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                Arguments.of("missing Smartsheet key", Map.of("SMARTSHEET_API_KEY", ""),
                        "SMARTSHEET_API_KEY: is empty"),
                Arguments.of("Smartsheet base URL not http", Map.of("SMARTSHEET_BASE_URL", "ftp://api.smartsheet.com/2.0"),
                        "SMARTSHEET_BASE_URL: is not an http(s) URL"),
                Arguments.of("Azure base not a URL", Map.of("AZURE_OPENAI_API_BASE", "my-resource.openai.azure.com"),
                        "AZURE_OPENAI_API_BASE: is not an http(s) URL"),
                Arguments.of("Azure api-version malformed", Map.of("AZURE_OPENAI_API_VERSION", "2024/10/21"),
                        "AZURE_OPENAI_API_VERSION: must look like YYYY-MM-DD"),
                Arguments.of("Azure key empty", Map.of("AZURE_OPENAI_API_KEY", ""),
                        "AZURE_OPENAI_API_KEY: is empty"),
                Arguments.of("Azure deployment empty", Map.of("AZURE_OPENAI_DEPLOYMENT", ""),
                        "AZURE_OPENAI_DEPLOYMENT: is empty"),
                Arguments.of("transport unknown", Map.of("MCP_TRANSPORT", "websocket"),
                        "MCP_TRANSPORT: must be stdio or http"),
                Arguments.of("allowed origin without scheme", Map.of("MCP_ALLOWED_ORIGINS", "http://localhost:*,example.com"),
                        "MCP_ALLOWED_ORIGINS: entry 2 is not an origin of the form http(s)://host[:port|:*]"),
                Arguments.of("request size limit not a number", Map.of("MCP_MAX_REQUEST_BYTES", "1MB"),
                        "MCP_MAX_REQUEST_BYTES: must be a whole number from 1 to"),
                Arguments.of("call cap zero", Map.of("MCP_MAX_CONCURRENT_CALLS_PER_SESSION", "0"),
                        "MCP_MAX_CONCURRENT_CALLS_PER_SESSION: must be a whole number from 1 to"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void refusesToStartWithAClearLinePerProblem(String name, Map<String, String> change, String expectedLine)
            throws Exception {
        Map<String, String> env = validEnvironment();
        env.putAll(change);
        try (AppProcess app = AppProcess.start(work, env, List.of())) {
            int exit = app.awaitExit(Duration.ofSeconds(60));
            assertThat(exit).isNotZero();
            assertThat(app.stderr()).contains(expectedLine);
            assertNoSecretIn(app);
        }
    }

    @Test
    void reportsEveryProblemAtOnce() throws Exception {
        Map<String, String> env = validEnvironment();
        env.put("SMARTSHEET_API_KEY", "");
        env.put("AZURE_OPENAI_API_VERSION", "latest");
        try (AppProcess app = AppProcess.start(work, env, List.of())) {
            assertThat(app.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(app.stderr()).contains("SMARTSHEET_API_KEY: is empty", "AZURE_OPENAI_API_VERSION: must look like");
        }
    }

    @Test
    void refusesAShortAuthTokenWithoutPrintingIt() throws Exception {
        Map<String, String> env = validEnvironment();
        env.put("MCP_AUTH_TOKEN", "tok-FAKE-7c1e");
        try (AppProcess app = AppProcess.start(work, env, List.of())) {
            assertThat(app.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(app.stderr()).contains("MCP_AUTH_TOKEN: must be at least 16 characters without spaces");
            assertThat(app.stdout() + app.stderr()).doesNotContain("tok-FAKE-7c1e");
        }
    }

    @Test
    void startupProbeReportsAWrongDeploymentName() throws Exception {
        Map<String, String> env = validEnvironment();
        env.put("AZURE_OPENAI_DEPLOYMENT", "gpt-4o-typo");
        try (AppProcess app = AppProcess.start(work, env, List.of())) {
            assertThat(app.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(app.stderr()).contains("AZURE_OPENAI_DEPLOYMENT: no deployment named 'gpt-4o-typo'");
            assertNoSecretIn(app);
        }
    }

    @Test
    void startupProbeReportsARejectedKey() throws Exception {
        Map<String, String> env = validEnvironment();
        env.put("AZURE_OPENAI_API_KEY", "azk-FAKE-WRONG-KEY-000");
        try (AppProcess app = AppProcess.start(work, env, List.of())) {
            assertThat(app.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(app.stderr()).contains("AZURE_OPENAI_API_KEY: rejected by Azure OpenAI (HTTP 401)")
                    .doesNotContain("azk-FAKE-WRONG-KEY-000");
        }
    }

    @Test
    void startsWithValidSettingsAndServesHealth() throws Exception {
        try (AppProcess app = AppProcess.start(work, validEnvironment(), List.of())) {
            app.awaitHealthy(Duration.ofSeconds(30));
            assertNoSecretIn(app);
        }
    }

    @Test
    void startsWithSmartsheetOnlyWhenAzureIsNotConfigured() throws Exception {
        Map<String, String> env = validEnvironment();
        Stream.of("AZURE_OPENAI_API_BASE", "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_DEPLOYMENT")
                .forEach(env::remove);
        try (AppProcess app = AppProcess.start(work, env, List.of())) {
            app.awaitHealthy(Duration.ofSeconds(30));
            try (McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(app.baseUrl())
                    .endpoint("/mcp").build()).build()) {
                client.initialize();
                McpSchema.CallToolResult refused = client.callTool(new McpSchema.CallToolRequest("start_batch_analysis",
                        Map.of("sheet_id", "1", "type", "summarize", "sourceColumns", List.of("A"), "targetColumn", "B")));
                assertThat(refused.isError()).isTrue();
                assertThat(((McpSchema.TextContent) refused.content().get(0)).text())
                        .startsWith("Azure OpenAI is not configured: set AZURE_OPENAI_API_BASE");
            }
        }
    }

    @Test
    void batchModeOnPooledDeploymentsOnlyNeedsThePoolEntryThatHoldsTheBatchDeployment() throws Exception {
        Map<String, String> env = validEnvironment();
        Stream.of("AZURE_OPENAI_API_BASE", "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_DEPLOYMENT").forEach(env::remove);
        env.put("AZURE_OPENAI_DEPLOYMENTS", "east");
        env.put("AZURE_OPENAI_DEPLOYMENTS_EAST_ENDPOINT", azure.endpoint());
        env.put("AZURE_OPENAI_DEPLOYMENTS_EAST_DEPLOYMENT", "gpt-4o");
        env.put("AZURE_OPENAI_DEPLOYMENTS_EAST_API_KEY_ENV", "POOL_KEY_EAST");
        env.put("POOL_KEY_EAST", AZURE_SECRET);
        env.put("AZURE_OPENAI_BATCH_DEPLOYMENT", "gpt-4o-batch");
        try (AppProcess app = AppProcess.start(work, env, List.of())) {
            assertThat(app.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(app.stderr()).contains("AZURE_OPENAI_BATCH_DEPLOYMENT: the Batch API needs an endpoint and key,"
                    + " and only azure.deployments has some: set AZURE_OPENAI_BATCH_POOL_ENTRY (azure.batch.pool-entry)");
            assertNoSecretIn(app);
        }
        env.put("AZURE_OPENAI_BATCH_POOL_ENTRY", "east");
        try (AppProcess app = AppProcess.start(work, env, List.of())) {
            app.awaitHealthy(Duration.ofSeconds(30));
            assertNoSecretIn(app);
        }
    }

    private static Map<String, String> validEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("MCP_TRANSPORT", "http");
        env.put("SMARTSHEET_BASE_URL", smartsheet.baseUrl());
        env.put("SMARTSHEET_API_KEY", SMARTSHEET_SECRET);
        env.put("AZURE_OPENAI_API_BASE", azure.endpoint());
        env.put("AZURE_OPENAI_API_KEY", AZURE_SECRET);
        env.put("AZURE_OPENAI_API_VERSION", "2024-10-21");
        env.put("AZURE_OPENAI_DEPLOYMENT", "gpt-4o");
        return env;
    }

    private static void assertNoSecretIn(AppProcess app) throws Exception {
        String output = app.stdout() + app.stderr();
        assertThat(output).doesNotContain(SMARTSHEET_SECRET).doesNotContain(AZURE_SECRET)
                .doesNotContain(SMARTSHEET_SECRET.substring(0, 10)).doesNotContain(AZURE_SECRET.substring(0, 10));
    }
}
