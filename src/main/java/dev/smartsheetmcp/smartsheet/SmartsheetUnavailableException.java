package dev.smartsheetmcp.smartsheet;

/**
 * A failure worth retrying: rate limited (429/4003), a server error Smartsheet marks as
 * transient (500 with 4000/4001/4002/4004, 503), a malformed answer, or no answer at all.
 * When retries run out it reaches the caller with this message.
 */
public class SmartsheetUnavailableException extends SmartsheetApiException {

    public SmartsheetUnavailableException(int status, int errorCode, String message, String refId) {
        super(status, errorCode, message, refId);
    }
}
