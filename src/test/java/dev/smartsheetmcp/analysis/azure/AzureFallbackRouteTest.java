package dev.smartsheetmcp.analysis.azure;

import static dev.smartsheetmcp.analysis.azure.AzureChat.expectedSummary;
import static dev.smartsheetmcp.analysis.azure.AzureChat.summarize;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smartsheetmcp.sandbox.azure.DeterministicAnswers;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** With a fallback deployment, calls go there while the primary's circuit is open or the primary keeps answering 429. */
class AzureFallbackRouteTest extends AzureRouteTestSupport {

    private static final String SECONDARY = "gpt-4o-secondary";

    AzureFallbackRouteTest() {
        super(600, 200_000);
        azure.addDeployment(SECONDARY, 600, 200_000);
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("azure.fallback-deployment", SECONDARY,
                "azure.fallback.after-rate-limits", "2",
                "azure.retry.max-retries", "1",
                "azure.retry.initial-delay-ms", "10",
                "azure.circuit.sliding-window-size", "4",
                "azure.circuit.minimum-calls", "4",
                "azure.circuit.open-seconds", "2");
    }

    @Test
    void thePrimaryAnswersWhileItIsHealthy() {
        ChatAnswer answer = call(summarize("healthy primary"));

        assertThat(answer.deployment()).isEqualTo(PRIMARY);
        assertThat(answer.content()).isEqualTo(expectedSummary("healthy primary"));
        assertThat(azure.completionCount(SECONDARY)).isZero();
    }

    @Test
    void theFallbackAnswersWhileThePrimaryCircuitIsOpen() throws Exception {
        azure.faults().serverErrorRate(1.0);
        for (int i = 0; i < 4; i++) {
            assertThat(failure(summarize("primary outage " + i)))
                    .as("an outage is not a reason to fall back until the circuit opens")
                    .isInstanceOf(AzureUnavailableException.class).hasMessageContaining("deployment '" + PRIMARY + "'");
        }
        assertThat(breaker("azurePrimaryCircuitBreaker").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        azure.faults().clearFaults();
        int primaryCompletions = azure.completionCount(PRIMARY);

        ChatAnswer answer = call(summarize("while the primary is open"));

        assertThat(answer.deployment()).isEqualTo(SECONDARY);
        assertThat(answer.content()).isEqualTo(expectedSummary("while the primary is open"));
        assertThat(azure.completionCount(PRIMARY)).isEqualTo(primaryCompletions);

        Thread.sleep(2_500);
        assertThat(call(summarize("primary back")).deployment()).as("half-open probe").isEqualTo(PRIMARY);
    }

    @Test
    void theFallbackTakesACallThePrimaryRateLimitsTwiceInARow() throws Exception {
        String text = "primary over quota";
        azure.faults().rateLimitRate(1.0);
        CompletableFuture<ChatAnswer> answer = CompletableFuture.supplyAsync(() -> call(summarize(text)));
        while (azure.rateLimitedCount(PRIMARY) < 2) Thread.sleep(1);
        azure.faults().clearFaults();

        ChatAnswer answered = answer.get(10, TimeUnit.SECONDS);
        assertThat(answered.deployment()).isEqualTo(SECONDARY);
        assertThat(answered.content()).isEqualTo(expectedSummary(text));
        assertThat(azure.rateLimitedCount(PRIMARY)).as("no more retries on the primary").isEqualTo(2);
    }

    @Test
    void aFilteredPromptNeverFallsBack() {
        String text = "filtered everywhere " + DeterministicAnswers.FILTER_PROMPT_MARKER;
        assertThat(failure(summarize(text))).isInstanceOf(AzureContentFilterException.class)
                .hasMessageContaining("deployment '" + PRIMARY + "'");
        assertThat(azure.timesSeen(text)).isEqualTo(1);
        assertThat(azure.completionCount(SECONDARY)).isZero();
    }
}
