package dev.smartsheetmcp.testing;

import dev.smartsheetmcp.sandbox.FaultInjector;
import dev.smartsheetmcp.sandbox.azure.AzureOpenAiEmulator;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Both emulators in the test's JVM, so they outlive an application process that is killed or
 * stopped and restarted; with the environment that points a packaged application at them.
 */
public final class StandaloneEmulators implements AutoCloseable {

    private static final String DEPLOYMENT = "gpt-4o";

    private final SmartsheetEmulator smartsheet;
    private final AzureOpenAiEmulator azure;
    private final String token;
    private final String key;

    /** Started, with an unthrottled model whose every answer takes {@code modelLatency}. */
    public StandaloneEmulators(long seed, String token, String key, Duration modelLatency) throws Exception {
        this.token = token;
        this.key = key;
        smartsheet = new SmartsheetEmulator(new FaultInjector(seed), 100_000);
        smartsheet.addToken(token);
        smartsheet.start(0, 16);
        azure = new AzureOpenAiEmulator(new FaultInjector(seed + 1), key);
        azure.addDeployment(DEPLOYMENT, 1_000_000, 1_000_000_000);
        azure.faults().latency(modelLatency);
        azure.start(0, 32);
    }

    public SmartsheetEmulator smartsheet() {
        return smartsheet;
    }

    public AzureOpenAiEmulator azure() {
        return azure;
    }

    /** A mutable environment for {@link AppProcess}: HTTP transport, both APIs, a fast job poll. */
    public Map<String, String> appEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("MCP_TRANSPORT", "http");
        env.put("SMARTSHEET_BASE_URL", smartsheet.baseUrl());
        env.put("SMARTSHEET_API_KEY", token);
        env.put("AZURE_OPENAI_API_BASE", azure.endpoint());
        env.put("AZURE_OPENAI_API_KEY", key);
        env.put("AZURE_OPENAI_DEPLOYMENT", DEPLOYMENT);
        env.put("AZURE_OPENAI_RPM", "1000000");
        env.put("AZURE_OPENAI_TPM", "1000000000");
        env.put("JOBS_POLL_INTERVAL_MS", "200");
        env.put("ANALYSIS_PARALLELISM", "4");
        return env;
    }

    @Override
    public void close() {
        smartsheet.close();
        azure.close();
    }
}
