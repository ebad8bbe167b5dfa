package dev.smartsheetmcp.upstream;

import org.apache.camel.Exchange;

/**
 * Who waits for an upstream call: an assistant's request (a tool call, a resource read, a prompt,
 * a completion) or a job running on its own. Interactive calls get bounded waits and go first at the
 * shared quotas; batch calls keep their long retry budget. Exchanges the MCP bridge starts are
 * marked interactive; any other exchange (job workers, schedules) is batch.
 */
public enum CallKind {
    INTERACTIVE,
    BATCH;

    /** The exchange property that marks an exchange interactive. */
    public static final String PROPERTY = "UpstreamCallKind";

    public static void markInteractive(Exchange exchange) {
        exchange.setProperty(PROPERTY, INTERACTIVE);
    }

    public static CallKind of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, BATCH, CallKind.class);
    }

    public static boolean isInteractive(Exchange exchange) {
        return of(exchange) == INTERACTIVE;
    }
}
