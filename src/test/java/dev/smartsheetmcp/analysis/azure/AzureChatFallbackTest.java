package dev.smartsheetmcp.analysis.azure;

import static dev.smartsheetmcp.analysis.azure.AzureChat.call;
import static dev.smartsheetmcp.analysis.azure.AzureChat.expectedSummary;
import static dev.smartsheetmcp.analysis.azure.AzureChat.failure;
import static dev.smartsheetmcp.analysis.azure.AzureChat.summarize;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smartsheetmcp.sandbox.azure.AzureOpenAiEmulator;
import dev.smartsheetmcp.sandbox.azure.DeterministicAnswers;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.SandboxApplication;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With a fallback deployment, calls go there while the primary's circuit is open or the primary keeps answering 429. */
@SandboxApplication({"sandbox.azure.secondary-deployment=" + AzureChatFallbackTest.SECONDARY,
        "azure.fallback.after-rate-limits=2", "azure.retry.max-retries=1", "azure.retry.initial-delay-ms=10",
        "azure.circuit.sliding-window-size=4", "azure.circuit.minimum-calls=4", "azure.circuit.open-seconds=2"})
class AzureChatFallbackTest {

    private static final String PRIMARY = "gpt-4o-sandbox";
    static final String SECONDARY = "gpt-4o-secondary";

    private static SandboxApp app;
    private static AzureOpenAiEmulator azure;

    @BeforeAll
    static void setUp() throws Exception {
        azure = app.sandbox().azure();
        call(app, summarize("warm-up: the emulator loads its tokenizer on the first request"));
    }

    @BeforeEach
    void healthy() {
        azure.faults().clearFaults();
        breaker("azurePrimaryCircuitBreaker").reset();
        breaker("azureFallbackCircuitBreaker").reset();
    }

    @Test
    void thePrimaryAnswersWhileItIsHealthy() {
        ChatAnswer answer = call(app, summarize("healthy primary"));

        assertThat(answer.deployment()).isEqualTo(PRIMARY);
        assertThat(answer.content()).isEqualTo(expectedSummary("healthy primary"));
    }

    @Test
    void theFallbackAnswersWhileThePrimaryCircuitIsOpen() throws Exception {
        azure.faults().serverErrorRate(1.0);
        for (int i = 0; i < 4; i++) {
            assertThat(failure(app, summarize("primary outage " + i)))
                    .as("an outage is not a reason to fall back until the circuit opens")
                    .isInstanceOf(AzureUnavailableException.class).hasMessageContaining("deployment '" + PRIMARY + "'");
        }
        assertThat(breaker("azurePrimaryCircuitBreaker").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        azure.faults().clearFaults();
        int primaryCompletions = azure.completionCount(PRIMARY);

        ChatAnswer answer = call(app, summarize("while the primary is open"));

        assertThat(answer.deployment()).isEqualTo(SECONDARY);
        assertThat(answer.content()).isEqualTo(expectedSummary("while the primary is open"));
        assertThat(azure.completionCount(PRIMARY)).isEqualTo(primaryCompletions);

        Thread.sleep(2_500);
        assertThat(call(app, summarize("primary back")).deployment()).as("half-open probe").isEqualTo(PRIMARY);
    }

    @Test
    void theFallbackTakesACallThePrimaryRateLimitsTwiceInARow() throws Exception {
        String text = "primary over quota";
        int before = azure.rateLimitedCount(PRIMARY);
        azure.faults().rateLimitRate(1.0);
        CompletableFuture<ChatAnswer> answer = CompletableFuture.supplyAsync(() -> call(app, summarize(text)));
        while (azure.rateLimitedCount(PRIMARY) - before < 2) Thread.sleep(1);
        azure.faults().clearFaults();

        ChatAnswer answered = answer.get(10, TimeUnit.SECONDS);
        assertThat(answered.deployment()).isEqualTo(SECONDARY);
        assertThat(answered.content()).isEqualTo(expectedSummary(text));
        assertThat(azure.rateLimitedCount(PRIMARY) - before).as("no more retries on the primary").isEqualTo(2);
    }

    @Test
    void aFilteredPromptNeverFallsBack() {
        String text = "filtered everywhere " + DeterministicAnswers.FILTER_PROMPT_MARKER;
        assertThat(failure(app, summarize(text))).isInstanceOf(AzureContentFilterException.class)
                .hasMessageContaining("deployment '" + PRIMARY + "'");
        assertThat(azure.timesSeen(text)).isEqualTo(1);
    }

    private static CircuitBreaker breaker(String name) {
        return app.context().getRegistry().lookupByNameAndType(name, CircuitBreaker.class);
    }
}
