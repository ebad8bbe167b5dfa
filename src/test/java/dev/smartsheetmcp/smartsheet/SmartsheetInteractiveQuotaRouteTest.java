package dev.smartsheetmcp.smartsheet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smartsheetmcp.quota.QuotaExhaustedException;
import dev.smartsheetmcp.upstream.CallKind;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * A tool call (an exchange the MCP bridge marked interactive) that would wait at the quota longer
 * than {@code smartsheet.interactive.max-wait-ms} fails at once with a tool error saying when to
 * retry: not retried, not a failure for the circuit breaker, nothing sent. At 5 requests a minute
 * the bucket holds one request and refills one every 12 seconds.
 */
class SmartsheetInteractiveQuotaRouteTest extends SmartsheetRouteTestSupport {

    SmartsheetInteractiveQuotaRouteTest() {
        super(5);
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("smartsheet.rpm", "5", "smartsheet.interactive.max-wait-ms", "1000");
    }

    @Test
    void aToolCallBeyondTheBoundFailsAtOnceSayingWhenToRetry() {
        assertThat(toolCall().getException()).as("the burst's request").isNull();

        long started = System.nanoTime();
        Exception failure = toolCall().getException();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failure).isInstanceOf(QuotaExhaustedException.class)
                .hasMessageMatching("Smartsheet's request quota is used up for now; retry in \\d+ s");
        assertThat(((QuotaExhaustedException) failure).retryAfter()).as("the rest of the 12 s refill since the first request")
                .isBetween(Duration.ofSeconds(1), Duration.ofMillis(12_300));
        assertThat(failure.getMessage()).doesNotContain(TOKEN);
        assertThat(took).as("at once, not after the 12 s the quota needs").isLessThan(Duration.ofSeconds(3));
        assertThat(smartsheet.requestCount(GET_COLUMNS)).as("nothing sent, nothing retried").isEqualTo(1);
        assertThat(smartsheet.rateLimitedCount()).isZero();
        assertThat(context.getRegistry().lookupByNameAndType("smartsheetCircuitBreaker", CircuitBreaker.class)
                .getMetrics().getNumberOfFailedCalls()).isZero();
    }

    private Exchange toolCall() {
        return template.send("direct:smartsheet-get-columns", exchange -> {
            CallKind.markInteractive(exchange);
            exchange.getMessage().setHeader("SheetId", sheetId);
        });
    }
}
