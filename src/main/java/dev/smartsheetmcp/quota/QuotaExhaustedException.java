package dev.smartsheetmcp.quota;

import dev.smartsheetmcp.toolkit.ToolException;
import java.time.Duration;

/**
 * A call that would wait at a quota longer than it may: the message names the quota and when to
 * retry, nothing else (no token, no key).
 */
public class QuotaExhaustedException extends ToolException {

    private final Duration retryAfter;

    public QuotaExhaustedException(String quota, Duration retryAfter) {
        super(quota + " is used up for now; retry in " + seconds(retryAfter) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() { return retryAfter; }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
