package dev.smartsheetmcp.jobs;

import dev.smartsheetmcp.jobs.SqlStatements.Transaction;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What was last written to each row's cell of a target column ({@code row_result}): what an
 * incremental run compares the sheet with. A batch's commit records its written rows here.
 */
public final class RowResults {

    private static final String SELECT = """
            SELECT row_id, spec_hash, content_hash, written_value FROM row_result WHERE sheet_id = ? AND target_column_id = ?""";

    /** Before {@link #INSERT_BATCH}: the batch's written rows replace what was last written to their cells. */
    private static final String DELETE_BATCH = """
            DELETE FROM row_result WHERE sheet_id = ? AND target_column_id = ? AND row_id IN
                (SELECT row_id FROM analysis_row WHERE job_id = ? AND batch_index = ? AND state = 'written')""";

    private static final String INSERT_BATCH = """
            INSERT INTO row_result (sheet_id, target_column_id, row_id, spec_hash, content_hash, written_value, job_id, written_at)
            SELECT CAST(? AS BIGINT), CAST(? AS BIGINT), row_id, CAST(? AS VARCHAR(64)), COALESCE(content_hash, ''),
                COALESCE(result, ''), job_id, CAST(? AS TIMESTAMP)
            FROM analysis_row WHERE job_id = ? AND batch_index = ? AND state = 'written'""";

    private final SqlStatements sql;

    public RowResults(DataSource dataSource) {
        this.sql = new SqlStatements(dataSource, "job store");
    }

    /** What was last written to each row's cell of a target column, by row id. */
    public Map<Long, RowResult> lastWritten(long sheetId, long targetColumnId) {
        return sql.query(SELECT, rs -> {
            Map<Long, RowResult> results = new HashMap<>();
            while (rs.next()) {
                results.put(rs.getLong("row_id"), new RowResult(rs.getString("spec_hash"), rs.getString("content_hash"),
                        rs.getString("written_value")));
            }
            return results;
        }, sheetId, targetColumnId);
    }

    /** In a batch's commit, once its rows are marked written: records what was written to their cells. */
    void recordBatch(Transaction tx, JobSpec spec, int batchIndex, Timestamp now) throws SQLException {
        tx.update(DELETE_BATCH, spec.sheetId(), spec.targetColumnId(), spec.id(), batchIndex);
        tx.update(INSERT_BATCH, spec.sheetId(), spec.targetColumnId(), spec.specHash(), now, spec.id(), batchIndex);
    }

    /** What was last written to a row's target cell, and the hashes it was written for. */
    public record RowResult(String specHash, String contentHash, String writtenValue) {
    }
}
