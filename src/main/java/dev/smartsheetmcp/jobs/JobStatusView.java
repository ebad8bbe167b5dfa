package dev.smartsheetmcp.jobs;

import dev.smartsheetmcp.toolkit.BudgetedList;
import dev.smartsheetmcp.toolkit.Cursor;
import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.toolkit.ToolException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The answers of {@code get_job_status}, {@code list_jobs} and {@code cancel_batch_analysis}, and the
 * jobs page's data.
 * Field names keep those of the existing server ({@code total_rows}, {@code processed},
 * {@code failed}, {@code timestamps}) and add what it lacked: skipped rows and why, row errors, rate,
 * ETA; for incremental jobs the rows left unchanged and those a person edited; answer cache use.
 */
public final class JobStatusView {

    private final JobQueue queue;
    private final JobReports reports;
    private final Spending spending;
    private int defaultMaxChars = 20_000;

    /** Where a job's Azure batches and token usage are read, and how the usage is priced. */
    public record Spending(BatchSubmissions submissions, JobUsage usage, JobCosts costs) {
    }

    public JobStatusView(JobQueue queue, JobReports reports, Spending spending) {
        this.queue = queue;
        this.reports = reports;
        this.spending = spending;
    }

    public Map<String, Object> status(Map<String, Object> arguments) {
        return describe(requireJob(arguments), true);
    }

    /**
     * list_jobs: newest first, at most {@code limit} jobs over all pages, each page within max_chars;
     * a cursor continues after the last job answered (jobs queued meanwhile do not shift it).
     */
    public Map<String, Object> list(Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        String status = args.optionalText("status").orElse(null);
        Long sheetId = args.optionalId("sheet_id").orElse(null);
        String schedule = args.optionalText("schedule").orElse(null);
        int limit = args.optionalInt("limit").orElse(50);
        BudgetedList<JobRecord> page = BudgetedList.of("list_jobs", arguments, defaultMaxChars);
        JobReports.JobKey after = page.after().map(text -> JobReports.JobKey.parse(text).orElseThrow(() ->
                ToolException.invalidArgument(Cursor.ARGUMENT, "is not a cursor this server answered; pass it back unchanged")))
                .orElse(null);
        int remaining = Math.max(limit - page.answeredBefore(), 0);
        List<JobRecord> records = remaining == 0 ? List.of() : reports.list(status, sheetId, schedule, after, remaining);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("jobs", List.of());
        answer.put("count", 0);
        answer.put("total_count", Math.min(limit, reports.count(status, sheetId, schedule)));
        page.frame(answer);
        List<Map<String, Object>> jobs = new ArrayList<>();
        for (JobRecord job : records) {
            Map<String, Object> view = describe(job, false);
            if (!page.offer(job, view)) break;
            jobs.add(view);
        }
        answer.put("jobs", jobs);
        answer.put("count", jobs.size());
        return page.finish(answer, job -> JobReports.JobKey.of(job).text());
    }

    /** The size budget of list_jobs when the call gives no max_chars (tools.max-answer-chars). */
    public void setDefaultMaxChars(int defaultMaxChars) {
        this.defaultMaxChars = defaultMaxChars;
    }

    /** The newest jobs as {@code list_jobs} shows them, plus the top row errors of jobs that have failed rows. */
    public Map<String, Object> overview(int limit) {
        return listing(reports.list(null, null, null, limit), job -> job.failedRows() > 0);
    }

    private Map<String, Object> listing(List<JobRecord> records, Predicate<JobRecord> withRowErrors) {
        List<Map<String, Object>> jobs = records.stream().map(job -> describe(job, withRowErrors.test(job))).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("jobs", jobs);
        answer.put("count", jobs.size());
        return answer;
    }

    public Map<String, Object> cancel(Map<String, Object> arguments) {
        JobRecord job = requireJob(arguments);
        boolean accepted = queue.cancel(job.spec().id());
        JobRecord now = queue.find(job.spec().id()).orElseThrow();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("jobId", now.spec().id());
        answer.put("status", now.status().wire());
        answer.put("message", !accepted ? "The job had already finished (" + now.status().wire() + "); nothing to cancel"
                : now.status() == JobStatus.CANCELLED ? "Cancelled before it started"
                : runningMessage(now));
        answer.put("rows_written", now.writtenRows());
        return answer;
    }

    /**
     * What a cancel of a running job does: an online job stops before its next batch; a batch-mode
     * job with an Azure batch open has that batch cancelled at the next poll and ends cancelled once
     * Azure confirms, its answers unwritten.
     */
    private String runningMessage(JobRecord job) {
        boolean batchOpen = job.spec().mode() == JobMode.BATCH && spending.submissions().ofJob(job.spec().id()).stream()
                .anyMatch(submission -> !submission.ended() && !submission.status().equals("abandoned"));
        return batchOpen
                ? "Cancellation requested: the job's open Azure batch is cancelled at the next poll (azure.batch.poll-interval-ms);"
                    + " the job ends cancelled once Azure confirms, without writing that batch's answers"
                : "Cancellation requested: the job stops before its next batch";
    }

