package dev.smartsheetmcp.quota;

import dev.smartsheetmcp.upstream.CallKind;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.Exchange;

/**
 * One quota's bucket, taken from with priority: interactive calls go first. An interactive call
 * reserves its units at once (Bucket4j's blocking consumption: the bucket may go into debt, and the
 * call sleeps until its units have been refilled) if that takes no longer than its bound, and fails
 * at once otherwise. A batch call takes units only while the bucket holds them (no debt), so
 * interactive reservations come before every batch call still waiting; it sleeps the bucket's own
 * estimate between tries, and one batch caller of this process at a time asks the store.
 */
public final class Quota {

    /** Exchange property an upstream caller may set: the instant by which the call must have its answer. */
    public static final String DEADLINE = "UpstreamDeadline";

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

    /** Units the bucket could give now (0 while interactive reservations are being paid off). */
    public long available() {
        return Math.max(0, bucket.getAvailableTokens());
    }

    /** How long until {@code units} could leave, behind what is reserved already. */
    public Duration waitFor(long units) {
        long fits = Math.min(units, limit.capacity());
        EstimationProbe probe = bucket.estimateAbilityToConsume(fits);
        long nanos = probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
        return Duration.ofNanos(nanos + (long) ((units - fits) / limit.refillPerNano()));
    }

    /**
     * The interactive bound for this exchange: {@code configured}, shortened to the exchange's
     * {@value #DEADLINE} when the caller set one (an {@link Instant}).
     */
    public static Duration interactiveWait(Exchange exchange, Duration configured) {
        if (!(exchange.getProperty(DEADLINE) instanceof Instant deadline)) return configured;
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left.compareTo(configured) < 0 ? left : configured;
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
                long wait = units <= limit.capacity() ? tryTake(units) : tryReserve(units);
                if (wait == 0) return;
                if (System.nanoTime() - started > maxNanos - wait) throw new QuotaExhaustedException(description, Duration.ofNanos(wait));
                TimeUnit.NANOSECONDS.sleep(Math.max(wait, SHORTEST_SLEEP_NANOS));
            }
        } finally {
            batchTurn.unlock();
        }
    }

    /** 0 when taken, else the nanoseconds until the bucket holds {@code units}. */
    private long tryTake(long units) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(units);
        return probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill();
    }

    /**
     * A call larger than the bucket: once the bucket is full (nothing reserved ahead), it reserves its
     * units and sleeps until they are refilled; 0 then, else the nanoseconds until the bucket is full.
     */
    private long tryReserve(long units) throws InterruptedException {
        EstimationProbe full = bucket.estimateAbilityToConsume(limit.capacity());
        if (!full.canBeConsumed()) return full.getNanosToWaitForRefill();
        bucket.asBlocking().consume(units);
        return 0;
    }
}
