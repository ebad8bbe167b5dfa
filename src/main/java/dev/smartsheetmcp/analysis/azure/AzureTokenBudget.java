package dev.smartsheetmcp.analysis.azure;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;

/**
 * Keeps each deployment under its tokens per minute, counted as Azure counts them (prompt plus
 * {@code max_tokens}), with one weighted resilience4j rate limiter per deployment shared by all
 * callers. The budget refills every {@code periodMillis} rather than once a minute, so it never
 * grants a burst at a window edge: a period's share is {@code tpm * period / (60 s + period)}, which
 * keeps any 60-second span under the limit however Azure aligns its window. A caller waits for its
 * share up to {@code maxWaitMillis}.
 */
public final class AzureTokenBudget {

    private static final long MINUTE_MILLIS = 60_000;

    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private int tokensPerMinute = 200_000;
    private long periodMillis = 1_000;
    private long maxWaitMillis = 300_000;

    public void setTokensPerMinute(int tokensPerMinute) { this.tokensPerMinute = tokensPerMinute; }

    public void setPeriodMillis(long periodMillis) { this.periodMillis = periodMillis; }

    public void setMaxWaitMillis(long maxWaitMillis) { this.maxWaitMillis = maxWaitMillis; }

    /** Waits until the request's tokens fit the deployment's budget. */
    public void acquire(Exchange exchange) {
        String deployment = exchange.getProperty(AzureDeployments.CURRENT, String.class);
        int tokens = exchange.getProperty(AzureChatRequests.TOKEN_COST, 0, Integer.class);
        if (tokens > tokensPerMinute) {
            throw new AzureRequestException(0, null, deployment, "the request needs " + tokens
                    + " tokens (prompt plus max_tokens), more than the " + tokensPerMinute
                    + " tokens per minute AZURE_OPENAI_TPM allows; shorten it or lower max_tokens");
        }
        if (!limiter(deployment).acquirePermission(tokens)) {
            throw new AzureUnavailableException(0, null, deployment, "no room for " + tokens
                    + " tokens within " + maxWaitMillis + " ms under the tokens-per-minute limit");
        }
    }

    private RateLimiter limiter(String deployment) {
        return limiters.computeIfAbsent(deployment, name -> RateLimiter.of("azure-tokens-" + name,
                RateLimiterConfig.custom()
                        .limitForPeriod((int) Math.max(1, tokensPerMinute * periodMillis / (MINUTE_MILLIS + periodMillis)))
                        .limitRefreshPeriod(Duration.ofMillis(periodMillis))
                        .timeoutDuration(Duration.ofMillis(maxWaitMillis))
                        .build()));
    }
}
