package dev.smartsheetmcp.toolkit;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;

/**
 * The client cancelled this tool call ({@code notifications/cancelled}): set on the call's exchange by
 * the MCP server, read where a call waits or pages, which stop there. A job's own exchanges carry none.
 */
public final class CallCancellation {

    public static final String PROPERTY = "McpCallCancellation";

    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** True the first time only. */
    public boolean cancel() {
        return cancelled.compareAndSet(false, true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    public static boolean isCancelled(Exchange exchange) {
        CallCancellation cancellation = exchange.getProperty(PROPERTY, CallCancellation.class);
        return cancellation != null && cancellation.isCancelled();
    }

    /** Stops the call's work here when it was cancelled. */
    public static void throwIfCancelled(Exchange exchange) {
        if (isCancelled(exchange)) throw new ToolException("The client cancelled this call; it stopped before its next step");
    }
}
