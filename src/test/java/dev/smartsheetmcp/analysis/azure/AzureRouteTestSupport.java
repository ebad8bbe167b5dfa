package dev.smartsheetmcp.analysis.azure;

import dev.smartsheetmcp.analysis.prompts.TokenCounter;
import dev.smartsheetmcp.sandbox.FaultInjector;
import dev.smartsheetmcp.sandbox.azure.AzureOpenAiEmulator;
import dev.smartsheetmcp.testing.RouteTestSupport;
import dev.smartsheetmcp.toolkit.Json;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.MainConfigurationProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Route tests of the Azure OpenAI client (routes/azure-client.yaml: fallback → breaker → retries →
 * pace → HTTP) with Camel Main running only that file and {@link AzureClientConfiguration}, against
 * the Azure OpenAI emulator over real HTTP: no MCP server, job store or Smartsheet. Every request
 * that reaches the HTTP endpoint is also copied to {@code mock:azure-requests} (AdviceWith).
 * A fresh context and emulator per test, with the deployments and settings the subclass names.
 */
abstract class AzureRouteTestSupport extends RouteTestSupport {

    static final String KEY = "route-test-key-3c7e";
    static final String PRIMARY = "gpt-4o-primary";

    protected final AzureOpenAiEmulator azure;
    protected MockEndpoint requests;

    /** The primary deployment with these limits, evaluated each second as Azure does. */
    protected AzureRouteTestSupport(int requestsPerMinute, int tokensPerMinute) {
        try {
            azure = new AzureOpenAiEmulator(new FaultInjector(7), KEY);
            azure.addDeployment(PRIMARY, requestsPerMinute, tokensPerMinute);
            azure.start(0, 32);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> all = new HashMap<>(Map.of("azure.api-base", azure.endpoint(), "azure.api-key", KEY,
                "azure.deployment", PRIMARY, "azure.rpm", Integer.toString(requestsPerMinute),
                "azure.tpm", Integer.toString(tokensPerMinute)));
        all.putAll(settings());
        override(all);
        testConfiguration().withUseAdviceWith(true);
    }

    /** Settings on top of application.properties and the emulator's address, key and limits. */
    protected Map<String, String> settings() {
        return Map.of();
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.withRoutesIncludePattern("file:routes/azure-client.yaml");
        configuration.addConfiguration(new Json());
        configuration.addConfiguration(new CamelConfiguration() {
            @Override
            public void configure(CamelContext camel) {
                camel.getRegistry().bind("tokenCounter", new TokenCounter());
            }
        });
        configuration.addConfiguration(new AzureClientConfiguration());
    }

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @BeforeEach
    void adviseAndStart() throws Exception {
        AdviceWith.adviceWith(context, "azure-http", route ->
                route.interceptSendToEndpoint("http*").to("mock:azure-requests"));
        context.start();
        requests = getMockEndpoint("mock:azure-requests");
    }

    @AfterEach
    void stopEmulator() {
        azure.close();
    }

    /** One chat completion through direct:azure-chat. */
    protected ChatAnswer call(ChatRequest request) {
        return template.requestBody("direct:azure-chat", request, ChatAnswer.class);
    }

    /** The exception a call fails with, unwrapped from Camel's CamelExecutionException. */
    protected Throwable failure(ChatRequest request) {
        try {
            ChatAnswer answer = call(request);
            throw new AssertionError("expected a failure, got " + answer);
        } catch (CamelExecutionException e) {
            return e.getCause();
        }
    }

    /**
     * One call, then a pause past the emulator's evaluation period: the emulator loads its
     * tokenizer on the first request, so a burst measured without this would start late and
     * bunched. Pace tests call it before they measure.
     */
    protected void warmUp() throws InterruptedException {
        call(AzureChat.summarize("warm-up"));
        Thread.sleep(1_100);
    }

    protected CircuitBreaker breaker(String name) {
        return context.getRegistry().lookupByNameAndType(name, CircuitBreaker.class);
    }
}
