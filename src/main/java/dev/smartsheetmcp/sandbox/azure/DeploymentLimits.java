package dev.smartsheetmcp.sandbox.azure;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A deployment's requests-per-minute and tokens-per-minute limits over a sliding 60-second window.
 * Each admitted request is charged one request and its estimated tokens (prompt plus the completion
 * budget, as Azure estimates them before the model runs); the charge is never refunded. A refused
 * request is charged nothing. Thread-safe.
 */
final class DeploymentLimits {

    static final Duration WINDOW = Duration.ofSeconds(60);

    enum Limit { REQUESTS, TOKENS }

    /** What is left in the window after a decision (without the request when it was refused). */
    record Remaining(int requests, long tokens) {}

    /**
     * The verdict on one request. When refused, {@code exceeded} names the limit (TOKENS when both are)
     * and {@code retryAfterMillis} is when the request would fit; a request larger than the whole
     * token limit never fits, and is told to wait until the window is empty.
     */
    record Decision(boolean admitted, Limit exceeded, long retryAfterMillis, Remaining remaining) {}

    private record Charge(long atNanos, long tokens) {}

    private final int requestsPerMinute;
    private final int tokensPerMinute;
    private final LongSupplier nanoClock;
    private final ArrayDeque<Charge> window = new ArrayDeque<>();
    private long tokensInWindow;

    DeploymentLimits(int requestsPerMinute, int tokensPerMinute, LongSupplier nanoClock) {
        if (requestsPerMinute < 1 || tokensPerMinute < 1) {
            throw new IllegalArgumentException("limits must be positive, got " + requestsPerMinute
                    + " RPM and " + tokensPerMinute + " TPM");
        }
        this.requestsPerMinute = requestsPerMinute;
        this.tokensPerMinute = tokensPerMinute;
        this.nanoClock = nanoClock;
    }

    synchronized Decision admit(long tokens) {
        long now = nanoClock.getAsLong();
        expire(now);
        long requestsOver = window.size() + 1L - requestsPerMinute;
        long tokensOver = tokensInWindow + tokens - tokensPerMinute;
        if (requestsOver <= 0 && tokensOver <= 0) {
            window.addLast(new Charge(now, tokens));
            tokensInWindow += tokens;
            return new Decision(true, null, 0, remaining());
        }
        Limit exceeded = tokensOver > 0 ? Limit.TOKENS : Limit.REQUESTS;
        return new Decision(false, exceeded, millisUntilFits(now, requestsOver, tokensOver), remaining());
    }

    synchronized Remaining remainingNow() {
        expire(nanoClock.getAsLong());
        return remaining();
    }

    private Remaining remaining() {
        return new Remaining(Math.max(0, requestsPerMinute - window.size()),
                Math.max(0, tokensPerMinute - tokensInWindow));
    }

    private void expire(long now) {
        while (!window.isEmpty() && now - window.peekFirst().atNanos() >= WINDOW.toNanos()) {
            tokensInWindow -= window.removeFirst().tokens();
        }
    }

    private long millisUntilFits(long now, long requestsOver, long tokensOver) {
        int freedRequests = 0;
        long freedTokens = 0;
        for (Charge charge : window) {
            freedRequests++;
            freedTokens += charge.tokens();
            if (freedRequests >= requestsOver && freedTokens >= tokensOver) {
                return millisUntilExpiry(charge, now);
            }
        }
        return window.isEmpty() ? WINDOW.toMillis() : millisUntilExpiry(window.peekLast(), now);
    }

    private static long millisUntilExpiry(Charge charge, long now) {
        long nanos = charge.atNanos() + WINDOW.toNanos() - now;
        return Math.max(1, (nanos + TimeUnit.MILLISECONDS.toNanos(1) - 1) / TimeUnit.MILLISECONDS.toNanos(1));
    }
}
