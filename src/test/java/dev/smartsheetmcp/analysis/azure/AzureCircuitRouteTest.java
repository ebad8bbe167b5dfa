package dev.smartsheetmcp.analysis.azure;

import static dev.smartsheetmcp.analysis.azure.AzureChat.expectedSummary;
import static dev.smartsheetmcp.analysis.azure.AzureChat.summarize;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smartsheetmcp.sandbox.azure.DeterministicAnswers;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each deployment has a circuit breaker that opens on outages only, fails fast while open and closes after recovery. */
class AzureCircuitRouteTest extends AzureRouteTestSupport {

    AzureCircuitRouteTest() {
        super(600, 200_000);
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("azure.retry.max-retries", "1",
                "azure.retry.initial-delay-ms", "10",
                "azure.circuit.sliding-window-size", "4",
                "azure.circuit.minimum-calls", "4",
                "azure.circuit.open-seconds", "2");
    }

    @Test
    void circuitOpensOnContinuousServerErrorsFailsFastAndClosesAfterRecovery() throws Exception {
        azure.faults().serverErrorRate(1.0);
        for (int i = 0; i < 4; i++) {
            assertThat(failure(summarize("outage " + i))).isInstanceOf(AzureUnavailableException.class)
                    .isNotInstanceOf(AzureCircuitOpenException.class);
        }
        int sent = requests.getReceivedCounter();
        long start = System.nanoTime();
        Throwable open = failure(summarize("while open"));
        Duration openAnswer = Duration.ofNanos(System.nanoTime() - start);

        assertThat(open).isInstanceOf(AzureCircuitOpenException.class)
                .hasMessage("Azure OpenAI error (deployment '" + PRIMARY + "'): temporarily unavailable:"
                        + " circuit breaker 'azure-primary' is open after repeated failures; try again shortly");
        assertThat(requests.getReceivedCounter()).as("no request leaves while open").isEqualTo(sent);
        assertThat(openAnswer).isLessThan(Duration.ofSeconds(1));

        azure.faults().clearFaults();
        Thread.sleep(2_500);
        for (int i = 0; i < 5; i++) {
            assertThat(call(summarize("recovered " + i)).content()).isEqualTo(expectedSummary("recovered " + i));
        }
        assertThat(breaker("azurePrimaryCircuitBreaker").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void filteredAndRefusedRequestsNeverOpenTheCircuit() {
        for (int i = 0; i < 6; i++) {
            assertThat(failure(summarize("filtered " + i + DeterministicAnswers.FILTER_PROMPT_MARKER)))
                    .isInstanceOf(AzureContentFilterException.class);
        }
        for (int i = 0; i < 6; i++) {
            assertThat(failure(summarize("filtered answer " + i + DeterministicAnswers.FILTER_ANSWER_MARKER)))
                    .isInstanceOf(AzureContentFilterException.class);
        }

        assertThat(breaker("azurePrimaryCircuitBreaker").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(call(summarize("still served")).content()).isEqualTo(expectedSummary("still served"));
    }
}
