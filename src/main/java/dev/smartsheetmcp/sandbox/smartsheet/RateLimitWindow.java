package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Smartsheet's per-token request budget: a sliding 60-second window. An operation Smartsheet counts
 * as several requests (attaching a file, cell history: 10) takes that many places in it.
 */
final class RateLimitWindow {

    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final int requestsPerMinute;
    private final LongSupplier nanoClock;
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    /** A limit of zero or less means no limit. */
    RateLimitWindow(int requestsPerMinute, LongSupplier nanoClock) {
        this.requestsPerMinute = requestsPerMinute;
        this.nanoClock = nanoClock;
    }

    /** Records a request of {@code weight} for the token when the window has room for it; false when not. */
    boolean tryAcquire(String token, int weight) {
        if (requestsPerMinute <= 0) return true;
        Deque<Long> stamps = recent.computeIfAbsent(token, key -> new ArrayDeque<>());
        synchronized (stamps) {
            long now = nanoClock.getAsLong();
            while (!stamps.isEmpty() && now - stamps.peekFirst() >= WINDOW_NANOS) stamps.pollFirst();
            if (stamps.size() + weight > requestsPerMinute) return false;
            for (int i = 0; i < weight; i++) stamps.addLast(now);
            return true;
        }
    }
}
