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

    private SmartsheetUnavailableException(SmartsheetUnavailableException last, String message) {
        super(last, message);
        this.ambiguous = last.ambiguous;
    }

    /**
     * This failure once the retries stopped: {@code attempts} requests in {@code elapsedMillis}, and
     * when to try again. No answer at all reads "Smartsheet unreachable".
     */
    public SmartsheetUnavailableException gaveUp(int attempts, long elapsedMillis, long retryInMillis) {
        String what = status() == 0 ? "Smartsheet unreachable" : "Smartsheet unavailable";
        return new SmartsheetUnavailableException(this, String.format(
                "%s: gave up after %d attempt%s in %d s (last: %s); try again in %d s",
                what, attempts, attempts == 1 ? "" : "s", Math.round(elapsedMillis / 1000.0), getMessage(),
                Math.max(1, (retryInMillis + 999) / 1000)));
    }

    public boolean ambiguous() {
        return ambiguous;
    }
}
