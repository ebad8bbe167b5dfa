package dev.smartsheetmcp.jobs;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The jobs of the durable queue ({@code analysis_job}): queued, looked up, postponed, cancelled
 * and finished. Claims and leases are {@link JobLease}'s; a running job's status changes only
 * under its lease ({@link JobLease#fenced}), and its progress counters move with its rows
 * ({@link WorkItems}).
 */
public final class JobQueue {

    private static final String INSERT = """
            INSERT INTO analysis_job (id, sheet_id, analysis_type, source_columns, source_column_ids, target_column, target_column_id,
                row_filter, custom_goal, system_prompt, initial_prompt, continuation_prompt, max_tokens,
                only_empty_target, priority, batch_size, status, cancel_requested, total_rows, written_rows,
                failed_rows, skipped_rows, trimmed_rows, batch_count, batches_done, attempts, created_at, updated_at,
                spec_hash, incremental, overwrite_edited, schedule_name, mode)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', FALSE, -1, 0, 0, 0, 0, 0, 0, 0, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String SELECT = "SELECT * FROM analysis_job WHERE id = ?";

    private static final String FINISH = """
            UPDATE analysis_job SET status = ?, reason = ?, finished_at = ?, updated_at = ?, lease_owner = NULL,
                lease_expires_at = NULL WHERE id = ? AND status IN ('queued', 'running')""";

    private static final String POSTPONE = """
            UPDATE analysis_job SET reason = ?, lease_owner = NULL, lease_expires_at = %s, updated_at = ?
            WHERE id = ? AND status = 'running'""".formatted(JobLease.DB_NOW_PLUS);

    private static final String REQUEST_CANCEL = """
            UPDATE analysis_job SET cancel_requested = TRUE, updated_at = ? WHERE id = ? AND status IN ('queued', 'running')""";

    private static final String CANCEL_QUEUED = """
            UPDATE analysis_job SET status = 'cancelled', reason = 'cancelled before it started', finished_at = ?, updated_at = ?
            WHERE id = ? AND status = 'queued'""";

    private final SqlStatements sql;
    private final JobLease lease;
    private final Clock clock = Clock.systemUTC();

    public JobQueue(DataSource dataSource, JobLease lease) {
        this.sql = new SqlStatements(dataSource, "job store");
        this.lease = lease;
    }

    public void create(JobSpec spec) {
        Timestamp now = now();
        sql.update(INSERT, spec.id(), spec.sheetId(), spec.analysisType(), JobJson.write(spec.sourceColumns()),
                JobJson.write(spec.sourceColumnIds()), spec.targetColumn(), spec.targetColumnId(),
                spec.rowFilter() == null ? null : JobJson.write(spec.rowFilter()), spec.customGoal(), spec.systemPrompt(),
                spec.initialPrompt(), spec.continuationPrompt(), spec.maxTokens(), spec.onlyEmptyTarget(), spec.priority(),
                spec.batchSize(), now, now, spec.specHash(), spec.incremental(), spec.overwriteEdited(), spec.scheduleName(),
                spec.mode().wire());
    }

    public Optional<JobRecord> find(String jobId) {
        return sql.first(SELECT, JobRecord::from, jobId);
    }

    public JobSpec spec(String jobId) {
        return find(jobId).orElseThrow(() -> new IllegalStateException("no job " + jobId)).spec();
    }

    /** Whether the job's rows were read from the sheet already (they are, once, at its first claim). */
    public boolean enumerated(String jobId) {
        return find(jobId).map(job -> job.totalRows() >= 0).orElse(false);
    }

    /** Ends a job this instance runs, under its lease. */
    public void finish(String jobId, JobStatus status, String reason) {
        Timestamp now = now();
        lease.fenced(jobId, tx -> tx.update(FINISH, status.wire(), reason, now, now, jobId));
        lease.givenUp(jobId);
    }

    /** Gives a job this instance runs back to the queue for {@code retryIn}, keeping every row's state. */
    public void postpone(String jobId, String reason, Duration retryIn) {
        lease.fenced(jobId, tx -> tx.update(POSTPONE, StoredText.clip(reason), retryIn.toSeconds(), now(), jobId));
        lease.givenUp(jobId);
    }

    /** Cancels a queued job at once; a running one stops before its next batch (batch mode: once its Azure batch is cancelled). False if already finished. */
    public boolean cancel(String jobId) {
        Timestamp now = now();
        boolean requested = sql.update(REQUEST_CANCEL, now, jobId) == 1;
        sql.update(CANCEL_QUEUED, now, now, jobId);
        return requested;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
