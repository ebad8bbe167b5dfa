package dev.smartsheetmcp.analysis.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.analysis.prompts.AnalysisType;
import dev.smartsheetmcp.sandbox.FaultInjector;
import dev.smartsheetmcp.sandbox.azure.AzureOpenAiEmulator;
import dev.smartsheetmcp.sandbox.azure.BatchSettings;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.Jobs;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Batch mode when the model quota is pooled (azure.deployments) and no single endpoint is set: two
 * "regions", each an emulator with its own key; the Global-Batch deployment lives in west only.
 * With azure.batch.pool-entry west the Batch API uses west's endpoint and key; without it the start
 * is refused, naming the property, instead of queueing jobs that could only fail.
 */
class PooledBatchModeTest {

    private static final String TOKEN = "pooled-batch-smartsheet-token";
    private static final String EAST_KEY = "pooled-batch-key-east-2c41";
    private static final String WEST_KEY = "pooled-batch-key-west-8e07";
    private static final String BATCH_DEPLOYMENT = "gpt-4o-batch";

    private static SmartsheetEmulator smartsheet;
    private static AzureOpenAiEmulator east;
    private static AzureOpenAiEmulator west;

    @BeforeAll
    static void startRegions() throws Exception {
        smartsheet = new SmartsheetEmulator(new FaultInjector(11), 100_000).addToken(TOKEN);
        smartsheet.start(0, 8);
        east = region(12, EAST_KEY);
        west = region(13, WEST_KEY);
        west.addBatchDeployment(BATCH_DEPLOYMENT, 50_000_000)
                .batchSettings(BatchSettings.realistic().withTimeScale(100_000).withRequestsPerMinute(1_000));
    }

    private static AzureOpenAiEmulator region(long seed, String key) throws Exception {
        AzureOpenAiEmulator region = new AzureOpenAiEmulator(new FaultInjector(seed), key);
        region.addDeployment("gpt-4o", 100_000, 100_000_000);
        region.start(0, 8);
        return region;
    }

    @AfterAll
    static void stopRegions() {
        smartsheet.close();
        east.close();
        west.close();
    }

    @Test
    void withAPoolEntryNamedABatchModeJobRunsOnThatEntrysEndpointAndKey() throws Exception {
        Map<String, String> settings = pooledOnly();
        settings.put("azure.batch.pool-entry", "west");
        long sheetId = AnalysisSheets.create(smartsheet, "Pooled nightly", 40);
        int eastOnline = east.completionCount("gpt-4o");
        int westOnline = west.completionCount("gpt-4o");

        try (SandboxApp app = SandboxApp.start(settings); McpSyncClient client = app.mcpClient()) {
            JsonNode started = ToolCalls.ok(client, "start_batch_analysis", Map.of("sheet_id", Long.toString(sheetId),
                    "type", "summarize", "sourceColumns", List.of("Feedback"), "targetColumn", "Summary", "mode", "batch"));
            JsonNode done = Jobs.awaitFinished(client, started.path("jobId").asText(), Duration.ofSeconds(60),
                    Duration.ofMillis(200));

            assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
            assertThat(done.path("written").asInt()).isEqualTo(40);
            assertThat(done.path("azure_batches").path("files")).hasSize(1);
        }
        assertThat(west.batchesCreated()).isEqualTo(1);
        assertThat(east.batchesCreated()).isZero();
        assertThat(west.storedFileCount()).as("the job's files deleted once written").isZero();
        assertThat(east.completionCount("gpt-4o") + west.completionCount("gpt-4o"))
                .as("nothing online").isEqualTo(eastOnline + westOnline);
        List<Long> rows = smartsheet.rowIds(sheetId);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(smartsheet.cellValue(sheetId, rows.get(i), "Summary"))
                    .isEqualTo(AnalysisSheets.expectedAnswer(AnalysisType.SUMMARIZE, AnalysisSheets.feedback(i)));
        }
    }

    @Test
    void withoutAPoolEntryTheStartIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> SandboxApp.start(pooledOnly()).close())
                .satisfies(refused -> assertThat(messages(refused))
                        .contains("AZURE_OPENAI_BATCH_DEPLOYMENT: the Batch API needs an endpoint and key, and only"
                                + " azure.deployments has some: set AZURE_OPENAI_BATCH_POOL_ENTRY (azure.batch.pool-entry)")
                        .doesNotContain(EAST_KEY).doesNotContain(WEST_KEY));
        assertThat(east.batchesCreated() + west.batchesCreated()).isZero();
    }

    @Test
    void aPoolEntryThatIsNotInThePoolIsRefusedAtStart() {
        Map<String, String> settings = pooledOnly();
        settings.put("azure.batch.pool-entry", "north");

        assertThatThrownBy(() -> SandboxApp.start(settings).close())
                .satisfies(refused -> assertThat(messages(refused)).contains(
                        "AZURE_OPENAI_BATCH_POOL_ENTRY: is not one of the ids of azure.deployments (east, west)"));
    }

    private static String messages(Throwable error) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) messages.append(cause.getMessage()).append('\n');
        return messages.toString();
    }

    /** Real mode against the emulators: azure.deployments east and west, no single endpoint, a batch deployment. */
    private static Map<String, String> pooledOnly() {
        Map<String, String> settings = new HashMap<>();
        settings.put("sandbox.enabled", "false");
        settings.put("smartsheet.base-url", smartsheet.baseUrl());
        settings.put("smartsheet.api-key", TOKEN);
        settings.put("azure.api-base", "");
        settings.put("azure.api-key", "");
        settings.put("azure.deployment", "");
        settings.put("azure.deployments", "east, west");
        member(settings, "east", east.endpoint(), "POOLED_BATCH_KEY_EAST");
        member(settings, "west", west.endpoint(), "POOLED_BATCH_KEY_WEST");
        // a key reference resolves to a property of that name when no such environment variable is set
        settings.put("POOLED_BATCH_KEY_EAST", EAST_KEY);
        settings.put("POOLED_BATCH_KEY_WEST", WEST_KEY);
        settings.put("azure.batch.deployment", BATCH_DEPLOYMENT);
        settings.put("jobs.poll-interval-ms", "100");
        settings.put("azure.batch.poll-interval-ms", "100");
        return settings;
    }

    private static void member(Map<String, String> settings, String id, String endpoint, String keyReference) {
        settings.put("azure.deployments." + id + ".endpoint", endpoint);
        settings.put("azure.deployments." + id + ".deployment", "gpt-4o");
        settings.put("azure.deployments." + id + ".api-key-env", keyReference);
        settings.put("azure.deployments." + id + ".rpm", "100000");
        settings.put("azure.deployments." + id + ".tpm", "100000000");
    }
}
