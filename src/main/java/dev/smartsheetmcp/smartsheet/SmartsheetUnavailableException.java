package dev.smartsheetmcp.smartsheet;

/**
 * A failure worth retrying: rate limited (429/4003), a server error Smartsheet marks as
 * transient (500 with 4000/4001/4002/4004, 503), a malformed answer, or no answer at all.
 * When retries run out it reaches the caller with this message. {@link #ambiguous()} says the
 * request may have been applied although no valid answer came back (a read timeout, a garbled
 * success): a write is then checked before it is sent again.
 */
public class SmartsheetUnavailableException extends SmartsheetApiException {

    private final boolean ambiguous;

    public SmartsheetUnavailableException(int status, int errorCode, String message, String refId) {
        this(status, errorCode, message, refId, false);
    }

    public SmartsheetUnavailableException(int status, int errorCode, String message, String refId, boolean ambiguous) {
        super(status, errorCode, message, refId);
        this.ambiguous = ambiguous;
    }

    public boolean ambiguous() {
        return ambiguous;
    }
}
