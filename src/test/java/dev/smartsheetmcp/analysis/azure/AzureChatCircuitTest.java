package dev.smartsheetmcp.analysis.azure;

import static dev.smartsheetmcp.analysis.azure.AzureChat.call;
import static dev.smartsheetmcp.analysis.azure.AzureChat.expectedSummary;
import static dev.smartsheetmcp.analysis.azure.AzureChat.failure;
import static dev.smartsheetmcp.analysis.azure.AzureChat.summarize;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smartsheetmcp.sandbox.azure.AzureOpenAiEmulator;
import dev.smartsheetmcp.sandbox.azure.DeterministicAnswers;
import dev.smartsheetmcp.testing.SandboxApp;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each deployment has a circuit breaker that opens on outages only, fails fast while open and closes after recovery. */
class AzureChatCircuitTest {

    private SandboxApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) app.close();
    }

    @Test
    void circuitOpensOnContinuousServerErrorsFailsFastAndClosesAfterRecovery() throws Exception {
        app = SandboxApp.start(Map.of(
                "azure.retry.max-retries", "1",
                "azure.retry.initial-delay-ms", "10",
                "azure.circuit.sliding-window-size", "4",
                "azure.circuit.minimum-calls", "4",
                "azure.circuit.open-seconds", "2"));
        AzureOpenAiEmulator azure = app.sandbox().azure();
        azure.faults().serverErrorRate(1.0);
        for (int i = 0; i < 4; i++) {
            assertThat(failure(app, summarize("outage " + i))).isInstanceOf(AzureUnavailableException.class)
                    .isNotInstanceOf(AzureCircuitOpenException.class);
        }
        long before = azure.requestCount();
        long start = System.nanoTime();
        Throwable open = failure(app, summarize("while open"));
        Duration openAnswer = Duration.ofNanos(System.nanoTime() - start);

        assertThat(open).isInstanceOf(AzureCircuitOpenException.class)
                .hasMessage("Azure OpenAI error (deployment 'gpt-4o-sandbox'): temporarily unavailable:"
                        + " circuit breaker 'azure-primary' is open after repeated failures; try again shortly");
        assertThat(azure.requestCount()).as("no request reaches Azure while open").isEqualTo(before);
        assertThat(openAnswer).isLessThan(Duration.ofSeconds(1));

        azure.faults().clearFaults();
        Thread.sleep(2_500);
        for (int i = 0; i < 5; i++) {
            assertThat(call(app, summarize("recovered " + i)).content()).isEqualTo(expectedSummary("recovered " + i));
        }
        assertThat(breaker("azurePrimaryCircuitBreaker").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void filteredAndRefusedRequestsNeverOpenTheCircuit() throws Exception {
        app = SandboxApp.start(Map.of(
                "azure.circuit.sliding-window-size", "4",
                "azure.circuit.minimum-calls", "4"));
        for (int i = 0; i < 6; i++) {
            assertThat(failure(app, summarize("filtered " + i + DeterministicAnswers.FILTER_PROMPT_MARKER)))
                    .isInstanceOf(AzureContentFilterException.class);
        }
        for (int i = 0; i < 6; i++) {
            assertThat(failure(app, summarize("filtered answer " + i + DeterministicAnswers.FILTER_ANSWER_MARKER)))
                    .isInstanceOf(AzureContentFilterException.class);
        }

        assertThat(breaker("azurePrimaryCircuitBreaker").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(call(app, summarize("still served")).content()).isEqualTo(expectedSummary("still served"));
    }

    private CircuitBreaker breaker(String name) {
        return app.context().getRegistry().lookupByNameAndType(name, CircuitBreaker.class);
    }
}
