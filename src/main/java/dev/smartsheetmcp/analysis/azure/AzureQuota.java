package dev.smartsheetmcp.analysis.azure;

import dev.smartsheetmcp.quota.Quota;
import dev.smartsheetmcp.quota.QuotaExhaustedException;
import dev.smartsheetmcp.quota.QuotaLimit;
import dev.smartsheetmcp.quota.QuotaStore;
import dev.smartsheetmcp.upstream.CallKind;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;

/**
 * Each deployment's RPM and TPM quotas as Azure OpenAI evaluates them, over short windows
 * ({@code azure.rate-window-ms}, 1 s): two buckets per endpoint and deployment (shared by every
 * instance on a PostgreSQL job store), so that no such window carries more than
 * {@code RPM × window / 60 s} requests or {@code TPM × window / 60 s} tokens.
 *
 * <ul>
 *   <li>Requests: a bucket of a fiftieth of a window's share (at least one request), refilled so that
 *       a window never holds one more than its share ({@link QuotaLimit#within}): evenly spaced
 *       calls at 98% to 100% of the quota.</li>
 *   <li>Tokens, counted as Azure estimates them before the model runs (prompt plus {@code max_tokens}):
 *       a bucket of {@code TPM/60 s × W × P / (W + P)} tokens ({@code P} = {@code azure.tpm.refill-ms})
 *       refilled at the rest of the window's share, 98% of the quota at the defaults. A request larger
 *       than the bucket reserves ahead and leaves once its tokens have been refilled.</li>
 * </ul>
 *
 * <p>The {@link AzurePacing pace} (lowered after a 429) makes each request and token cost
 * {@code 1 / pace} of its units: the deployment's calls slow down in proportion. Tool calls go first
 * and fail after {@code azure.interactive.max-wait-ms} saying when to retry; a job's call waits up to
 * {@code azure.tpm.max-wait-ms}, then fails as unavailable (and is retried).
 */
public final class AzureQuota {

    private static final long UNIT = 1_000;
    private static final long MINUTE_MILLIS = 60_000;

    /** What a deployment could take now: whole requests and tokens, at its current pace. */
    public record Headroom(long requests, long tokens) {}

    /** A pooled deployment's own endpoint and quotas (azure.deployments). */
    private record Limits(String endpoint, int requestsPerMinute, int tokensPerMinute) {}

    private final Map<String, Quotas> deployments = new ConcurrentHashMap<>();
    private final Map<String, Limits> pooled = new ConcurrentHashMap<>();
    private final QuotaStore store;
    private final String endpoint;
    private final AzurePacing pacing;
    private int requestsPerMinute = 600;
    private int tokensPerMinute = 200_000;
    private long windowMillis = 1_000;
    private long refillMillis = 20;
    private Duration interactiveWait = Duration.ofSeconds(10);
    private Duration batchWait = Duration.ofMinutes(5);

    public AzureQuota(QuotaStore store, String endpoint, AzurePacing pacing) {
        this.store = store;
        this.endpoint = endpoint;
        this.pacing = pacing;
    }

    public void setRequestsPerMinute(int requestsPerMinute) { this.requestsPerMinute = requestsPerMinute; }

    public void setTokensPerMinute(int tokensPerMinute) { this.tokensPerMinute = tokensPerMinute; }

    /** A pooled deployment, with an endpoint and quotas of its own. */
    public void setDeployment(String deployment, String endpoint, int requestsPerMinute, int tokensPerMinute) {
        pooled.put(deployment, new Limits(endpoint, requestsPerMinute, tokensPerMinute));
    }

    public void setWindowMillis(long windowMillis) { this.windowMillis = windowMillis; }

    public void setRefillMillis(long refillMillis) { this.refillMillis = refillMillis; }

    public void setInteractiveWaitMillis(long millis) { this.interactiveWait = Duration.ofMillis(millis); }

    public void setBatchWaitMillis(long millis) { this.batchWait = Duration.ofMillis(millis); }

