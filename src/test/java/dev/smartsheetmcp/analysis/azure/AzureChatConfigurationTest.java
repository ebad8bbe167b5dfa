package dev.smartsheetmcp.analysis.azure;

import static dev.smartsheetmcp.analysis.azure.AzureChat.summarize;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smartsheetmcp.toolkit.ToolException;
import dev.smartsheetmcp.sandbox.FaultInjector;
import dev.smartsheetmcp.sandbox.azure.AzureOpenAiEmulator;
import dev.smartsheetmcp.testing.SandboxApp;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Outside the sandbox: the application starts without Azure settings, and wrong settings fail calls clearly. */
class AzureChatConfigurationTest {

    private static final String KEY = "test-key-5f1c9a";

    private SandboxApp app;
    private AzureOpenAiEmulator azure;

    @AfterEach
    void stop() throws Exception {
        if (app != null) app.close();
        if (azure != null) azure.close();
    }

    @Test
    void withoutAzureSettingsTheAppStartsAndEveryChatFailsNamingTheSettings() throws Exception {
        app = startWithAzure("", "", "");

        Throwable error = failure(summarize("anything"));
        assertThat(error).isExactlyInstanceOf(ToolException.class).hasMessage("Azure OpenAI is not configured:"
                + " set AZURE_OPENAI_API_BASE, AZURE_OPENAI_API_KEY and AZURE_OPENAI_DEPLOYMENT");
    }

    @Test
    void anUnknownDeploymentFailsAtOnceWithDeploymentNotFound() throws Exception {
        azure = emulator();
        app = startWithAzure(azure.endpoint(), KEY, "no-such-deployment");

        String text = "to a missing deployment";
        Throwable error = failure(summarize(text));
        assertThat(error).isInstanceOf(AzureRequestException.class)
                .hasMessageStartingWith("Azure OpenAI error DeploymentNotFound (HTTP 404, deployment 'no-such-deployment'): ")
                .hasMessageNotContaining(KEY);
        assertThat(((AzureRequestException) error).errorCode()).isEqualTo("DeploymentNotFound");
        assertThat(azure.timesSeen(text)).as("not retried").isEqualTo(1);
    }

    @Test
    void aRejectedKeyFailsAtOnceWithoutShowingTheKey() throws Exception {
        azure = emulator();
        String wrongKey = "wrong-key-77d2e0";
        app = startWithAzure(azure.endpoint(), wrongKey, "gpt-4o");

        String text = "with the wrong key";
        Throwable error = failure(summarize(text));
        assertThat(error).isInstanceOf(AzureRequestException.class)
                .hasMessageStartingWith("Azure OpenAI error 401 (HTTP 401, deployment 'gpt-4o'): ")
                .hasMessageNotContaining(wrongKey);
        assertThat(azure.timesSeen(text)).as("not retried").isEqualTo(1);
    }

    private Throwable failure(ChatRequest request) throws Exception {
        try (ProducerTemplate producer = app.context().createProducerTemplate()) {
            ChatAnswer answer = producer.requestBody("direct:azure-chat", request, ChatAnswer.class);
            throw new AssertionError("expected a failure, got " + answer);
        } catch (CamelExecutionException e) {
            return e.getCause();
        }
    }

    private static AzureOpenAiEmulator emulator() throws Exception {
        AzureOpenAiEmulator emulator = new AzureOpenAiEmulator(new FaultInjector(7), KEY);
        emulator.addDeployment("gpt-4o", 600, 200_000);
        emulator.start(0, 8);
        return emulator;
    }

    /** Production mode (no sandbox) with these Azure settings and an unused Smartsheet. */
    private static SandboxApp startWithAzure(String apiBase, String apiKey, String deployment) throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("sandbox.enabled", "false");
        settings.put("smartsheet.base-url", "http://127.0.0.1:9/2.0");
        settings.put("smartsheet.api-key", "unused");
        settings.put("azure.api-base", apiBase);
        settings.put("azure.api-key", apiKey);
        settings.put("azure.deployment", deployment);
        settings.put("azure.fallback-deployment", "");
        settings.put("azure.startup-probe", "false");
        return SandboxApp.start(settings);
    }
}
