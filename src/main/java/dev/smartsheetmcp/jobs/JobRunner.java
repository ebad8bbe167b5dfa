package dev.smartsheetmcp.jobs;

import java.time.Duration;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, between batches, whether a job goes on: it stops when cancelled, when too many rows
 * failed, when its lease was lost, or when the application is shutting down; and it ends the job
 * with the right status and reason. Each batch waits for its turn among the jobs this instance
 * runs ({@link BatchTurns}). A shutdown leaves the job running with its lease released, so the
 * next worker to look (this one after a restart, or another) resumes it at once.
 * Progress travels in headers: JobId, BatchIndex, BatchCount, Processed, Failed.
 */
public final class JobRunner {

    public static final String HAS_WORK = "JobHasWork";
    public static final String STOP = "JobStop";

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private enum Stop { CANCELLED, TOO_MANY_FAILURES, LEASE_LOST, SHUTDOWN }

    private final JobQueue queue;
    private final WorkItems workItems;
    private final JobReports reports;
    private final JobLease lease;
    private final BatchTurns turns;
    private final double maxFailedFraction;
    private final int minRowsBeforeFailing;
    private final int maxAttempts;
    private final int retryDelaySeconds;

    public JobRunner(JobQueue queue, WorkItems workItems, JobReports reports, JobLease lease, BatchTurns turns,
                     double maxFailedFraction, int minRowsBeforeFailing, int maxAttempts, int retryDelaySeconds) {
        this.queue = queue;
        this.workItems = workItems;
        this.reports = reports;
        this.lease = lease;
        this.turns = turns;
        this.maxFailedFraction = maxFailedFraction;
        this.minRowsBeforeFailing = minRowsBeforeFailing;
        this.maxAttempts = maxAttempts;
        this.retryDelaySeconds = retryDelaySeconds;
    }

    /**
     * Waits for the job's turn, then loads its next batch into the body; or sets {@link #HAS_WORK}
     * false (and {@link #STOP} when stopping early) and gives the turn back.
     */
    public void prepareNext(Exchange exchange) throws InterruptedException {
        String jobId = exchange.getMessage().getHeader("JobId", String.class);
        int priority = queue.spec(jobId).priority();
        boolean turn = turns.take(jobId, priority, () -> exchange.getContext().isStopping());
        List<WorkItem> batch = List.of();
        try {
            batch = turn ? loadNext(exchange, jobId) : stopFor(exchange, Stop.SHUTDOWN);
        } finally {
            if (turn && batch.isEmpty()) turns.give();
        }
        exchange.setProperty(HAS_WORK, !batch.isEmpty());
        exchange.getMessage().setHeader("BatchIndex", batch.isEmpty() ? null : batch.get(0).batchIndex());
        exchange.setProperty(BatchWrites.BATCH_ITEMS, batch);
        exchange.getMessage().setBody(batch);
    }

    private List<WorkItem> loadNext(Exchange exchange, String jobId) {
        JobRecord job = queue.find(jobId).orElseThrow();
        publishProgress(exchange.getMessage(), job);
        Stop stop = exchange.getContext().isStopping() ? Stop.SHUTDOWN : stopReason(job);
        if (stop != null) return stopFor(exchange, stop);
        List<WorkItem> batch = workItems.nextBatch(jobId);
        if (!batch.isEmpty() && !lease.renew(jobId)) return stopFor(exchange, Stop.LEASE_LOST);
        exchange.setProperty(STOP, null);
        return batch;
    }

    private static List<WorkItem> stopFor(Exchange exchange, Stop stop) {
        exchange.setProperty(STOP, stop);
        return List.of();
    }

    /** After a batch, committed or not: the next job's turn. */
    public void endTurn() {
        turns.give();
    }

    /**
     * Ends the job: completed, cancelled, or failed with the reason. A lost lease leaves it to its
     * new owner; a shutdown leaves it running, released.
     */
    public void finish(Exchange exchange) {
        String jobId = exchange.getMessage().getHeader("JobId", String.class);
        Stop stop = exchange.getProperty(STOP, Stop.class);
        if (stop == Stop.SHUTDOWN) {
            releaseForShutdown(jobId);
            return;
        }
        JobRecord job = queue.find(jobId).orElseThrow();
        if (stop == Stop.LEASE_LOST) {
            LOG.warn("Job {}: lease lost (expired or taken over by another instance); leaving it", jobId);
            return;
        } else if (stop == Stop.CANCELLED) {
            queue.finish(jobId, JobStatus.CANCELLED, "cancelled by request; " + job.writtenRows()
                    + " row(s) already written stay written");
        } else if (stop == Stop.TOO_MANY_FAILURES) {
            queue.finish(jobId, JobStatus.FAILED, failureReason(job));
        } else {
            queue.finish(jobId, JobStatus.COMPLETED, null);
        }
        publishProgress(exchange.getMessage(), queue.find(jobId).orElseThrow());
        LOG.info("Job {} finished: {}", jobId, queue.find(jobId).map(JobRecord::status).orElse(null));
    }

    /**
     * A failure outside any single row (Smartsheet or Azure unavailable, for instance): the job
     * keeps every row's state and is retried later, until it has been tried {@code maxAttempts} times.
     */
    public void postponeOrFail(Exchange exchange) {
        String jobId = exchange.getMessage().getHeader("JobId", String.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null ? "unknown failure" : cause.getMessage();
        if (exchange.getContext().isStopping()) {
            // most likely the shutdown itself (an interrupted call): not the job's failure
            LOG.info("Job {} interrupted by the shutdown: {}", jobId, reason);
            releaseForShutdown(jobId);
            return;
        }
        JobRecord job = queue.find(jobId).orElseThrow();
        if (job.attempts() >= maxAttempts) {
            queue.finish(jobId, JobStatus.FAILED, "stopped after " + job.attempts() + " attempts; last error: " + reason);
            LOG.warn("Job {} failed after {} attempts: {}", jobId, job.attempts(), reason);
        } else {
            queue.postpone(jobId, "will retry: " + reason, Duration.ofSeconds(retryDelaySeconds));
            LOG.warn("Job {} paused for {} s after: {}", jobId, retryDelaySeconds, reason);
        }
    }

    private void releaseForShutdown(String jobId) {
        if (lease.release(jobId)) {
            LOG.info("Job {} stopped by the shutdown after its last committed batch; lease released, any worker resumes it", jobId);
        }
    }

    private Stop stopReason(JobRecord job) {
        if (job.cancelRequested()) return Stop.CANCELLED;
        int attempted = job.writtenRows() + job.failedRows();
        if (attempted >= minRowsBeforeFailing && job.failedRows() > maxFailedFraction * attempted) {
            return Stop.TOO_MANY_FAILURES;
        }
        return null;
    }

    private String failureReason(JobRecord job) {
        int attempted = job.writtenRows() + job.failedRows();
        String common = reports.rowErrors(job.spec().id()).stream().findFirst()
                .map(error -> "; most common error (" + error.rows() + " rows): " + error.error()).orElse("");
        return String.format("%d of %d analysed rows failed (%.0f%%), above the limit of %.0f%%%s",
                job.failedRows(), attempted, 100.0 * job.failedRows() / attempted, 100 * maxFailedFraction, common);
    }

    private static void publishProgress(Message message, JobRecord job) {
        message.setHeader("BatchCount", job.batchCount());
        message.setHeader("Processed", job.processedRows());
        message.setHeader("Failed", job.failedRows());
    }
}
