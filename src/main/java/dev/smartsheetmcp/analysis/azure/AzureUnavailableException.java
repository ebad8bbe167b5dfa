package dev.smartsheetmcp.analysis.azure;

/**
 * A failure worth retrying: rate limited, a server error (500, 502, 503, 504), a timeout, a
 * dropped connection, a malformed answer. When retries run out it reaches the caller with this
 * message, and the deployment's circuit breaker counts it as an outage.
 */
public class AzureUnavailableException extends AzureOpenAiException {

    public AzureUnavailableException(int status, String errorCode, String deployment, String text) {
        super(status, errorCode, deployment, describe(status, errorCode, deployment, text));
    }
}
