package dev.smartsheetmcp.analysis.azure;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;

/**
 * Keeps each deployment under its tokens per minute as Azure OpenAI measures them: counted as Azure
 * estimates them before the model runs (prompt plus {@code max_tokens}) and judged over short
 * periods ({@code windowMillis}, 1 s by default), so no such period sees more than
 * {@code TPM × window / 60 s}. One weighted resilience4j rate limiter per deployment, shared by all
 * callers, refills every {@code periodMillis}: a window of length W overlaps at most W/P + 1 refill
 * periods, so each period's share is {@code TPM/60 s × W × P / (W + P)}, close to the whole quota for
 * a short period. A request larger than one share waits until enough periods have passed. The share
 * follows the deployment's {@link AzurePacing pace}, and a caller waits up to {@code maxWaitMillis}.
 */
public final class AzureTokenBudget {

    private static final long MINUTE_MILLIS = 60_000;

    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final Map<String, Integer> quotas = new ConcurrentHashMap<>();
    private int tokensPerMinute = 200_000;
    private long windowMillis = 1_000;
    private long periodMillis = 20;
    private long maxWaitMillis = 300_000;
    private AzurePacing pacing;

    public void setTokensPerMinute(int tokensPerMinute) { this.tokensPerMinute = tokensPerMinute; }

    /** A deployment whose TPM quota differs from {@link #setTokensPerMinute(int)}'s (a pooled one). */
    public void setTokensPerMinute(String deployment, int tokensPerMinute) {
        quotas.put(deployment, tokensPerMinute);
    }

    public void setWindowMillis(long windowMillis) { this.windowMillis = windowMillis; }

    public void setPeriodMillis(long periodMillis) { this.periodMillis = periodMillis; }

    public void setMaxWaitMillis(long maxWaitMillis) { this.maxWaitMillis = maxWaitMillis; }

    public void setPacing(AzurePacing pacing) { this.pacing = pacing; }

    /** Waits until the request's tokens fit the deployment's budget. */
    public void acquire(Exchange exchange) {
        String deployment = exchange.getProperty(AzureDeployments.CURRENT, String.class);
        int tokens = exchange.getProperty(AzureChatRequests.TOKEN_COST, 0, Integer.class);
        int quota = quotas.getOrDefault(deployment, tokensPerMinute);
        if (tokens > quota) {
            throw new AzureRequestException(0, null, deployment, "the request needs " + tokens
                    + " tokens (prompt plus max_tokens), more than the " + quota
                    + " tokens per minute AZURE_OPENAI_TPM allows; shorten it or lower max_tokens");
        }
        if (!limiter(deployment).acquirePermission(tokens)) {
            throw new AzureUnavailableException(0, null, deployment, "no room for " + tokens
                    + " tokens within " + maxWaitMillis + " ms under the tokens-per-minute limit");
        }
    }

    private RateLimiter limiter(String deployment) {
        int share = share(quotas.getOrDefault(deployment, tokensPerMinute), pacing == null ? 1 : pacing.pace(deployment));
        RateLimiter limiter = limiters.computeIfAbsent(deployment, name -> RateLimiter.of("azure-tokens-" + name,
                RateLimiterConfig.custom()
                        .limitForPeriod(share)
                        .limitRefreshPeriod(Duration.ofMillis(periodMillis))
                        .timeoutDuration(Duration.ofMillis(maxWaitMillis))
                        .build()));
        if (limiter.getRateLimiterConfig().getLimitForPeriod() != share) limiter.changeLimitForPeriod(share);
        return limiter;
    }

    /** Tokens per refill period, so that no evaluation window sees more than its share of the quota. */
    int share(double pace) {
        return share(tokensPerMinute, pace);
    }

    private int share(int quota, double pace) {
        double perMilli = (double) quota / MINUTE_MILLIS;
        return (int) Math.max(1, perMilli * windowMillis * periodMillis / (windowMillis + periodMillis) * pace);
    }
}
