package dev.smartsheetmcp.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smartsheetmcp.jobs.WorkItem.RowState;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The durable job queue: jobs and one work item per row, each change in one transaction so a
 * crash at any point leaves a state the next claim resumes from. Claiming itself is the
 * conditional UPDATE in {@code sql/claim-job.sql}, run by the {@code job-claim} route.
 */
public final class JobStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqlStatements sql;
    private final Clock clock;

    public JobStore(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    JobStore(DataSource dataSource, Clock clock) {
        this.sql = new SqlStatements(dataSource, "job store");
        this.clock = clock;
    }

    public void create(JobSpec spec) {
        Timestamp now = now();
        sql.update(JobSql.INSERT_JOB, spec.id(), spec.sheetId(), spec.analysisType(), json(spec.sourceColumns()),
                json(spec.sourceColumnIds()), spec.targetColumn(), spec.targetColumnId(), spec.rowFilter() == null ? null : json(spec.rowFilter()),
                spec.customGoal(), spec.systemPrompt(), spec.initialPrompt(), spec.continuationPrompt(), spec.maxTokens(),
                spec.onlyEmptyTarget(), spec.priority(), spec.batchSize(), now, now, spec.specHash(), spec.incremental(),
                spec.overwriteEdited(), spec.scheduleName());
    }

    public Optional<JobRecord> find(String jobId) {
        return sql.query(JobSql.SELECT_JOB, rs -> rs.next() ? Optional.of(JobRecord.from(rs)) : Optional.<JobRecord>empty(), jobId);
    }

    public JobSpec spec(String jobId) {
        return find(jobId).orElseThrow(() -> new IllegalStateException("no job " + jobId)).spec();
    }

    /** Whether the job's rows were read from the sheet already (they are, once, at its first claim). */
    public boolean enumerated(String jobId) {
        return find(jobId).map(job -> job.totalRows() >= 0).orElse(false);
    }

    /** Stores the job's rows, pending or skipped, numbered into batches, in one transaction. */
    public void enumerate(String jobId, int batchSize, List<RowSource> rows) {
        sql.inTransaction(tx -> {
            Timestamp now = now();
            int skipped = 0;
            int analysed = 0;
            List<Object[]> inserts = new ArrayList<>();
            for (int position = 0; position < rows.size(); position++) {
                RowSource row = rows.get(position);
                boolean skip = row.skipReason() != null;
                int batch = skip ? -1 : analysed++ / batchSize;
                inserts.add(new Object[] {jobId, row.rowId(), position, batch, skip ? "skipped" : "pending",
                    skip ? null : row.content(), row.contentHash(), row.skipReason(), now});
                if (skip) skipped++;
            }
            tx.batch(JobSql.INSERT_ROW, inserts);
            int batches = (analysed + batchSize - 1) / batchSize;
            tx.update(JobSql.SET_TOTALS, rows.size(), skipped, count(rows, Finding.UNCHANGED),
                    count(rows, Finding.EDITED_BY_PERSON), batches, now, jobId);
        });
    }

    private static int count(List<RowSource> rows, Finding finding) {
        return (int) rows.stream().filter(row -> row.finding() == finding).count();
    }

    /** The rows of the lowest unfinished batch, or an empty list when every batch is done. */
    public List<WorkItem> nextBatch(String jobId) {
        Integer batch = sql.query(JobSql.NEXT_BATCH_INDEX, rs -> rs.next() ? (Integer) rs.getObject(1) : null, jobId);
        if (batch == null) return List.of();
        return sql.query(JobSql.SELECT_BATCH, rs -> {
            List<WorkItem> items = new ArrayList<>();
            while (rs.next()) {
                items.add(new WorkItem(rs.getLong("row_id"), rs.getInt("position"), rs.getInt("batch_index"),
                        RowState.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)), rs.getString("content"),
                        rs.getString("result"), rs.getString("deployment"), rs.getBoolean("trimmed")));
            }
            return items;
        }, jobId, batch);
    }

    /** The answered rows of a batch, ready to be written. */
    public List<WorkItem> nextBatchAnswers(String jobId, int batchIndex) {
        return sql.query(JobSql.SELECT_ANSWERED, rs -> {
            List<WorkItem> items = new ArrayList<>();
            while (rs.next()) {
                items.add(new WorkItem(rs.getLong("row_id"), rs.getInt("position"), rs.getInt("batch_index"),
                        RowState.ANSWERED, null, rs.getString("result"), rs.getString("deployment"),
                        rs.getBoolean("trimmed")));
            }
            return items;
        }, jobId, batchIndex);
    }

    /**
     * Keeps the model's answers (and row failures) before anything is written, so no row is asked
     * twice, and counts the answers that came from the cache and those that did not.
     */
    public void recordAnswers(String jobId, List<RowOutcome> outcomes) {
        sql.inTransaction(tx -> {
            Timestamp now = now();
            for (RowOutcome outcome : outcomes) {
                if (outcome.succeeded()) {
                    tx.update(JobSql.RECORD_ANSWER, outcome.result(), outcome.deployment(), outcome.trimmed(),
                            now, jobId, outcome.rowId());
                } else {
                    tx.update(JobSql.RECORD_ROW_FAILURE, clip(outcome.error()), now, jobId, outcome.rowId());
                }
            }
            int hits = (int) outcomes.stream().filter(RowOutcome::cached).count();
            tx.update(JobSql.COUNT_CACHE_USE, hits, outcomes.size() - hits, jobId);
        });
    }

    /**
     * Commits a batch: rows written to Smartsheet, rows Smartsheet refused, the job's progress, and
     * for each written row what was written to its target cell (what the next incremental run compares with).
     */
    public void commitBatch(String jobId, int batchIndex, List<Long> written, Map<Long, String> writeFailures) {
        JobSpec spec = spec(jobId);
        sql.inTransaction(tx -> {
            Timestamp now = now();
            for (Long rowId : written) tx.update(JobSql.RECORD_WRITTEN, now, jobId, rowId);
            for (Map.Entry<Long, String> failure : writeFailures.entrySet()) {
                tx.update(JobSql.RECORD_ROW_FAILURE, clip(failure.getValue()), now, jobId, failure.getKey());
            }
            tx.update(JobSql.DELETE_ROW_RESULTS, spec.sheetId(), spec.targetColumnId(), jobId, batchIndex);
            tx.update(JobSql.INSERT_ROW_RESULTS, spec.sheetId(), spec.targetColumnId(), spec.specHash(), now,
                    jobId, batchIndex);
            tx.update(JobSql.REFRESH_PROGRESS, jobId, jobId, jobId, now, jobId);
        });
    }

    /** What was last written to each row's cell of a target column, by row id. */
    public Map<Long, RowResult> rowResults(long sheetId, long targetColumnId) {
        return sql.query(JobSql.SELECT_ROW_RESULTS, rs -> {
            Map<Long, RowResult> results = new HashMap<>();
            while (rs.next()) {
                results.put(rs.getLong("row_id"), new RowResult(rs.getString("spec_hash"), rs.getString("content_hash"),
                        rs.getString("written_value")));
            }
            return results;
        }, sheetId, targetColumnId);
    }

    /** How many skipped rows each skip reason accounts for. */
    public Map<String, Integer> skipReasons(String jobId) {
        return sql.query(JobSql.SKIP_REASONS, rs -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            while (rs.next()) counts.put(rs.getString("skip_reason"), rs.getInt("row_count"));
            return counts;
        }, jobId);
    }

    public boolean renewLease(String jobId, String owner, Timestamp until) {
        return sql.update(JobSql.RENEW_LEASE, until, now(), jobId, owner) == 1;
    }

    /** Ends this owner's claim on a running job at {@code now}; the claim does not count as an attempt. */
    public boolean releaseLease(String jobId, String owner, Timestamp now) {
        return sql.update(JobSql.RELEASE_LEASE, now, now, jobId, owner) == 1;
    }

    public void finish(String jobId, JobStatus status, String reason) {
        Timestamp now = now();
        sql.update(JobSql.FINISH, status.wire(), reason, now, now, jobId);
    }

    /** Gives the job back to the queue until {@code retryAt}, keeping every row's state. */
    public void postpone(String jobId, String reason, Timestamp retryAt) {
        sql.update(JobSql.POSTPONE, clip(reason), retryAt, now(), jobId);
    }

    /** Cancels a queued job at once; a running one stops before its next batch. False if already finished. */
    public boolean cancel(String jobId) {
        Timestamp now = now();
        boolean requested = sql.update(JobSql.REQUEST_CANCEL, now, jobId) == 1;
        sql.update(JobSql.CANCEL_QUEUED, now, now, jobId);
        return requested;
    }

    /** Makes this node's running jobs claimable now: after a crash this node is their only possible owner. */
    public int releaseLeasesOf(String owner) {
        return sql.update(JobSql.RELEASE_OWN_LEASES, now(), owner);
    }

    public List<RowErrorSummary> rowErrors(String jobId) {
        return sql.query(JobSql.ROW_ERRORS, rs -> {
            List<RowErrorSummary> errors = new ArrayList<>();
            while (rs.next()) {
                errors.add(new RowErrorSummary(rs.getString("error"), rs.getInt("row_count"), rs.getLong("example_row")));
            }
            return errors;
        }, jobId);
    }

    /** How many rows each deployment answered (the fallback's share shows here). */
    public Map<String, Integer> answersByDeployment(String jobId) {
        return sql.query(JobSql.ANSWERS_BY_DEPLOYMENT, rs -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            while (rs.next()) counts.put(rs.getString("deployment"), rs.getInt("row_count"));
            return counts;
        }, jobId);
    }

    /** Newest first, optionally only one status, one sheet and one schedule's jobs. */
    public List<JobRecord> list(String status, Long sheetId, String scheduleName, int limit) {
        return sql.query(JobSql.LIST_JOBS, rs -> {
            List<JobRecord> jobs = new ArrayList<>();
            while (rs.next()) jobs.add(JobRecord.from(rs));
            return jobs;
        }, status, status, sheetId, sheetId, scheduleName, scheduleName, limit);
    }

    /** How many jobs are in each status; a status no job is in is absent. */
    public Map<JobStatus, Integer> countsByStatus() {
        return sql.query(JobSql.COUNT_BY_STATUS, rs -> {
            Map<JobStatus, Integer> counts = new java.util.EnumMap<>(JobStatus.class);
            while (rs.next()) counts.put(JobStatus.fromWire(rs.getString("status")), rs.getInt("job_count"));
            return counts;
        });
    }

    /** One kind of row failure, how many rows had it, and one of them. */
    public record RowErrorSummary(String error, int rows, long exampleRowId) {
    }

    /**
     * A row as read from the sheet: its text to analyse (and the text's hash), or why it is skipped;
     * and what an incremental job found about it.
     */
    public record RowSource(long rowId, String content, String contentHash, String skipReason, Finding finding) {

        public static RowSource analyse(long rowId, String content, String contentHash, Finding finding) {
            return new RowSource(rowId, content, contentHash, null, finding);
        }

        public static RowSource skipped(long rowId, String contentHash, String reason, Finding finding) {
            return new RowSource(rowId, null, contentHash, reason, finding);
        }
    }

    /** What an incremental job found about a row, counted apart in the job's status. */
    public enum Finding { NONE, UNCHANGED, EDITED_BY_PERSON }

    /** What was last written to a row's target cell, and the hashes it was written for. */
    public record RowResult(String specHash, String contentHash, String writtenValue) {
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    static List<String> readStrings(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt column list in the job store", e);
        }
    }

    static List<Long> readLongs(String json) {
        if (json == null) return null;
        try {
            return JSON.readValue(json, new TypeReference<List<Long>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt row filter in the job store", e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String clip(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }
}