    /** Waits until the exchange's request fits its deployment's token and request quotas. */
    public void acquire(Exchange exchange) {
        String deployment = exchange.getProperty(AzureDeployments.CURRENT, String.class);
        int tokens = exchange.getProperty(AzureChatRequests.TOKEN_COST, 0, Integer.class);
        int tokenQuota = limits(deployment).tokensPerMinute();
        if (tokens > tokenQuota) {
            throw new AzureRequestException(0, null, deployment, "the request needs " + tokens
                    + " tokens (prompt plus max_tokens), more than the " + tokenQuota
                    + " tokens per minute AZURE_OPENAI_TPM allows; shorten it or lower max_tokens");
        }
        Quotas quotas = quotas(deployment);
        double pace = pacing.pace(deployment);
        CallKind kind = CallKind.of(exchange);
        Duration bound = Quota.interactiveWait(exchange, interactiveWait);
        long tokenCost = cost(Math.max(tokens, 1), pace);
        try {
            quotas.tokens.take(tokenCost, kind, bound, batchWait);
            try {
                quotas.requests.take(cost(UNIT, pace), kind, bound, batchWait);
            } catch (QuotaExhaustedException e) {
                quotas.tokens.giveBack(tokenCost);
                throw e;
            }
        } catch (QuotaExhaustedException e) {
            if (kind == CallKind.INTERACTIVE) throw e;
            throw new AzureUnavailableException(0, null, deployment, "no room in the deployment's quota within "
                    + batchWait.toMillis() + " ms");
        }
    }

    /**
     * What the deployment could take at once now, at its current pace (one store round trip per
     * quota). Requests are spaced evenly, so this is 0 or 1; {@link #waitMillis} tells when the next
     * call of a given size could leave.
     */
    public Headroom headroom(String deployment) {
        Quotas quotas = quotas(deployment);
        double pace = pacing.pace(deployment);
        return new Headroom(quotas.requests.available() / cost(UNIT, pace), (long) (quotas.tokens.available() * pace));
    }

    /** Milliseconds until a call of {@code tokens} could leave on the deployment (0: now), behind what is reserved. */
    public long waitMillis(String deployment, int tokens) {
        Quotas quotas = quotas(deployment);
        double pace = pacing.pace(deployment);
        Duration wait = quotas.tokens.waitFor(cost(Math.max(tokens, 1), pace));
        Duration requestWait = quotas.requests.waitFor(cost(UNIT, pace));
        return Math.max(wait.toMillis(), requestWait.toMillis());
    }

    private static long cost(long units, double pace) {
        return (long) Math.ceil(units / pace - 1e-9); // 1e-9: 0.1 steps of the pace are inexact
    }

    private Quotas quotas(String deployment) {
        return deployments.computeIfAbsent(deployment, name -> {
            Limits limits = limits(name);
            Duration window = Duration.ofMillis(windowMillis);
            long requests = Math.max(1, (long) limits.requestsPerMinute() * windowMillis / MINUTE_MILLIS);
            long tokens = Math.max(1, (long) limits.tokensPerMinute() * windowMillis / MINUTE_MILLIS);
            long tokenBurst = Math.max(1, tokens * refillMillis / (windowMillis + refillMillis));
            String key = "azure/" + limits.endpoint() + "/" + name;
            String description = "Azure OpenAI's quota for deployment '" + name + "'";
            return new Quotas(new Quota(store, key + "/requests",
                    QuotaLimit.within(requests, Math.max(1, requests / 50), window, UNIT), description),
                    new Quota(store, key + "/tokens", QuotaLimit.within(tokens, tokenBurst, window, 1), description));
        });
    }

    private Limits limits(String deployment) {
        Limits own = pooled.get(deployment);
        return own != null ? own : new Limits(endpoint, requestsPerMinute, tokensPerMinute);
    }

    private record Quotas(Quota requests, Quota tokens) {}
}
