package dev.smartsheetmcp.sandbox.smartsheet;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Smartsheet's per-token request budget: a sliding window, a minute as Smartsheet's (tests may
 * shorten it). An operation Smartsheet counts as several requests (attaching a file, cell history:
 * 10) takes that many places in it.
 */
final class RateLimitWindow {

    private final int limit;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    /** At most {@code limit} requests in any {@code window}; a limit of zero or less means no limit. */
    RateLimitWindow(int limit, Duration window, LongSupplier nanoClock) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the rate-limit window must be positive: " + window);
        }
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Records a request of {@code weight} for the token when the window has room for it; false when not. */
    boolean tryAcquire(String token, int weight) {
        if (limit <= 0) return true;
        Deque<Long> stamps = recent.computeIfAbsent(token, key -> new ArrayDeque<>());
        synchronized (stamps) {
            long now = nanoClock.getAsLong();
            while (!stamps.isEmpty() && now - stamps.peekFirst() >= windowNanos) stamps.pollFirst();
            if (stamps.size() + weight > limit) return false;
            for (int i = 0; i < weight; i++) stamps.addLast(now);
            return true;
        }
    }
}
