package dev.smartsheetmcp.schedules;

import dev.smartsheetmcp.analysis.AnalysisRequests;
import dev.smartsheetmcp.jobs.JobLease;
import dev.smartsheetmcp.jobs.JobQueue;
import dev.smartsheetmcp.jobs.JobRecord;
import dev.smartsheetmcp.toolkit.ToolException;
import dev.smartsheetmcp.schedules.ScheduleStore.Firing;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of one firing ({@code schedule-fire} route): skip while the schedule's previous job
 * is queued or running, else reserve the new job's id on the schedule, hand the schedule's
 * arguments to start_batch_analysis's steps, and record the outcome.
 */
public final class ScheduleFirings {

    /** Exchange property: true when the firing is skipped. */
    public static final String SKIPPED = "ScheduleFiringSkipped";
    /** Exchange property set by run_schedule_now: a full re-run this time. */
    public static final String FULL_RERUN = "ScheduleFullRerun";
    private static final String SCHEDULE = "Schedule";
    private static final String SKIP_REASON = "ScheduleSkipReason";
    private static final String PREVIOUS_JOB = "SchedulePreviousJob";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleFirings.class);

    private final ScheduleStore store;
    private final JobQueue jobs;
    private final JobLease lease;

    public ScheduleFirings(ScheduleStore store, JobQueue jobs, JobLease lease) {
        this.store = store;
        this.jobs = jobs;
        this.lease = lease;
    }

    public void begin(Exchange exchange) {
        String name = exchange.getMessage().getHeader(ScheduleTriggers.SCHEDULE_HEADER, String.class);
        Schedule schedule = store.find(name).orElseThrow(() -> new ToolException("no schedule named '" + name + "'"));
        exchange.setProperty(SCHEDULE, schedule);
        Optional<String> previous = store.currentJobId(name);
        Optional<JobRecord> unfinished = previous.flatMap(jobs::find).filter(job -> !job.status().finished());
        if (unfinished.isPresent()) {
            skip(exchange, previous.get(), "the previous run, job " + previous.get() + ", is still "
                    + unfinished.get().status().wire());
            return;
        }
        String jobId = UUID.randomUUID().toString();
        if (!store.reserve(name, previous.orElse(null), jobId)) {
            skip(exchange, null, "another firing of this schedule enqueued a job at the same moment");
            return;
        }
        exchange.setProperty(SKIPPED, false);
        exchange.setProperty(AnalysisRequests.RESERVED_JOB_ID, jobId);
        exchange.setProperty(AnalysisRequests.SCHEDULE_NAME, name);
    }

    /** The start_batch_analysis arguments of this run. */
    public Map<String, Object> arguments(Exchange exchange) {
        return schedule(exchange).analysisArguments(exchange.getProperty(FULL_RERUN, false, Boolean.class));
    }

    public Map<String, Object> enqueued(Exchange exchange) {
        String jobId = exchange.getProperty(AnalysisRequests.RESERVED_JOB_ID, String.class);
        LOG.info("Schedule {}: job {} enqueued", schedule(exchange).name(), jobId);
        return record(exchange, Firing.ENQUEUED, jobId, null, "Job " + jobId + " enqueued; follow it with get_job_status");
    }

    public Map<String, Object> skipped(Exchange exchange) {
        String reason = exchange.getProperty(SKIP_REASON, String.class);
        LOG.info("Schedule {}: firing skipped, {}", schedule(exchange).name(), reason);
        return record(exchange, Firing.SKIPPED, exchange.getProperty(PREVIOUS_JOB, String.class), reason,
                "Skipped: " + reason + "; runs of a schedule never overlap");
    }

    public Map<String, Object> failed(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String detail = cause == null ? "unknown failure"
                : cause instanceof ToolException ? cause.getMessage() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        LOG.warn("Schedule {}: firing failed, no job enqueued: {}", schedule(exchange).name(), detail);
        return record(exchange, Firing.FAILED, null, detail, "No job enqueued: " + detail);
    }

    private void skip(Exchange exchange, String previousJob, String reason) {
        exchange.setProperty(SKIPPED, true);
        exchange.setProperty(PREVIOUS_JOB, previousJob);
        exchange.setProperty(SKIP_REASON, reason);
    }

    private Map<String, Object> record(Exchange exchange, String outcome, String jobId, String detail, String message) {
        Schedule schedule = schedule(exchange);
        Instant scheduledFor = exchange.getMessage().getHeader(ScheduleTriggers.SCHEDULED_FOR_HEADER, Instant.class);
        String firedBy = exchange.getMessage().getHeader(ScheduleTriggers.FIRED_BY_HEADER, "manual", String.class);
        store.recordFiring(new Firing(schedule.name(), firedBy, scheduledFor, Instant.now(), outcome, jobId, detail,
                lease.owner()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("schedule", schedule.name());
        answer.put("outcome", outcome);
        if (jobId != null) answer.put("jobId", jobId);
        answer.put("message", message);
        return answer;
    }

    private static Schedule schedule(Exchange exchange) {
        return exchange.getProperty(SCHEDULE, Schedule.class);
    }
}
