package dev.smartsheetmcp.upstream;

import org.apache.camel.Exchange;

/** The client routes' step that runs an exchange's {@link SendCheck}, if it has one. */
public final class SendChecks {

    private SendChecks() {
    }

    public static void run(Exchange exchange) {
        SendCheck check = exchange.getProperty(SendCheck.PROPERTY, SendCheck.class);
        if (check != null) check.beforeSend();
    }
}
