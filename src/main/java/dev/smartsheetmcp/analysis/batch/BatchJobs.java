package dev.smartsheetmcp.analysis.batch;

import dev.smartsheetmcp.jobs.BatchSubmissions;
import dev.smartsheetmcp.jobs.BatchSubmissions.Submission;
import dev.smartsheetmcp.jobs.JobLease;
import dev.smartsheetmcp.jobs.JobQueue;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.Exchange;

/**
 * A batch-mode job's next step at each claim, for {@code batch-job-run}: {@code collect} an ended
 * batch not yet read back; {@code park} while a batch is open (the job waits without a lease; the
 * poller wakes it when a batch ends); {@code submit} the rows not yet submitted; else
 * {@code online}: the online path writes the answers in bulk, answers the rows routed to it, and
 * finishes the job.
 */
public final class BatchJobs {

    private static final List<String> OPEN = List.of("validating", "in_progress", "finalizing", "cancelling");

    private final BatchSubmissions submissions;
    private final JobQueue queue;
    private final JobLease lease;
    private final Duration parkFor;

    public BatchJobs(BatchSubmissions submissions, JobQueue queue, JobLease lease, Duration parkFor) {
        this.submissions = submissions;
        this.queue = queue;
        this.lease = lease;
        this.parkFor = parkFor;
    }

    public String nextStep(Exchange exchange) {
        String jobId = exchange.getMessage().getHeader("JobId", String.class);
        List<Submission> all = submissions.ofJob(jobId);
        abandonUnfinishedUploads(jobId, all);
        Submission toCollect = all.stream().filter(s -> s.ended() && !s.collected()).findFirst().orElse(null);
        if (toCollect != null) {
            exchange.setProperty(BatchResults.SUBMISSION, toCollect);
            return "collect";
        }
        if (all.stream().anyMatch(s -> OPEN.contains(s.status()))) return "park";
        boolean cancelled = queue.find(jobId).map(job -> job.cancelRequested()).orElse(true);
        if (!cancelled && !submissions.toSubmit(jobId).isEmpty()) return "submit";
        submissions.followersOnline(jobId);
        return "online";
    }

    /** Releases the job until the poller wakes it (or, at the latest, one lease length from now). */
    public void park(Exchange exchange) {
        String jobId = exchange.getMessage().getHeader("JobId", String.class);
        String open = submissions.ofJob(jobId).stream().filter(s -> OPEN.contains(s.status()))
                .map(s -> s.status() + " " + s.completed() + "/" + s.total()).collect(Collectors.joining(", "));
        lease.park(jobId, parkFor, "waiting for Azure batch(es): " + open);
        // the poller may have seen the last batch end while this worker still held the job, when its
        // wake-up finds nothing to wake: such a job must not wait a whole park
        if (submissions.ofJob(jobId).stream().noneMatch(s -> OPEN.contains(s.status()))) lease.wake(jobId);
    }

    /** Every file id of the job's collected submissions, to delete from Azure. */
    public List<String> filesToDelete(Exchange exchange) {
        List<Submission> done = submissions.filesToDelete(exchange.getMessage().getHeader("JobId", String.class));
        exchange.setProperty("BatchFilesOf", done.stream().map(Submission::id).toList());
        return done.stream().flatMap(s -> Stream.of(s.inputFileId(), s.outputFileId(), s.errorFileId()))
                .filter(id -> id != null).toList();
    }

    public void filesDeleted(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<String> ids = exchange.getProperty("BatchFilesOf", List.class);
        ids.forEach(submissions::filesDeleted);
    }

    /**
     * A file recorded but never made a batch (the process stopped between upload and create): its
     * rows are submitted again. Should the batch exist after all, its answers still match by custom_id.
     */
    private void abandonUnfinishedUploads(String jobId, List<Submission> all) {
        for (Submission s : all) {
            if (!s.status().equals("uploading")) continue;
            submissions.route(jobId, submissions.waitingRows(jobId, s.id()), null);
            submissions.reported(new Submission(s.id(), jobId, s.part(), s.inputFileId(), null, "abandoned", s.total(), 0, 0,
                    null, null, null, true));
            submissions.collected(s.id());
        }
    }
}
