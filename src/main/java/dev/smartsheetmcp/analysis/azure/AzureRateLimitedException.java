package dev.smartsheetmcp.analysis.azure;

/** HTTP 429: the deployment is over its requests or tokens per minute. The fallback deployment may take the call. */
public class AzureRateLimitedException extends AzureUnavailableException {

    public AzureRateLimitedException(String errorCode, String deployment, String text) {
        super(429, errorCode, deployment, text);
    }
}
