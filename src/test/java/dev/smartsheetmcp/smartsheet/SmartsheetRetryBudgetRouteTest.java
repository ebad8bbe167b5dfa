package dev.smartsheetmcp.smartsheet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smartsheetmcp.upstream.CallKind;
import dev.smartsheetmcp.upstream.UpstreamDeadline;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * With Smartsheet unreachable, a tool call's request stops retrying within its budget and says
 * "Smartsheet unreachable", while a job's request keeps retrying up to the retry limit.
 * (Backoff 50, 100, 200, 400, 800, 1,600 ms; interactive budget 1 s; about 5 s in all.)
 */
class SmartsheetRetryBudgetRouteTest extends SmartsheetRouteTestSupport {

    private static final long BUDGET_MS = 1000;

    SmartsheetRetryBudgetRouteTest() {
        super(0);
        override(Map.of("smartsheet.base-url", "http://127.0.0.1:" + closedPort()));
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("smartsheet.retry.initial-delay-ms", "50",
                "smartsheet.retry.max-retries", "6",
                "smartsheet.retry.max-delay-ms", "10000",
                "smartsheet.interactive.budget-ms", Long.toString(BUDGET_MS),
                "smartsheet.circuit.minimum-calls", "100",
                "smartsheet.circuit.sliding-window-size", "100");
    }

    @Test
    void aToolCallGivesUpWithinItsBudgetSayingSmartsheetIsUnreachable() {
        long start = System.currentTimeMillis();
        Exchange call = getColumns(true);
        long end = System.currentTimeMillis();
        long elapsed = end - start;

        assertThat(call.getException()).isInstanceOf(SmartsheetUnavailableException.class)
                .hasMessageStartingWith("Smartsheet unreachable: gave up after ")
                .hasMessageContaining("try again in ");
        assertThat(elapsed).as("whole call, ms").isLessThan(BUDGET_MS);
        assertThat(call.getProperty(UpstreamDeadline.PROPERTY, Long.class)).as("deadline: the budget after the first request")
                .isBetween(start + BUDGET_MS, end + BUDGET_MS);
        assertThat(requests.getReceivedCounter()).as("attempts").isBetween(2, 6);
    }

    @Test
    void aJobKeepsRetryingUpToTheRetryLimit() {
        long start = System.currentTimeMillis();
        Exchange call = getColumns(false);
        long elapsed = System.currentTimeMillis() - start;

        assertThat(call.getException()).isInstanceOf(SmartsheetUnavailableException.class)
                .hasMessageStartingWith("Smartsheet unreachable: gave up after 7 attempts");
        assertThat(requests.getReceivedCounter()).as("attempts: 1 + 6 retries").isEqualTo(7);
        assertThat(elapsed).as("whole call, ms").isGreaterThan(BUDGET_MS);
        assertThat(call.getProperty(UpstreamDeadline.PROPERTY)).isNull();
    }

    private Exchange getColumns(boolean interactive) {
        return template.request("direct:smartsheet-get-columns", exchange -> {
            exchange.getIn().setHeader("SheetId", sheetId);
            if (interactive) CallKind.markInteractive(exchange);
        });
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
