package dev.smartsheetmcp.quota;

import dev.smartsheetmcp.upstream.CallKind;
import dev.smartsheetmcp.upstream.UpstreamDeadline;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.Exchange;

/**
 * One quota's bucket, taken from with priority: interactive calls go first. An interactive call
 * reserves its units at once (Bucket4j's blocking consumption: the bucket may go into debt, and the
 * call sleeps until its units have been refilled) if that takes no longer than its bound, and fails
 * at once otherwise. A batch call takes or reserves units only while nothing is reserved ahead of it
 * (the bucket owes nothing), so interactive reservations come before every batch call still
 * waiting; it sleeps the bucket's own estimate between tries, and one batch caller of this process
 * at a time asks the store (and holds at most one reservation).
 */
public final class Quota {

    private static final long SHORTEST_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final String description;
    private final Bucket bucket;
    private final QuotaLimit limit;
    private final ReentrantLock batchTurn = new ReentrantLock(true);

    /** {@code description} names the quota in errors, such as "Smartsheet's request quota". */
    public Quota(QuotaStore store, String name, QuotaLimit limit, String description) {
        this.description = description;
        this.limit = limit;
        this.bucket = store.bucket(name, limit);
    }

    /**
     * Takes {@code units}: an interactive call waits at most {@code interactiveWait}, a batch call at
     * most {@code batchWait}; beyond that, {@link QuotaExhaustedException} saying when to retry.
     */
    public void take(long units, CallKind kind, Duration interactiveWait, Duration batchWait) {
        try {
            if (kind == CallKind.INTERACTIVE) takeFirst(units, interactiveWait);
            else takeInTurn(units, batchWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuotaExhaustedException(description, waitFor(units));
        }
    }

    /** Units the bucket could give now (0 while reservations are being paid off). */
    public long available() {
        return Math.max(0, bucket.getAvailableTokens());
    }

    /** Gives back units a call took but will not use (a second quota refused it). */
    public void giveBack(long units) {
        bucket.addTokens(units);
    }

    /** How long until {@code units} could leave, behind what is reserved already. */
    public Duration waitFor(long units) {
        long fits = Math.min(units, limit.capacity());
        EstimationProbe probe = bucket.estimateAbilityToConsume(fits);
        long nanos = probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
        return Duration.ofNanos(nanos + (long) ((units - fits) / limit.refillPerNano()));
    }

    /**
     * The interactive bound for this exchange: {@code configured}, shortened to what is left of the
     * call's {@link UpstreamDeadline} when it has one.
     */
    public static Duration interactiveWait(Exchange exchange, Duration configured) {
        OptionalLong left = UpstreamDeadline.remainingMillis(exchange);
        if (left.isEmpty()) return configured;
        return Duration.ofMillis(Math.max(0, Math.min(left.getAsLong(), configured.toMillis())));
    }

    private void takeFirst(long units, Duration maxWait) throws InterruptedException {
        if (!bucket.asBlocking().tryConsume(units, maxWait)) throw new QuotaExhaustedException(description, waitFor(units));
    }

    private void takeInTurn(long units, Duration maxWait) throws InterruptedException {
        long started = System.nanoTime();
        long maxNanos = maxWait.toNanos();
        if (!batchTurn.tryLock(maxNanos, TimeUnit.NANOSECONDS)) {
            throw new QuotaExhaustedException(description, waitFor(units));
        }
        try {
            while (true) {
                long left = maxNanos - (System.nanoTime() - started);
                long behind = takeOrReserve(units, left);
                if (behind == 0) return;
                if (behind > left) throw new QuotaExhaustedException(description, waitFor(units));
                TimeUnit.NANOSECONDS.sleep(Math.max(behind, SHORTEST_SLEEP_NANOS));
            }
        } finally {
            batchTurn.unlock();
        }
    }

    /**
     * Takes the units when the bucket holds them; else, when nothing is reserved ahead (the bucket owes
     * nothing), reserves them and sleeps until they are refilled (a late wake-up then loses no refill);
     * 0 then. Otherwise the nanoseconds until what is reserved ahead has been refilled.
     */
    private long takeOrReserve(long units, long leftNanos) throws InterruptedException {
        long fits = Math.min(units, limit.capacity());
        long wait;
        if (units <= limit.capacity()) {
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(units);
            if (probe.isConsumed()) return 0;
            wait = probe.getNanosToWaitForRefill();
        } else {
            EstimationProbe probe = bucket.estimateAbilityToConsume(fits);
            wait = probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
        }
        long behind = wait - (long) (fits / limit.refillPerNano());
        if (behind > 0) return behind;
        if (bucket.asBlocking().tryConsume(units, Duration.ofNanos(Math.max(0, leftNanos)))) return 0;
        return Math.max(1, leftNanos + 1);
    }
}
