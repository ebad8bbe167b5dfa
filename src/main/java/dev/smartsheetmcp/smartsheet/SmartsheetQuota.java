package dev.smartsheetmcp.smartsheet;

import dev.smartsheetmcp.quota.Quota;
import dev.smartsheetmcp.quota.QuotaLimit;
import dev.smartsheetmcp.quota.QuotaStore;
import dev.smartsheetmcp.upstream.CallKind;
import java.time.Duration;
import org.apache.camel.Exchange;

/**
 * Smartsheet's limit of {@code smartsheet.rpm} requests per minute per access token, as a bucket
 * keyed by a hash of the token (shared by every instance on a PostgreSQL job store). A request takes
 * as many requests' worth as Smartsheet counts it as ({@link RequestWeights}). The bucket holds a
 * thirtieth of the limit (at most {@value RequestWeights#HEAVY}: one heavy request) and refills so that
 * no window of {@code smartsheet.rate-window-ms} (Smartsheet's minute plus a margin: we count a
 * request as it leaves, Smartsheet as it arrives) carries more than the limit (see {@link QuotaLimit#within}).
 * A tool call waits at most {@code smartsheet.interactive.max-wait-ms}, then fails saying when to
 * retry; a job's call waits as long as it takes.
 */
public final class SmartsheetQuota {

    /** Units a request of weight 1 takes: fine enough for the refill arithmetic of {@link QuotaLimit#within}. */
    static final long UNIT = 1_000;
    private static final Duration FOREVER = Duration.ofNanos(Long.MAX_VALUE);

    private final Quota quota;
    private final RequestWeights weights;
    private final Duration interactiveWait;

    public SmartsheetQuota(QuotaStore store, String token, int requestsPerMinute, long windowMillis,
                           long interactiveWaitMillis, RequestWeights weights) {
        this.quota = new Quota(store, "smartsheet/" + QuotaStore.fingerprint(token), limit(requestsPerMinute, windowMillis),
                "Smartsheet's request quota");
        this.weights = weights;
        this.interactiveWait = Duration.ofMillis(interactiveWaitMillis);
    }

    static QuotaLimit limit(int requestsPerMinute, long windowMillis) {
        long burst = Math.max(1, Math.min(RequestWeights.HEAVY, requestsPerMinute / 30));
        return QuotaLimit.within(requestsPerMinute, burst, Duration.ofMillis(windowMillis), UNIT);
    }

    /** Waits until the exchange's request fits the quota (a tool call: at most its bound). */
    public void acquire(Exchange exchange) {
        quota.take(weights.of(exchange) * UNIT, CallKind.of(exchange), Quota.interactiveWait(exchange, interactiveWait), FOREVER);
    }
}
