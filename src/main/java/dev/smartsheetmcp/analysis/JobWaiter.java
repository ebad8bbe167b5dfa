package dev.smartsheetmcp.analysis;

import dev.smartsheetmcp.jobs.JobRecord;
import dev.smartsheetmcp.jobs.JobQueue;
import dev.smartsheetmcp.jobs.JobStatusView;
import dev.smartsheetmcp.mcp.ProgressReporter;
import dev.smartsheetmcp.toolkit.CallCancellation;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * For {@code start_batch_analysis} with {@code wait: true}: looks at the job once per poll,
 * reports progress to the client when it moved (once per batch), and ends the wait when the
 * job finished, the wait timed out or the client cancelled the call (the job goes on); the body
 * is then the job's status.
 */
public final class JobWaiter {

    public static final String DONE = "JobWaitDone";
    private static final String STARTED = "JobWaitStarted";
    private static final String LAST_REPORTED = "JobWaitLastReported";

    private final JobQueue queue;
    private final JobStatusView views;
    private final Duration timeout;

    public JobWaiter(JobQueue queue, JobStatusView views, int timeoutSeconds) {
        this.queue = queue;
        this.views = views;
        this.timeout = Duration.ofSeconds(timeoutSeconds);
    }

    public void poll(Exchange exchange) {
        String jobId = exchange.getMessage().getHeader("JobId", String.class);
        Instant started = exchange.getProperty(STARTED, Instant.class);
        if (started == null) exchange.setProperty(STARTED, started = Instant.now());
        JobRecord job = queue.find(jobId).orElseThrow();
        int batchesDone = job.batchesDone();
        if (!Integer.valueOf(batchesDone).equals(exchange.getProperty(LAST_REPORTED, Integer.class))) {
            exchange.setProperty(LAST_REPORTED, batchesDone);
            ProgressReporter.report(exchange, job.processedRows(), job.totalRows() < 0 ? null : (double) job.totalRows(),
                    "batch " + batchesDone + " of " + job.batchCount() + ": " + job.writtenRows() + " written, "
                            + job.failedRows() + " failed");
        }
        boolean timedOut = Duration.between(started, Instant.now()).compareTo(timeout) > 0;
        boolean cancelled = CallCancellation.isCancelled(exchange);
        exchange.setProperty(DONE, job.status().finished() || timedOut || cancelled);
        Map<String, Object> status = views.describe(job, true);
        if (!job.status().finished() && cancelled) {
            status.put("note", "Stopped waiting: the client cancelled the call; the job goes on: poll get_job_status");
        } else if (!job.status().finished() && timedOut) {
            status.put("note", "Stopped waiting after " + timeout.toSeconds() + " s; the job goes on: poll get_job_status");
        }
        exchange.getMessage().setBody(status);
    }
}
