package dev.smartsheetmcp.upstream;

/**
 * A caller's last check before its request leaves, after every wait on the way (throttle,
 * retries): a job's bulk update goes only while the job's lease still holds. Set on the exchange
 * as {@link #PROPERTY}; the client routes run it ({@link SendChecks}) right before each request is sent.
 */
public interface SendCheck {

    String PROPERTY = "UpstreamSendCheck";

    /** Throws to keep the request from being sent. */
    void beforeSend();
}
