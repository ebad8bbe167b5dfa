package dev.smartsheetmcp.jobs;

/** The job store's statements, by name. Plain SQL that HSQLDB and PostgreSQL both run. */
final class JobSql {

    static final String INSERT_JOB = """
            INSERT INTO analysis_job (id, sheet_id, analysis_type, source_columns, source_column_ids, target_column, target_column_id,
                row_filter, custom_goal, system_prompt, initial_prompt, continuation_prompt, max_tokens,
                only_empty_target, priority, batch_size, status, cancel_requested, total_rows, written_rows,
                failed_rows, skipped_rows, trimmed_rows, batch_count, batches_done, attempts, created_at, updated_at,
                spec_hash, incremental, overwrite_edited, schedule_name)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', FALSE, -1, 0, 0, 0, 0, 0, 0, 0, ?, ?, ?, ?, ?, ?)""";

    static final String SELECT_JOB = "SELECT * FROM analysis_job WHERE id = ?";

    static final String INSERT_ROW = """
            INSERT INTO analysis_row (job_id, row_id, position, batch_index, state, content, content_hash, skip_reason,
                trimmed, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)""";

    static final String SET_TOTALS = """
            UPDATE analysis_job SET total_rows = ?, skipped_rows = ?, unchanged_rows = ?, edited_rows = ?, batch_count = ?,
                updated_at = ? WHERE id = ?""";

    static final String NEXT_BATCH_INDEX = """
            SELECT MIN(batch_index) FROM analysis_row WHERE job_id = ? AND state IN ('pending', 'answered')""";

    static final String SELECT_BATCH = """
            SELECT row_id, position, batch_index, state, content, result, deployment, trimmed FROM analysis_row
            WHERE job_id = ? AND batch_index = ? AND state IN ('pending', 'answered') ORDER BY position""";

    static final String SELECT_ANSWERED = """
            SELECT row_id, position, batch_index, result, deployment, trimmed FROM analysis_row
            WHERE job_id = ? AND batch_index = ? AND state = 'answered' ORDER BY position""";

    static final String RECORD_ANSWER = """
            UPDATE analysis_row SET state = 'answered', result = ?, deployment = ?, trimmed = ?, error = NULL, updated_at = ?
            WHERE job_id = ? AND row_id = ? AND state = 'pending'""";

    static final String RECORD_ROW_FAILURE = """
            UPDATE analysis_row SET state = 'failed', error = ?, updated_at = ?
            WHERE job_id = ? AND row_id = ? AND state IN ('pending', 'answered')""";

    static final String COUNT_CACHE_USE = """
            UPDATE analysis_job SET cache_hits = cache_hits + ?, cache_misses = cache_misses + ? WHERE id = ?""";

    static final String RECORD_WRITTEN = """
            UPDATE analysis_row SET state = 'written', updated_at = ? WHERE job_id = ? AND row_id = ? AND state = 'answered'""";

    static final String REFRESH_PROGRESS = """
            UPDATE analysis_job SET
                written_rows = (SELECT COUNT(*) FROM analysis_row WHERE job_id = ? AND state = 'written'),
                failed_rows = (SELECT COUNT(*) FROM analysis_row WHERE job_id = ? AND state = 'failed'),
                trimmed_rows = (SELECT COUNT(*) FROM analysis_row WHERE job_id = ? AND trimmed = TRUE AND state = 'written'),
                batches_done = batches_done + 1,
                updated_at = ?
            WHERE id = ?""";

    /** Before {@link #INSERT_ROW_RESULTS}: the batch's written rows replace what was last written to their cells. */
    static final String DELETE_ROW_RESULTS = """
            DELETE FROM row_result WHERE sheet_id = ? AND target_column_id = ? AND row_id IN
                (SELECT row_id FROM analysis_row WHERE job_id = ? AND batch_index = ? AND state = 'written')""";

    static final String INSERT_ROW_RESULTS = """
            INSERT INTO row_result (sheet_id, target_column_id, row_id, spec_hash, content_hash, written_value, job_id, written_at)
            SELECT CAST(? AS BIGINT), CAST(? AS BIGINT), row_id, CAST(? AS VARCHAR(64)), COALESCE(content_hash, ''),
                COALESCE(result, ''), job_id, CAST(? AS TIMESTAMP)
            FROM analysis_row WHERE job_id = ? AND batch_index = ? AND state = 'written'""";

    static final String SELECT_ROW_RESULTS = """
            SELECT row_id, spec_hash, content_hash, written_value FROM row_result WHERE sheet_id = ? AND target_column_id = ?""";

    static final String SKIP_REASONS = """
            SELECT COALESCE(skip_reason, 'not recorded') AS skip_reason, COUNT(*) AS row_count FROM analysis_row
            WHERE job_id = ? AND state = 'skipped' GROUP BY skip_reason ORDER BY row_count DESC""";

    static final String RENEW_LEASE = """
            UPDATE analysis_job SET lease_expires_at = ?, updated_at = ? WHERE id = ? AND lease_owner = ? AND status = 'running'""";

    // a claim given back on shutdown is no failed attempt: rolling restarts must not use up jobs.max-attempts
    static final String RELEASE_LEASE = """
            UPDATE analysis_job SET lease_owner = NULL, lease_expires_at = ?, attempts = attempts - 1,
                reason = 'interrupted by a shutdown; resumes after its last committed batch', updated_at = ?
            WHERE id = ? AND lease_owner = ? AND status = 'running'""";

    static final String FINISH = """
            UPDATE analysis_job SET status = ?, reason = ?, finished_at = ?, updated_at = ?, lease_owner = NULL,
                lease_expires_at = NULL WHERE id = ? AND status IN ('queued', 'running')""";

    static final String POSTPONE = """
            UPDATE analysis_job SET reason = ?, lease_owner = NULL, lease_expires_at = ?, updated_at = ?
            WHERE id = ? AND status = 'running'""";

    static final String REQUEST_CANCEL = """
            UPDATE analysis_job SET cancel_requested = TRUE, updated_at = ? WHERE id = ? AND status IN ('queued', 'running')""";

    static final String CANCEL_QUEUED = """
            UPDATE analysis_job SET status = 'cancelled', reason = 'cancelled before it started', finished_at = ?, updated_at = ?
            WHERE id = ? AND status = 'queued'""";

    static final String ROW_ERRORS = """
            SELECT error, COUNT(*) AS row_count, MIN(row_id) AS example_row FROM analysis_row
            WHERE job_id = ? AND state = 'failed' GROUP BY error ORDER BY row_count DESC""";

    static final String ANSWERS_BY_DEPLOYMENT = """
            SELECT deployment, COUNT(*) AS row_count FROM analysis_row
            WHERE job_id = ? AND deployment IS NOT NULL GROUP BY deployment ORDER BY deployment""";

    static final String RELEASE_OWN_LEASES = """
            UPDATE analysis_job SET lease_expires_at = ? WHERE status = 'running' AND lease_owner = ?""";

    static final String LIST_JOBS = """
            SELECT * FROM analysis_job
            WHERE (CAST(? AS VARCHAR(16)) IS NULL OR status = ?) AND (CAST(? AS BIGINT) IS NULL OR sheet_id = ?)
              AND (CAST(? AS VARCHAR(64)) IS NULL OR schedule_name = ?)
            ORDER BY created_at DESC LIMIT ?""";

    static final String COUNT_BY_STATUS = "SELECT status, COUNT(*) AS job_count FROM analysis_job GROUP BY status";

    private JobSql() {
    }
}
