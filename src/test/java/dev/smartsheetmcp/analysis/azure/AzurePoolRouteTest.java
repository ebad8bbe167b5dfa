package dev.smartsheetmcp.analysis.azure;

import static dev.smartsheetmcp.analysis.azure.AzureChat.expectedSummary;
import static dev.smartsheetmcp.analysis.azure.AzureChat.summarize;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smartsheetmcp.sandbox.FaultInjector;
import dev.smartsheetmcp.sandbox.azure.AzureOpenAiEmulator;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * azure.deployments: three deployments in three "regions" (an emulator each, each with its own key
 * and its own deployment name) share the calls by headroom; one failing or rate-limited hands its
 * share to the others.
 */
class AzurePoolRouteTest extends AzureRouteTestSupport {

    private static final String WEST_KEY = "route-test-key-west-91d0";
    private static final String NORTH_KEY = "route-test-key-north-4be2";
    private static final AzureOpenAiEmulator WEST = region(WEST_KEY);
    private static final AzureOpenAiEmulator NORTH = region(NORTH_KEY);

    AzurePoolRouteTest() {
        super(600, 200_000);
    }

    @Override
    protected Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("azure.deployments", "east, west, north");
        member(settings, "east", azure.endpoint(), PRIMARY, "POOL_TEST_KEY_EAST");
        member(settings, "west", WEST.endpoint(), "gpt-4o", "POOL_TEST_KEY_WEST");
        member(settings, "north", NORTH.endpoint(), "gpt-4o", "POOL_TEST_KEY_NORTH");
        // the key references resolve to properties of that name when no such environment variable is set
        settings.putAll(Map.of("POOL_TEST_KEY_EAST", KEY, "POOL_TEST_KEY_WEST", WEST_KEY, "POOL_TEST_KEY_NORTH", NORTH_KEY,
                "azure.retry.max-retries", "1",
                "azure.retry.initial-delay-ms", "10",
                "azure.circuit.sliding-window-size", "4",
                "azure.circuit.minimum-calls", "4",
                "azure.circuit.open-seconds", "30"));
        return settings;
    }

    private static void member(Map<String, String> settings, String id, String endpoint, String deployment, String keyEnv) {
        String prefix = "azure.deployments." + id + ".";
        settings.put(prefix + "endpoint", endpoint);
        settings.put(prefix + "deployment", deployment);
        settings.put(prefix + "api-key-env", keyEnv);
        settings.put(prefix + "rpm", "600");
        settings.put(prefix + "tpm", "200000");
    }

    @BeforeEach
    void freshRegions() {
        for (AzureOpenAiEmulator region : List.of(WEST, NORTH)) {
            region.faults().clearFaults();
            region.addDeployment("gpt-4o", 600, 200_000);
        }
    }

    @AfterAll
    static void stopRegions() {
        WEST.close();
        NORTH.close();
    }

    @Test
    void threeDeploymentsShareTheLoad() throws Exception {
        callAll("warm-up", 6); // each region's first requests (see warmUp)
        Thread.sleep(1_100);
        for (AzureOpenAiEmulator region : List.of(azure, WEST, NORTH)) region.resetCounters();

        List<ChatAnswer> answers = callAll("shared", 60);

        Map<String, Long> byDeployment = answers.stream()
                .collect(Collectors.groupingBy(ChatAnswer::deployment, Collectors.counting()));
        assertThat(byDeployment.keySet()).containsExactlyInAnyOrder("east", "west", "north");
        assertThat(byDeployment.values()).allSatisfy(count -> assertThat(count).isBetween(12L, 28L));
        assertThat(azure.completionCount(PRIMARY) + WEST.completionCount("gpt-4o") + NORTH.completionCount("gpt-4o"))
                .as("one request a call").isEqualTo(60);
        assertThat(azure.rateLimitedCount(PRIMARY) + WEST.rateLimitedCount("gpt-4o") + NORTH.rateLimitedCount("gpt-4o"))
                .as("each kept to its own quota (a request delayed on a loaded machine may still meet one)")
                .isLessThanOrEqualTo(2);
    }

    @Test
    void aFailingDeploymentOpensItsCircuitAndTheOthersTakeItsShare() throws Exception {
        WEST.faults().serverErrorRate(1.0);

        List<ChatAnswer> answers = callAll("west down", 45);

        assertThat(answers).extracting(ChatAnswer::deployment).containsOnly("east", "north");
        assertThat(breaker(AzureClientConfiguration.POOL_BREAKER_BEAN + "west").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker(AzureClientConfiguration.POOL_BREAKER_BEAN + "east").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        long westAttempts = WEST.requestCount();
        assertThat(callAll("west still down", 9)).extracting(ChatAnswer::deployment).containsOnly("east", "north");
        assertThat(WEST.requestCount()).as("no request to an open circuit").isEqualTo(westAttempts);
    }

    @Test
    void aRateLimitedDeploymentHandsItsCallsToTheOthers() throws Exception {
        NORTH.faults().rateLimitRate(1.0);

        List<ChatAnswer> answers = callAll("north over quota", 30);

        assertThat(answers).extracting(ChatAnswer::deployment).containsOnly("east", "west");
        assertThat(NORTH.rateLimitedCount("gpt-4o")).as("paused after its 429s, so seldom chosen").isLessThan(15);
    }

    @Test
    void whenEveryDeploymentFailsTheCallFails() {
        azure.faults().serverErrorRate(1.0);
        WEST.faults().serverErrorRate(1.0);
        NORTH.faults().serverErrorRate(1.0);

        assertThat(failure(summarize("everywhere down"))).isInstanceOf(AzureUnavailableException.class)
                .hasMessageNotContaining(KEY).hasMessageNotContaining(WEST_KEY).hasMessageNotContaining(NORTH_KEY);
        assertThat(azure.timesSeen("everywhere down") + WEST.timesSeen("everywhere down") + NORTH.timesSeen("everywhere down"))
                .as("one attempt on each; the last one left retries as usual (azure.retry.max-retries 1)").isEqualTo(4);
    }

    /** {@code n} calls from 12 parallel callers; each answer is checked against its prompt. */
    private List<ChatAnswer> callAll(String prefix, int n) throws Exception {
        List<Callable<ChatAnswer>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String text = prefix + " " + i;
            calls.add(() -> {
                ChatAnswer answer = call(summarize(text));
                assertThat(answer.content()).isEqualTo(expectedSummary(text));
                return answer;
            });
        }
        return AzureChat.parallel(12, calls);
    }

    private static AzureOpenAiEmulator region(String key) {
        try {
            AzureOpenAiEmulator region = new AzureOpenAiEmulator(new FaultInjector(3), key);
            region.start(0, 32);
            return region;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
