package dev.smartsheetmcp.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** A job as stored: its spec, status, counters, lease and times. */
public record JobRecord(JobSpec spec, JobStatus status, boolean cancelRequested, int totalRows, int writtenRows,
                        int failedRows, int skippedRows, int trimmedRows, int batchCount, int batchesDone,
                        String reason, String leaseOwner, int attempts, Instant createdAt, Instant startedAt,
                        Instant updatedAt, Instant finishedAt, int unchangedRows, int editedRows, int cacheHits,
                        int cacheMisses) {

    /** Rows finished one way or another: written, failed or skipped. */
    public int processedRows() {
        return writtenRows + failedRows + skippedRows;
    }

    static JobRecord from(ResultSet rs) throws SQLException {
        JobSpec spec = new JobSpec(rs.getString("id"), rs.getLong("sheet_id"), rs.getString("analysis_type"),
                JobJson.strings(rs.getString("source_columns")), JobJson.longs(rs.getString("source_column_ids")),
                rs.getString("target_column"),
                rs.getLong("target_column_id"), JobJson.longs(rs.getString("row_filter")),
                rs.getString("custom_goal"), rs.getString("system_prompt"), rs.getString("initial_prompt"),
                rs.getString("continuation_prompt"), rs.getInt("max_tokens"), rs.getBoolean("only_empty_target"),
                rs.getInt("priority"), rs.getInt("batch_size"), rs.getString("spec_hash"), rs.getBoolean("incremental"),
                rs.getBoolean("overwrite_edited"), rs.getString("schedule_name"),
                JobMode.fromWire(rs.getString("mode")));
        return new JobRecord(spec, JobStatus.fromWire(rs.getString("status")), rs.getBoolean("cancel_requested"),
                rs.getInt("total_rows"), rs.getInt("written_rows"), rs.getInt("failed_rows"), rs.getInt("skipped_rows"),
                rs.getInt("trimmed_rows"), rs.getInt("batch_count"), rs.getInt("batches_done"), rs.getString("reason"),
                rs.getString("lease_owner"), rs.getInt("attempts"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "updated_at"), instant(rs, "finished_at"), rs.getInt("unchanged_rows"), rs.getInt("edited_rows"),
                rs.getInt("cache_hits"), rs.getInt("cache_misses"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
