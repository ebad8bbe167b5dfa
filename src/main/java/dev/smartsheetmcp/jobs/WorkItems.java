package dev.smartsheetmcp.jobs;

import dev.smartsheetmcp.jobs.RowSource.Finding;
import dev.smartsheetmcp.jobs.WorkItem.RowState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A job's work items, one per row of the sheet ({@code analysis_row}), numbered into batches, and
 * the job's progress counters they roll up into. Each change is one transaction, so a crash at
 * any point leaves a state the next claim resumes from, and commits only under the job's lease
 * ({@link JobLease#fenced}); a batch's commit also records what was written to each row's cell
 * ({@link RowResults}).
 */
public final class WorkItems {

    private static final String INSERT = """
            INSERT INTO analysis_row (job_id, row_id, position, batch_index, state, content, content_hash, skip_reason,
                trimmed, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)""";

    private static final String SET_TOTALS = """
            UPDATE analysis_job SET total_rows = ?, skipped_rows = ?, unchanged_rows = ?, edited_rows = ?, batch_count = ?,
                updated_at = ? WHERE id = ?""";

    private static final String NEXT_BATCH_INDEX = """
            SELECT MIN(batch_index) FROM analysis_row WHERE job_id = ? AND state IN ('pending', 'answered')""";

    private static final String SELECT_BATCH = """
            SELECT row_id, position, batch_index, state, content, result, deployment, trimmed FROM analysis_row
            WHERE job_id = ? AND batch_index = ? AND state IN ('pending', 'answered') ORDER BY position""";

    private static final String SELECT_ANSWERED = """
            SELECT row_id, position, batch_index, result, deployment, trimmed FROM analysis_row
            WHERE job_id = ? AND batch_index = ? AND state = 'answered' ORDER BY position""";

    private static final String RECORD_ANSWER = """
            UPDATE analysis_row SET state = 'answered', result = ?, deployment = ?, trimmed = ?, error = NULL, updated_at = ?
            WHERE job_id = ? AND row_id = ? AND state = 'pending'""";

    private static final String RECORD_ROW_FAILURE = """
            UPDATE analysis_row SET state = 'failed', error = ?, updated_at = ?
            WHERE job_id = ? AND row_id = ? AND state IN ('pending', 'answered')""";

    private static final String COUNT_CACHE_USE = """
            UPDATE analysis_job SET cache_hits = cache_hits + ?, cache_misses = cache_misses + ? WHERE id = ?""";

    private static final String RECORD_WRITTEN = """
            UPDATE analysis_row SET state = 'written', updated_at = ? WHERE job_id = ? AND row_id = ? AND state = 'answered'""";

    private static final String REFRESH_PROGRESS = """
            UPDATE analysis_job SET
                written_rows = (SELECT COUNT(*) FROM analysis_row WHERE job_id = ? AND state = 'written'),
                failed_rows = (SELECT COUNT(*) FROM analysis_row WHERE job_id = ? AND state = 'failed'),
                trimmed_rows = (SELECT COUNT(*) FROM analysis_row WHERE job_id = ? AND trimmed = TRUE AND state = 'written'),
                batches_done = batches_done + 1,
                updated_at = ?
            WHERE id = ?""";

    private static final String REFRESH_COUNTS = """
            UPDATE analysis_job SET
                failed_rows = (SELECT COUNT(*) FROM analysis_row WHERE job_id = ? AND state = 'failed'),
                updated_at = ?
            WHERE id = ?""";

    private final SqlStatements sql;
    private final RowResults rowResults;
    private final JobLease lease;
    private final Clock clock = Clock.systemUTC();

    public WorkItems(DataSource dataSource, RowResults rowResults, JobLease lease) {
        this.sql = new SqlStatements(dataSource, "job store");
        this.rowResults = rowResults;
        this.lease = lease;
    }

    /** Stores the job's rows, pending or skipped, numbered into batches, and the job's totals. */
    public void enumerate(String jobId, int batchSize, List<RowSource> rows) {
        Timestamp now = now();
        List<Object[]> inserts = new ArrayList<>();
        int analysed = 0;
        for (int position = 0; position < rows.size(); position++) {
            RowSource row = rows.get(position);
            boolean skip = row.skipReason() != null;
            int batch = skip ? -1 : analysed++ / batchSize;
            inserts.add(new Object[] {jobId, row.rowId(), position, batch, skip ? "skipped" : "pending",
                skip ? null : row.content(), row.contentHash(), row.skipReason(), now});
        }
        int skipped = rows.size() - analysed;
        int batches = (analysed + batchSize - 1) / batchSize;
        lease.fenced(jobId, tx -> {
            tx.batch(INSERT, inserts);
            tx.update(SET_TOTALS, rows.size(), skipped, count(rows, Finding.UNCHANGED), count(rows, Finding.EDITED_BY_PERSON),
                    batches, now, jobId);
        });
    }

    /** The rows of the lowest unfinished batch, or an empty list when every batch is done. */
    public List<WorkItem> nextBatch(String jobId) {
        return sql.first(NEXT_BATCH_INDEX, row -> (Integer) row.getObject(1), jobId)
                .map(batch -> sql.list(SELECT_BATCH, WorkItems::workItem, jobId, batch))
                .orElse(List.of());
    }

    /** The answered rows of a batch, ready to be written. */
    public List<WorkItem> answered(String jobId, int batchIndex) {
        return sql.list(SELECT_ANSWERED, row -> new WorkItem(row.getLong("row_id"), row.getInt("position"),
                row.getInt("batch_index"), RowState.ANSWERED, null, row.getString("result"), row.getString("deployment"),
                row.getBoolean("trimmed")), jobId, batchIndex);
    }

    /**
     * The job's failed-row count from its rows, for rows failed outside a batch commit (a batch-mode
     * job's rows failed by Azure: a batch of them only failures is never committed).
     */
    public void refreshFailedCount(String jobId) {
        lease.fenced(jobId, tx -> tx.update(REFRESH_COUNTS, jobId, now(), jobId));
    }

    /** The text each of these rows of the job asks about, by row id. */
    public Map<Long, String> contents(String jobId, List<Long> rowIds) {
        Map<Long, String> contents = new HashMap<>();
        for (int start = 0; start < rowIds.size(); start += 500) {
            List<Long> part = rowIds.subList(start, Math.min(rowIds.size(), start + 500));
            Object[] parameters = new Object[part.size() + 1];
            parameters[0] = jobId;
            for (int i = 0; i < part.size(); i++) parameters[i + 1] = part.get(i);
            sql.list("SELECT row_id, content FROM analysis_row WHERE job_id = ? AND row_id IN ("
                    + String.join(", ", Collections.nCopies(part.size(), "?")) + ")",
                    row -> contents.put(row.getLong(1), row.getString(2)), parameters);
        }
        return contents;
    }

    /**
     * Keeps the model's answers (and row failures) before anything is written, so no row is asked
     * twice, and counts the answers that came from the cache and those that did not.
     */
    public void recordAnswers(String jobId, List<RowOutcome> outcomes) {
        Timestamp now = now();
        int hits = (int) outcomes.stream().filter(RowOutcome::cached).count();
        lease.fenced(jobId, tx -> {
            for (RowOutcome outcome : outcomes) {
                if (outcome.succeeded()) {
                    tx.update(RECORD_ANSWER, outcome.result(), outcome.deployment(), outcome.trimmed(), now, jobId,
                            outcome.rowId());
                } else {
                    tx.update(RECORD_ROW_FAILURE, StoredText.clip(outcome.error()), now, jobId, outcome.rowId());
                }
            }
            tx.update(COUNT_CACHE_USE, hits, outcomes.size() - hits, jobId);
        });
    }

    /**
     * Commits a batch in one transaction: rows written to Smartsheet, rows Smartsheet refused, what
     * was written to each written row's target cell (what the next incremental run compares with),
     * and the job's progress.
     */
    public void commitBatch(JobSpec spec, int batchIndex, List<Long> written, Map<Long, String> writeFailures) {
        String jobId = spec.id();
        Timestamp now = now();
        lease.fenced(jobId, tx -> {
            for (Long rowId : written) tx.update(RECORD_WRITTEN, now, jobId, rowId);
            for (Map.Entry<Long, String> failure : writeFailures.entrySet()) {
                tx.update(RECORD_ROW_FAILURE, StoredText.clip(failure.getValue()), now, jobId, failure.getKey());
            }
            rowResults.recordBatch(tx, spec, batchIndex, now);
            tx.update(REFRESH_PROGRESS, jobId, jobId, jobId, now, jobId);
        });
    }

    private static WorkItem workItem(ResultSet row) throws SQLException {
        return new WorkItem(row.getLong("row_id"), row.getInt("position"), row.getInt("batch_index"),
                RowState.valueOf(row.getString("state").toUpperCase(Locale.ROOT)), row.getString("content"),
                row.getString("result"), row.getString("deployment"), row.getBoolean("trimmed"));
    }

    private static int count(List<RowSource> rows, Finding finding) {
        return (int) rows.stream().filter(row -> row.finding() == finding).count();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
