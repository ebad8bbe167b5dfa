package dev.smartsheetmcp.upstream;

import java.util.OptionalLong;
import org.apache.camel.Exchange;

/**
 * The moment by which an interactive call must have its answer, so the assistant reads an upstream
 * error instead of its own client's timeout: set once, at the call's first upstream request, as epoch
 * milliseconds in the exchange property {@value #PROPERTY}. Every wait of the call (throttle, retry
 * backoff, a shared read) ends before it. Batch exchanges have none.
 */
public final class UpstreamDeadline {

    /** Exchange property: epoch milliseconds (a {@code Long}). */
    public static final String PROPERTY = "UpstreamDeadline";

    private UpstreamDeadline() {
    }

    /** Starts the deadline of an interactive exchange that has none yet, {@code budgetMillis} from now. */
    public static void startIfInteractive(Exchange exchange, long budgetMillis) {
        if (budgetMillis > 0 && CallKind.isInteractive(exchange) && exchange.getProperty(PROPERTY) == null) {
            exchange.setProperty(PROPERTY, System.currentTimeMillis() + budgetMillis);
        }
    }

    /** Milliseconds left before the deadline (negative once past it), or empty when the exchange has none. */
    public static OptionalLong remainingMillis(Exchange exchange) {
        Long deadline = exchange.getProperty(PROPERTY, Long.class);
        return deadline == null ? OptionalLong.empty() : OptionalLong.of(deadline - System.currentTimeMillis());
    }
}
