package dev.smartsheetmcp.bench;

import dev.smartsheetmcp.sandbox.FaultInjector;
import dev.smartsheetmcp.sandbox.azure.AzureOpenAiEmulator;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Fresh emulators for one benchmark run, and the environment that points the application at them. */
final class Upstreams implements AutoCloseable {

    static final String TOKEN = "bench-token";
    static final String KEY = "bench-key";
    static final String DEPLOYMENT = "gpt-4o";

    final SmartsheetEmulator smartsheet;
    final AzureOpenAiEmulator azure;

    Upstreams(int smartsheetRpm, int azureRpm, int azureTpm, Duration azureLatency) throws Exception {
        smartsheet = new SmartsheetEmulator(new FaultInjector(11), smartsheetRpm);
        smartsheet.addToken(TOKEN);
        smartsheet.start(0, 32);
        azure = new AzureOpenAiEmulator(new FaultInjector(12), KEY);
        azure.addDeployment(DEPLOYMENT, azureRpm, azureTpm);
        azure.faults().latency(azureLatency);
        azure.start(0, 64);
    }

    Map<String, String> environment(int azureRpm, int azureTpm) {
        Map<String, String> env = new HashMap<>();
        env.put("MCP_TRANSPORT", "http");
        env.put("SMARTSHEET_BASE_URL", smartsheet.baseUrl());
        env.put("SMARTSHEET_API_KEY", TOKEN);
        env.put("AZURE_OPENAI_API_BASE", azure.endpoint());
        env.put("AZURE_OPENAI_API_KEY", KEY);
        env.put("AZURE_OPENAI_DEPLOYMENT", DEPLOYMENT);
        env.put("AZURE_OPENAI_RPM", Integer.toString(azureRpm));
        env.put("AZURE_OPENAI_TPM", Integer.toString(azureTpm));
        env.put("JOBS_POLL_INTERVAL_MS", "200");
        env.put("JOBS_DEFAULT_BATCH_SIZE", "500");
        env.put("LOG_LEVEL", "WARN");
        return env;
    }

    @Override
    public void close() {
        smartsheet.close();
        azure.close();
    }
}
