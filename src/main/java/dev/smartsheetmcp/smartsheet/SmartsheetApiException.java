package dev.smartsheetmcp.smartsheet;

import dev.smartsheetmcp.toolkit.ToolException;

/**
 * Smartsheet answered with an error. The message carries Smartsheet's own message, its
 * errorCode and refId (what Smartsheet support asks for), and the HTTP status.
 */
public class SmartsheetApiException extends ToolException {

    private final int status;
    private final int errorCode;
    private final String refId;

    public SmartsheetApiException(int status, int errorCode, String message, String refId) {
        super(describe(status, errorCode, message, refId));
        this.status = status;
        this.errorCode = errorCode;
        this.refId = refId;
    }

    /** The same failure told in other words, {@code failure} as its cause. */
    protected SmartsheetApiException(SmartsheetApiException failure, String message) {
        super(message, failure);
        this.status = failure.status;
        this.errorCode = failure.errorCode;
        this.refId = failure.refId;
    }

    public int status() { return status; }

    public int errorCode() { return errorCode; }

    public String refId() { return refId; }

    private static String describe(int status, int errorCode, String message, String refId) {
        StringBuilder text = new StringBuilder("Smartsheet error ").append(errorCode)
                .append(" (HTTP ").append(status);
        if (refId != null && !refId.isBlank()) text.append(", refId ").append(refId);
        return text.append("): ").append(message).toString();
    }
}
