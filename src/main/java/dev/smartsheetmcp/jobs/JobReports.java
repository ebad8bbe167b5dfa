package dev.smartsheetmcp.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The reporting queries behind {@link JobStatusView}, the jobs page and the job metrics: jobs
 * listed and counted by status, and a job's row failures, skip reasons and answering deployments.
 */
public final class JobReports {

    private static final String FILTERS = """
            WHERE (CAST(? AS VARCHAR(16)) IS NULL OR status = ?) AND (CAST(? AS BIGINT) IS NULL OR sheet_id = ?)
              AND (CAST(? AS VARCHAR(64)) IS NULL OR schedule_name = ?)""";

    /** Newest first; with a job to continue after, the jobs older than it (created at the same instant: smaller id). */
    private static final String LIST = "SELECT * FROM analysis_job " + FILTERS + """

              AND (CAST(? AS TIMESTAMP) IS NULL OR created_at < ? OR (created_at = ? AND id < ?))
            ORDER BY created_at DESC, id DESC LIMIT ?""";

    private static final String COUNT = "SELECT COUNT(*) AS job_count FROM analysis_job " + FILTERS;

    private static final String COUNT_BY_STATUS = "SELECT status, COUNT(*) AS job_count FROM analysis_job GROUP BY status";

    private static final String ROW_ERRORS = """
            SELECT error, COUNT(*) AS row_count, MIN(row_id) AS example_row FROM analysis_row
            WHERE job_id = ? AND state = 'failed' GROUP BY error ORDER BY row_count DESC""";

    private static final String SKIP_REASONS = """
            SELECT COALESCE(skip_reason, 'not recorded') AS skip_reason, COUNT(*) AS row_count FROM analysis_row
            WHERE job_id = ? AND state = 'skipped' GROUP BY skip_reason ORDER BY row_count DESC""";

    private static final String ANSWERS_BY_DEPLOYMENT = """
            SELECT deployment, COUNT(*) AS row_count FROM analysis_row
            WHERE job_id = ? AND deployment IS NOT NULL GROUP BY deployment ORDER BY deployment""";

    private final SqlStatements sql;

    public JobReports(DataSource dataSource) {
        this.sql = new SqlStatements(dataSource, "job store");
    }

    /** Newest first, optionally only one status, one sheet and one schedule's jobs. */
    public List<JobRecord> list(String status, Long sheetId, String scheduleName, int limit) {
        return list(status, sheetId, scheduleName, null, limit);
    }

    /** As {@link #list(String, Long, String, int)}, the jobs listed after {@code after} (none: from the newest). */
    public List<JobRecord> list(String status, Long sheetId, String scheduleName, JobKey after, int limit) {
        Timestamp createdAt = after == null ? null : Timestamp.from(after.createdAt());
        String id = after == null ? null : after.id();
        return sql.list(LIST, JobRecord::from, status, status, sheetId, sheetId, scheduleName, scheduleName,
                createdAt, createdAt, createdAt, id, limit);
    }

    /** How many jobs the same filters select. */
    public int count(String status, Long sheetId, String scheduleName) {
        return sql.query(COUNT, rs -> rs.next() ? rs.getInt("job_count") : 0,
                status, status, sheetId, sheetId, scheduleName, scheduleName);
    }

    /** A job's place in the newest-first order: its creation time, then its id. */
    public record JobKey(Instant createdAt, String id) {
        public static JobKey of(JobRecord job) {
            return new JobKey(job.createdAt(), job.spec().id());
        }

        /** The key as a cursor holds it. */
        public String text() {
            return createdAt + "|" + id;
        }

        /** A key {@link #text()} wrote, or empty when it is not one. */
        public static java.util.Optional<JobKey> parse(String text) {
            int bar = text.indexOf('|');
            if (bar < 0) return java.util.Optional.empty();
            try {
                return java.util.Optional.of(new JobKey(Instant.parse(text.substring(0, bar)), text.substring(bar + 1)));
            } catch (java.time.format.DateTimeParseException e) {
                return java.util.Optional.empty();
            }
        }
    }

    /** How many jobs are in each status; a status no job is in is absent. */
    public Map<JobStatus, Integer> countsByStatus() {
        return sql.query(COUNT_BY_STATUS, rs -> {
            Map<JobStatus, Integer> counts = new EnumMap<>(JobStatus.class);
            while (rs.next()) counts.put(JobStatus.fromWire(rs.getString("status")), rs.getInt("job_count"));
            return counts;
        });
    }

    /** The job's kinds of row failure, the most frequent first. */
    public List<RowErrorSummary> rowErrors(String jobId) {
        return sql.list(ROW_ERRORS, row -> new RowErrorSummary(row.getString("error"), row.getInt("row_count"),
                row.getLong("example_row")), jobId);
    }

    /** How many skipped rows each skip reason accounts for. */
    public Map<String, Integer> skipReasons(String jobId) {
        return sql.query(SKIP_REASONS, rs -> rowCounts(rs, "skip_reason"), jobId);
    }

    /** How many rows each deployment answered (the fallback's share shows here). */
    public Map<String, Integer> answersByDeployment(String jobId) {
        return sql.query(ANSWERS_BY_DEPLOYMENT, rs -> rowCounts(rs, "deployment"), jobId);
    }

    private static Map<String, Integer> rowCounts(ResultSet rs, String key) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        while (rs.next()) counts.put(rs.getString(key), rs.getInt("row_count"));
        return counts;
    }

    /** One kind of row failure, how many rows had it, and one of them. */
    public record RowErrorSummary(String error, int rows, long exampleRowId) {
    }
}