    /** A job by the {@code jobId} argument; with {@code sheet_id} given, it must be that sheet's. */
    JobRecord requireJob(Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        String jobId = args.nonBlankText("jobId");
        JobRecord job = queue.find(jobId).orElseThrow(() ->
                ToolException.invalidArgument("jobId", "no job with id '" + jobId + "'; list_jobs shows the jobs there are"));
        args.optionalId("sheet_id").filter(sheetId -> sheetId != job.spec().sheetId()).ifPresent(sheetId -> {
            throw ToolException.invalidArgument("sheet_id", "job " + jobId + " belongs to sheet " + job.spec().sheetId());
        });
        return job;
    }

    public Map<String, Object> describe(JobRecord job, boolean withRowErrors) {
        Map<String, Object> view = new LinkedHashMap<>();
        JobSpec spec = job.spec();
        view.put("jobId", spec.id());
        view.put("sheet_id", Long.toString(spec.sheetId()));
        view.put("type", spec.analysisType());
        view.put("sourceColumns", spec.sourceColumns());
        view.put("targetColumn", spec.targetColumn());
        view.put("status", job.status().wire());
        view.put("priority", spec.priority());
        if (spec.scheduleName() != null) view.put("schedule", spec.scheduleName());
        view.put("total_rows", Math.max(job.totalRows(), 0));
        view.put("processed", job.processedRows());
        view.put("written", job.writtenRows());
        view.put("failed", job.failedRows());
        view.put("skipped", job.skippedRows());
        view.put("trimmed", job.trimmedRows());
        view.put("incremental", spec.incremental());
        if (spec.incremental()) {
            view.put("overwrite_edited", spec.overwriteEdited());
            view.put("unchanged", job.unchangedRows());
            view.put("edited_by_person", job.editedRows());
        }
        view.put("cache_hits", job.cacheHits());
        view.put("cache_misses", job.cacheMisses());
        view.put("batches", Map.of("done", job.batchesDone(), "total", job.batchCount()));
        view.put("mode", spec.mode().wire());
        if (spec.mode() == JobMode.BATCH) view.put("azure_batches", azureBatches(spec.id()));
        view.put("usage", spending.costs().describe(spending.usage().ofJob(spec.id())));
        if (job.cancelRequested() && !job.status().finished()) view.put("cancel_requested", true);
        if (job.reason() != null) view.put("reason", job.reason());
        if (withRowErrors) {
            view.put("row_errors", rowErrors(spec.id()));
            view.put("skipped_by_reason", reports.skipReasons(spec.id()));
            view.put("answered_by", reports.answersByDeployment(spec.id()));
        }
        view.put("timestamps", timestamps(job));
        rate(job).ifPresent(rate -> {
            view.put("rows_per_second", Math.round(rate * 100) / 100.0);
            if (!job.status().finished()) view.put("eta_seconds", etaSeconds(job, rate));
        });
        return view;
    }

    /** Each submitted file's batch: Azure's status and request_counts, and the share of its requests done. */
    private Map<String, Object> azureBatches(String jobId) {
        List<Map<String, Object>> files = new ArrayList<>();
        int total = 0;
        int done = 0;
        for (BatchSubmissions.Submission submission : spending.submissions().ofJob(jobId)) {
            if (submission.status().equals("abandoned")) continue;
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("status", submission.status());
            if (submission.batchId() != null) file.put("batch_id", submission.batchId());
            file.put("request_counts", Map.of("total", submission.total(), "completed", submission.completed(),
                    "failed", submission.failed()));
            files.add(file);
            total += submission.total();
            done += submission.completed() + submission.failed();
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("files", files);
        view.put("requests_done", done);
        view.put("requests_total", total);
        view.put("percent", total == 0 ? 0 : Math.round(100.0 * done / total));
        return view;
    }

    private List<Map<String, Object>> rowErrors(String jobId) {
        return reports.rowErrors(jobId).stream().limit(10).map(error -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("error", error.error());
            entry.put("rows", error.rows());
            entry.put("example_row_id", Long.toString(error.exampleRowId()));
            return entry;
        }).toList();
    }

    private static Map<String, Object> timestamps(JobRecord job) {
        Map<String, Object> times = new LinkedHashMap<>();
        times.put("created", job.createdAt().toString());
        if (job.startedAt() != null) times.put("started", job.startedAt().toString());
        times.put("updated", job.updatedAt().toString());
        if (job.finishedAt() != null) times.put("finished", job.finishedAt().toString());
        return times;
    }

    /** Rows analysed (written or failed) per second since the job started. */
    private static java.util.Optional<Double> rate(JobRecord job) {
        if (job.startedAt() == null) return java.util.Optional.empty();
        Instant end = job.finishedAt() != null ? job.finishedAt() : Instant.now();
        double seconds = Duration.between(job.startedAt(), end).toMillis() / 1000.0;
        int analysed = job.writtenRows() + job.failedRows();
        return seconds <= 0 || analysed == 0 ? java.util.Optional.empty() : java.util.Optional.of(analysed / seconds);
    }

    private static long etaSeconds(JobRecord job, double rate) {
        int remaining = Math.max(job.totalRows() - job.processedRows(), 0);
        return Math.round(remaining / rate);
    }
}
