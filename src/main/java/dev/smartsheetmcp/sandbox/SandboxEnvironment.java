package dev.smartsheetmcp.sandbox;

import dev.smartsheetmcp.sandbox.azure.AzureOpenAiEmulator;
import dev.smartsheetmcp.sandbox.azure.BatchSettings;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sandbox mode: both emulators on loopback, seeded with the demo workspace, and the settings
 * that point the application at them. Knobs come from the {@code sandbox.*} properties.
 */
public final class SandboxEnvironment implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxEnvironment.class);

    public static final String API_VERSION = "2024-10-21";
    /** The key reference (api-key-env) of the pooled sandbox deployments: a property of that name holds the key. */
    private static final String POOL_KEY_REFERENCE = "SANDBOX_AZURE_POOL_KEY";

    private final SmartsheetEmulator smartsheet;
    private final AzureOpenAiEmulator azure;
    private final String smartsheetToken;
    private final String azureKey;
    private final String deployment;
    private final String secondaryDeployment;
    private final String batchDeployment;
    private final int pooledDeployments;
    private final int azureRpm;
    private final int azureTpm;
    private final SmartsheetEmulator.SeededDemo demo;

    private SandboxEnvironment(Function<String, String> property) throws IOException {
        long seed = Long.parseLong(property.apply("sandbox.seed"));
        smartsheetToken = "sandbox-" + randomHex();
        azureKey = "sandbox-" + randomHex();
        deployment = property.apply("sandbox.azure.deployment");
        secondaryDeployment = property.apply("sandbox.azure.secondary-deployment").trim();

        smartsheet = new SmartsheetEmulator(faults(property, "sandbox.smartsheet.", seed),
                Integer.parseInt(property.apply("sandbox.smartsheet.rpm")),
                Duration.ofMillis(Long.parseLong(property.apply("sandbox.smartsheet.rate-window-ms").trim())));
        smartsheet.addToken(smartsheetToken);
        demo = smartsheet.seedDemo();
        smartsheet.start(Integer.parseInt(property.apply("sandbox.smartsheet.port")), 16);

        azure = new AzureOpenAiEmulator(faults(property, "sandbox.azure.", seed + 1), azureKey,
                Integer.parseInt(property.apply("sandbox.azure.evaluation-seconds")), System::nanoTime);
        azureRpm = Integer.parseInt(property.apply("sandbox.azure.rpm"));
        azureTpm = Integer.parseInt(property.apply("sandbox.azure.tpm"));
        pooledDeployments = Integer.parseInt(property.apply("sandbox.azure.pooled-deployments").trim());
        azure.injectedRetryAfter(Duration.ofMillis(Long.parseLong(property.apply("sandbox.azure.fault.retry-after-ms"))));
        azure.addDeployment(deployment, azureRpm, azureTpm);
        if (!secondaryDeployment.isEmpty()) azure.addDeployment(secondaryDeployment, azureRpm, azureTpm);
        for (int i = 1; i <= pooledDeployments; i++) azure.addDeployment(pooledName(i), azureRpm, azureTpm);
        batchDeployment = property.apply("sandbox.azure.batch-deployment").trim();
        azure.addBatchDeployment(batchDeployment, Long.parseLong(property.apply("sandbox.azure.batch.enqueued-tokens")));
        azure.batchSettings(BatchSettings.realistic()
                .withTimeScale(Double.parseDouble(property.apply("sandbox.azure.batch.time-scale")))
                .withRequestsPerMinute(Long.parseLong(property.apply("sandbox.azure.batch.requests-per-minute")))
                .withMaxRequestsPerFile(Integer.parseInt(property.apply("sandbox.azure.batch.max-requests-per-file"))));
        azure.start(Integer.parseInt(property.apply("sandbox.azure.port")), 32);
        LOG.info("Sandbox ready: demo workspace {} with sheet {}", demo.workspaceId(), demo.sheetId());
    }

    /** Starts both emulators with the knobs read through {@code property}. */
    public static SandboxEnvironment start(Function<String, String> property) throws IOException {
        return new SandboxEnvironment(property);
    }

    /** The application settings that point at the emulators, by property name. */
    public Map<String, String> applicationProperties() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("smartsheet.base-url", smartsheet.baseUrl());
        settings.put("smartsheet.api-key", smartsheetToken);
        settings.put("azure.api-base", azure.endpoint());
        settings.put("azure.api-key", azureKey);
        settings.put("azure.api-version", API_VERSION);
        settings.put("azure.deployment", deployment);
        if (!secondaryDeployment.isEmpty()) settings.put("azure.fallback-deployment", secondaryDeployment);
        settings.put("azure.batch.deployment", batchDeployment);
        if (pooledDeployments > 0) pool(settings);
        return settings;
    }

    /** azure.deployments: sandbox-1 … sandbox-N, deployments of the one emulator, the key by reference. */
    private void pool(Map<String, String> settings) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= pooledDeployments; i++) {
            String prefix = "azure.deployments.sandbox-" + i + ".";
            ids.add("sandbox-" + i);
            settings.put(prefix + "endpoint", azure.endpoint());
            settings.put(prefix + "deployment", pooledName(i));
            settings.put(prefix + "api-key-env", POOL_KEY_REFERENCE);
            settings.put(prefix + "rpm", Integer.toString(azureRpm));
            settings.put(prefix + "tpm", Integer.toString(azureTpm));
        }
        settings.put("azure.deployments", String.join(",", ids));
        settings.put(POOL_KEY_REFERENCE, azureKey);
    }

    private String pooledName(int i) {
        return deployment + "-" + i;
    }

    public SmartsheetEmulator smartsheet() { return smartsheet; }

    public AzureOpenAiEmulator azure() { return azure; }

    public SmartsheetEmulator.SeededDemo demo() { return demo; }

    @Override
    public void close() {
        smartsheet.close();
        azure.close();
    }

    private static FaultInjector faults(Function<String, String> property, String prefix, long seed) {
        return new FaultInjector(seed)
                .latency(Duration.ofMillis(Long.parseLong(property.apply(prefix + "latency-ms"))))
                .rateLimitRate(Double.parseDouble(property.apply(prefix + "fault.rate-limit")))
                .serverErrorRate(Double.parseDouble(property.apply(prefix + "fault.server-error")))
                .slowRate(Double.parseDouble(property.apply(prefix + "fault.slow")))
                .slowDelay(Duration.ofMillis(Long.parseLong(property.apply(prefix + "fault.slow-ms"))))
                .malformedRate(Double.parseDouble(property.apply(prefix + "fault.malformed")))
                .dropRate(Double.parseDouble(property.apply(prefix + "fault.drop")));
    }

    private static String randomHex() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
