package dev.smartsheetmcp.quota;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/**
 * A token bucket that keeps every window of a vendor's sliding (or fixed) evaluation period within
 * its limit: {@code capacity} units may leave at once, and the bucket refills {@code refill} units
 * per {@code window}, greedily (a unit at a time).
 *
 * <p>Any window of that length sees at most what the bucket held when it began (at most the capacity,
 * or one call larger than the capacity, which reserves ahead and leaves once its units have been
 * refilled) plus the window's refill. {@link #within} chooses the refill so that sum never reaches
 * one call more than the limit.
 */
public record QuotaLimit(long capacity, long refill, Duration window) {

    public QuotaLimit {
        if (capacity < 1 || refill < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a quota needs a positive capacity, refill and window: " + capacity
                    + ", " + refill + ", " + window);
        }
    }

    /**
     * At most {@code limit} calls of {@code unit} units in any window of {@code window}, {@code burst}
     * of them (or the largest call, when larger) at once. The refill is {@code (limit − burst + 1) × unit − 1}
     * units per window: with the burst's {@code burst × unit}, a window's total stays under
     * {@code (limit + 1) × unit}, so it never holds one call more than the limit. With {@code unit} 1
     * (tokens) that is {@code burst + refill = limit}.
     */
    public static QuotaLimit within(long limit, long burst, Duration window, long unit) {
        long capped = Math.max(1, Math.min(burst, limit));
        long refill = unit == 1 ? Math.max(1, limit - capped) : (limit - capped + 1) * unit - 1;
        return new QuotaLimit(capped * unit, refill, window);
    }

    /** Units the bucket gains per nanosecond. */
    double refillPerNano() {
        return (double) refill / window.toNanos();
    }

    BucketConfiguration configuration() {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(refill, window).build())
                .build();
    }

    /** Distinguishes buckets of different settings in the shared table: instances configured alike share one. */
    String fingerprint() {
        return capacity + "+" + refill + "/" + window.toMillis() + "ms";
    }
}
