package dev.smartsheetmcp.jobs;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * Turns at running a batch, shared by the jobs this instance runs at once ({@code jobs.concurrency}):
 * at most {@code jobs.batches-in-flight} batches run together, and the next turn goes to the
 * waiting job of highest priority, then to the one whose last turn is oldest (a job's first batch
 * goes before any job's second), so a small job started while a large one runs waits for one of
 * its batches at most. Every batch still goes through the shared quotas.
 */
public final class BatchTurns {

    private record Waiter(String jobId, int priority, long lastTurn, long arrival) {
    }

    private static final Comparator<Waiter> NEXT = Comparator.comparingInt(Waiter::priority).reversed()
            .thenComparingLong(Waiter::lastTurn).thenComparingLong(Waiter::arrival);

    private final int inFlight;
    private final PriorityQueue<Waiter> waiting = new PriorityQueue<>(NEXT);
    private final Map<String, Long> lastTurn = new HashMap<>();
    private int taken;
    private long turns;
    private long arrivals;

    public BatchTurns(int inFlight) {
        this.inFlight = Math.max(1, inFlight);
    }

    /** Waits for the job's turn; false, without a turn, once {@code stopping} says so. */
    public synchronized boolean take(String jobId, int priority, BooleanSupplier stopping) throws InterruptedException {
        Waiter me = new Waiter(jobId, priority, lastTurn.getOrDefault(jobId, 0L), ++arrivals);
        waiting.add(me);
        try {
            while (taken >= inFlight || waiting.peek() != me) {
                if (stopping.getAsBoolean()) return false;
                wait(200);
            }
            taken++;
            lastTurn.put(jobId, ++turns);
            return true;
        } finally {
            waiting.remove(me);
            notifyAll();
        }
    }

    /** The job's batch is done (or was never started): the next job's turn. */
    public synchronized void give() {
        taken--;
        notifyAll();
    }

    /** How many jobs wait for a turn now. */
    public synchronized int waiting() {
        return waiting.size();
    }

    /** The job stopped running here. */
    public synchronized void forget(String jobId) {
        lastTurn.remove(jobId);
    }
}
