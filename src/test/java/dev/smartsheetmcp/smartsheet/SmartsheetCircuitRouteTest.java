package dev.smartsheetmcp.smartsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;

/**
 * The circuit breaker opens on continuous failure, answers at once without a request while open,
 * and closes again after recovery. (The tool error and readiness while open: HealthEndpointsTest.)
 */
class SmartsheetCircuitRouteTest extends SmartsheetRouteTestSupport {

    SmartsheetCircuitRouteTest() {
        super(0);
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("smartsheet.retry.max-retries", "1",
                "smartsheet.retry.initial-delay-ms", "20",
                "smartsheet.circuit.sliding-window-size", "4",
                "smartsheet.circuit.minimum-calls", "4",
                "smartsheet.circuit.open-seconds", "1");
    }

    @Test
    void circuitOpensOnContinuousFailureAnswersFastAndClosesAfterRecovery() {
        CircuitBreaker breaker = context.getRegistry().lookupByNameAndType("smartsheetCircuitBreaker", CircuitBreaker.class);
        smartsheet.faults().serverErrorRate(1.0);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(this::getColumns).isInstanceOf(CamelExecutionException.class)
                    .hasRootCauseInstanceOf(SmartsheetUnavailableException.class);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        int sent = requests.getReceivedCounter();
        long before = smartsheet.requestCount();
        long start = System.nanoTime();
        assertThatThrownBy(this::getColumns).hasRootCauseInstanceOf(CallNotPermittedException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(requests.getReceivedCounter()).as("no request leaves while open").isEqualTo(sent);
        assertThat(smartsheet.requestCount()).isEqualTo(before);

        smartsheet.faults().clearFaults();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> getColumns().path("data").isArray());
        for (int i = 0; i < 5; i++) assertThat(getColumns().path("data").isArray()).isTrue();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
