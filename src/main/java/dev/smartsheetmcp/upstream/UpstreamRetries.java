package dev.smartsheetmcp.upstream;

import org.apache.camel.LoggingLevel;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;

/**
 * The one retry policy of both upstream clients: exponential backoff (doubling) with 25% jitter,
 * so callers retrying together spread out, capped at a longest delay; each attempt logged once at
 * WARN without a stack trace. A 429's retry-after (or retry-after-ms) replaces the computed delay.
 */
public final class UpstreamRetries {

    private UpstreamRetries() {}

    public static RedeliveryPolicy policy(int maxRetries, long initialDelayMillis, long maxDelayMillis) {
        RedeliveryPolicy policy = new RedeliveryPolicy();
        policy.setMaximumRedeliveries(maxRetries);
        policy.setRedeliveryDelay(initialDelayMillis);
        policy.setMaximumRedeliveryDelay(maxDelayMillis);
        policy.setUseExponentialBackOff(true);
        policy.setBackOffMultiplier(2);
        policy.setUseCollisionAvoidance(true);
        policy.setCollisionAvoidanceFactor(0.25);
        policy.setRetryAttemptedLogLevel(LoggingLevel.WARN);
        policy.setLogStackTrace(false);
        policy.setLogRetryStackTrace(false);
        policy.setLogExhausted(false);
        return policy;
    }
}
