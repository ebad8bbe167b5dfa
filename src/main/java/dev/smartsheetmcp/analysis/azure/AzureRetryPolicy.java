package dev.smartsheetmcp.analysis.azure;

import org.apache.camel.Exchange;

/**
 * Whether a retryable Azure failure gets another attempt (the routeConfiguration's retryWhile):
 * up to {@code maxRetries}, except that a primary deployment answering 429 for
 * {@code fallbackAfterRateLimits} attempts in a row gives the call up at once, so the fallback
 * deployment takes it instead of the call waiting out more retries. With pooled deployments the
 * same holds for any of them while another is left to try, and an attempt that got no answer
 * (408, 5xx, lost connection) moves on at once: another region likely answers sooner than a retry.
 */
public final class AzureRetryPolicy {

    private int maxRetries = 6;
    private int fallbackAfterRateLimits = 2;
    private AzureDeployments deployments;

    public void setMaxRetries(int maxRetries) { this.maxRetries = maxRetries; }

    public void setFallbackAfterRateLimits(int fallbackAfterRateLimits) {
        this.fallbackAfterRateLimits = fallbackAfterRateLimits;
    }

    public void setDeployments(AzureDeployments deployments) { this.deployments = deployments; }

    public boolean shouldRetry(Exchange exchange) {
        int redelivery = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        if (redelivery > maxRetries) return false;
        int rateLimitsInARow = exchange.getProperty(AzureResponses.RATE_LIMITS_IN_A_ROW, 0, Integer.class);
        boolean enoughToHandOver = rateLimitsInARow >= fallbackAfterRateLimits
                || rateLimitsInARow == 0 && deployments.pooled();
        return !(enoughToHandOver
                && deployments.canFallBackFrom(exchange, exchange.getProperty(AzureDeployments.CURRENT, String.class)));
    }
}
