package dev.smartsheetmcp.jobs;

import java.util.concurrent.Semaphore;
import org.apache.camel.Exchange;

/**
 * The jobs this instance runs at once, at most {@code jobs.concurrency}: the poller claims a job
 * only while a slot is free, and a job's worker gives its slot back when it stops running here.
 */
public final class JobSlots {

    private final Semaphore slots;
    private final JobLease lease;
    private final BatchTurns turns;

    public JobSlots(int concurrency, JobLease lease, BatchTurns turns) {
        this.slots = new Semaphore(Math.max(1, concurrency));
        this.lease = lease;
        this.turns = turns;
    }

    /** Claims the next job if a slot is free and the application is not stopping: header JobId is its id, or null. */
    public void claim(Exchange exchange) {
        exchange.getMessage().setHeader("JobId", null);
        if (exchange.getContext().isStopping() || !slots.tryAcquire()) return;
        String jobId = null;
        try {
            jobId = lease.claimNext().orElse(null);
        } finally {
            if (jobId == null) slots.release();
        }
        exchange.getMessage().setHeader("JobId", jobId);
    }

    /** The job's worker here has ended. */
    public void done(Exchange exchange) {
        String jobId = exchange.getMessage().getHeader("JobId", String.class);
        lease.forget(jobId);
        turns.forget(jobId);
        slots.release();
    }
}
