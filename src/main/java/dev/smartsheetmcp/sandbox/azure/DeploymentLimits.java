package dev.smartsheetmcp.sandbox.azure;

import java.time.Duration;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * A deployment's requests-per-minute and tokens-per-minute limits, evaluated the way Azure OpenAI
 * documents it: the rate of incoming requests is judged over short periods (1 or 10 seconds), so a
 * 600-RPM deployment evaluated each second refuses an 11th request within one second even when the
 * minute's total stays under 600. Tokens (prompt plus the completion budget, as Azure estimates them
 * before the model runs) are judged the same way, and also as a running count reset each minute.
 *
 * <p>Each evaluation period admits {@code RPM × period / 60 s} requests (at least one), and
 * requests while the tokens it admitted are under {@code TPM × period / 60 s}; the minute admits
 * requests while its tokens are under the TPM (Microsoft: once the limit is reached, further
 * requests get 429 until the counter resets), and never one larger than the whole TPM. So the
 * request that crosses a share still goes, the next does not. Periods and minutes are fixed,
 * consecutive intervals of the clock. A refused request is charged nothing and is told to retry
 * when the period (or, for the minute's count, the minute) ends. Thread-safe.
 */
final class DeploymentLimits {

    static final Duration MINUTE = Duration.ofSeconds(60);

    enum Limit { REQUESTS, TOKENS }

    /** What is left of the minute's quota after a decision (without the request when it was refused). */
    record Remaining(int requests, long tokens) {}

    /**
     * The verdict on one request. When refused, {@code exceeded} names the limit (TOKENS when both are)
     * and {@code retryAfterMillis} is when the current period (or minute) ends.
     */
    record Decision(boolean admitted, Limit exceeded, long retryAfterMillis, Remaining remaining) {}

    private final int requestsPerMinute;
    private final long tokensPerMinute;
    private final long periodNanos;
    private final int requestsPerPeriod;
    private final long tokensPerPeriod;
    private final LongSupplier nanoClock;
    private final Intervals periods = new Intervals();
    private final Intervals minutes = new Intervals();

    DeploymentLimits(int requestsPerMinute, int tokensPerMinute, int evaluationSeconds, LongSupplier nanoClock) {
        if (requestsPerMinute < 1 || tokensPerMinute < 1 || evaluationSeconds < 1 || evaluationSeconds > 60) {
            throw new IllegalArgumentException("limits must be positive and the evaluation period 1 to 60 s, got "
                    + requestsPerMinute + " RPM, " + tokensPerMinute + " TPM, " + evaluationSeconds + " s");
        }
        this.requestsPerMinute = requestsPerMinute;
        this.tokensPerMinute = tokensPerMinute;
        this.periodNanos = Duration.ofSeconds(evaluationSeconds).toNanos();
        this.requestsPerPeriod = (int) Math.max(1, (long) requestsPerMinute * evaluationSeconds / 60);
        this.tokensPerPeriod = Math.max(1, (long) tokensPerMinute * evaluationSeconds / 60);
        this.nanoClock = nanoClock;
    }

    synchronized Decision admit(long tokens) {
        return admit(tokens, nanoClock.getAsLong());
    }

    /**
     * Judges a request in the period and minute it arrived in ({@code arrivalNanos}), even when it
     * is judged after a later arrival.
     */
    synchronized Decision admit(long tokens, long arrivalNanos) {
        long now = arrivalNanos;
        Counts period = periods.at(Math.floorDiv(now, periodNanos));
        Counts minute = minutes.at(Math.floorDiv(now, MINUTE.toNanos()));
        boolean tokensOverMinute = minute.tokens >= tokensPerMinute || tokens > tokensPerMinute;
        boolean tokensOverPeriod = period.tokens >= tokensPerPeriod;
        boolean requestsOverMinute = minute.requests >= requestsPerMinute;
        boolean requestsOverPeriod = period.requests >= requestsPerPeriod;
        if (!tokensOverMinute && !tokensOverPeriod && !requestsOverMinute && !requestsOverPeriod) {
            period.charge(tokens);
            minute.charge(tokens);
            return new Decision(true, null, 0, remaining(minute));
        }
        Limit exceeded = tokensOverMinute || tokensOverPeriod ? Limit.TOKENS : Limit.REQUESTS;
        boolean minuteLimit = tokensOverMinute || requestsOverMinute;
        long retryAfter = minuteLimit ? millisToEnd(now, MINUTE.toNanos()) : millisToEnd(now, periodNanos);
        return new Decision(false, exceeded, retryAfter, remaining(minute));
    }

    synchronized Remaining remainingNow() {
        return remaining(minutes.at(Math.floorDiv(nanoClock.getAsLong(), MINUTE.toNanos())));
    }

    private Remaining remaining(Counts minute) {
        return new Remaining(Math.max(0, requestsPerMinute - minute.requests),
                Math.max(0, tokensPerMinute - minute.tokens));
    }

    private static long millisToEnd(long now, long intervalNanos) {
        long nanos = intervalNanos - Math.floorMod(now, intervalNanos);
        return Math.max(1, (nanos + 999_999) / 1_000_000);
    }

    /** Requests and tokens charged in one interval. */
    private static final class Counts {
        private int requests;
        private long tokens;

        void charge(long requestTokens) {
            requests++;
            tokens += requestTokens;
        }
    }

    /** The counts of the latest few intervals, by index: a late request still counts where it arrived. */
    private static final class Intervals {
        private static final int KEPT = 4;
        private final TreeMap<Long, Counts> counts = new TreeMap<>();

        Counts at(long index) {
            Counts found = counts.computeIfAbsent(index, key -> new Counts());
            while (counts.size() > KEPT) counts.pollFirstEntry();
            return found;
        }
    }
}
