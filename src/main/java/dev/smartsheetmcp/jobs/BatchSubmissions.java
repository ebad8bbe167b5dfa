package dev.smartsheetmcp.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The request files a batch-mode job submitted to the Azure OpenAI Batch API ({@code azure_batch}),
 * and which of its rows went in which ({@code analysis_row.batch_ref}). A file is recorded with its
 * rows before it is uploaded, its input file id once uploaded and its batch id once the batch
 * exists, so a restart finds every open batch and polls it again instead of submitting twice.
 */
public final class BatchSubmissions {

    /** {@code batch_ref} of a row to be answered through the online path. */
    public static final String ONLINE = "online";
    /** {@code batch_ref} prefix of a row waiting for the answer of the row named after it (same text). */
    public static final String SAME_TEXT_AS = "row:";

    /** A row waiting for the answer of the row with its text, and that row as it is now. */
    public record Follower(long rowId, long leaderRowId, String leaderState, String leaderBatchRef, String result,
                           String deployment, boolean trimmed, String error) {
    }

    /** One submitted file and the last state Azure reported for its batch. */
    public record Submission(String id, String jobId, int part, String inputFileId, String batchId, String status,
                             int total, int completed, int failed, String outputFileId, String errorFileId,
                             String errors, boolean collected) {

        /** Azure reports no more change: completed, failed, expired or cancelled. */
        public boolean ended() {
            return List.of("completed", "failed", "expired", "cancelled").contains(status);
        }
    }

    private static final String INSERT = """
            INSERT INTO azure_batch (id, job_id, part, status, request_total, request_completed, request_failed, collected,
                files_deleted, created_at, updated_at)
            VALUES (?, ?, ?, 'uploading', ?, 0, 0, FALSE, FALSE, ?, ?)""";

    private static final String ASSIGN_ROW = """
            UPDATE analysis_row SET batch_ref = ?, batch_submissions = batch_submissions + 1, updated_at = ?
            WHERE job_id = ? AND row_id = ? AND state = 'pending'""";

    private static final String TO_SUBMIT = """
            SELECT row_id, position, batch_index, state, content, result, deployment, trimmed FROM analysis_row
            WHERE job_id = ? AND state = 'pending' AND batch_ref IS NULL ORDER BY position""";

    private static final String ROWS_OF = """
            SELECT row_id FROM analysis_row WHERE job_id = ? AND batch_ref = ? AND state = 'pending' ORDER BY position""";

    private static final String ROW_SUBMISSIONS = """
            SELECT batch_submissions FROM analysis_row WHERE job_id = ? AND row_id = ?""";

    private static final String ROUTE_ROW = """
            UPDATE analysis_row SET batch_ref = ?, updated_at = ? WHERE job_id = ? AND row_id = ? AND state = 'pending'""";

    private static final String FOLLOWERS = """
            SELECT row_id, batch_ref FROM analysis_row WHERE job_id = ? AND state = 'pending' AND batch_ref LIKE 'row:%'""";

    private static final String LEADER = """
            SELECT state, batch_ref, result, deployment, trimmed, error FROM analysis_row WHERE job_id = ? AND row_id = ?""";

    private static final String FOLLOWERS_ONLINE = """
            UPDATE analysis_row SET batch_ref = 'online', updated_at = ?
            WHERE job_id = ? AND state = 'pending' AND batch_ref LIKE 'row:%'""";

    private static final String UPLOADED = "UPDATE azure_batch SET input_file_id = ?, updated_at = ? WHERE id = ?";

    private static final String REPORTED = """
            UPDATE azure_batch SET batch_id = COALESCE(?, batch_id), status = ?, request_total = ?, request_completed = ?,
                request_failed = ?, output_file_id = ?, error_file_id = ?, errors = ?, updated_at = ? WHERE id = ?""";

    private static final String COLLECTED = "UPDATE azure_batch SET collected = TRUE, updated_at = ? WHERE id = ?";

    private static final String FILES_DELETED = "UPDATE azure_batch SET files_deleted = TRUE, updated_at = ? WHERE id = ?";

    private static final String OF_JOB = "SELECT * FROM azure_batch WHERE job_id = ? ORDER BY created_at, part";

    private static final String FIND = "SELECT * FROM azure_batch WHERE id = ?";

    private static final String NOT_DELETED = """
            SELECT * FROM azure_batch WHERE job_id = ? AND files_deleted = FALSE AND (collected = TRUE OR status = 'failed')""";

    private final SqlStatements sql;
    private final Clock clock = Clock.systemUTC();

    public BatchSubmissions(DataSource dataSource) {
        this.sql = new SqlStatements(dataSource, "job store");
    }

    /** The job's pending rows not yet submitted (nor routed online), in sheet order. */
    public List<WorkItem> toSubmit(String jobId) {
        return sql.list(TO_SUBMIT, row -> new WorkItem(row.getLong("row_id"), row.getInt("position"),
                row.getInt("batch_index"), WorkItem.RowState.PENDING, row.getString("content"), null, null, false), jobId);
    }

    /** Records a request file of these rows before it is uploaded; answers its id (the rows' batch_ref). */
    public String record(String jobId, int part, List<Long> rowIds) {
        String id = UUID.randomUUID().toString();
        Timestamp now = now();
        List<Object[]> assignments = new ArrayList<>();
        rowIds.forEach(rowId -> assignments.add(new Object[] {id, now, jobId, rowId}));
        sql.inTransaction(tx -> {
            tx.update(INSERT, id, jobId, part, rowIds.size(), now, now);
            tx.batch(ASSIGN_ROW, assignments);
        });
        return id;
    }

    public void uploaded(String id, String inputFileId) {
        sql.update(UPLOADED, inputFileId, now(), id);
    }

    /** What Azure reported for the batch (its id the first time). */
    public void reported(Submission reported) {
        sql.update(REPORTED, reported.batchId(), reported.status(), reported.total(), reported.completed(),
                reported.failed(), reported.outputFileId(), reported.errorFileId(), StoredText.clip(reported.errors()),
                now(), reported.id());
    }

    public Optional<Submission> find(String id) {
        return sql.first(FIND, BatchSubmissions::submission, id);
    }

    /** Every file the job submitted, oldest first. */
    public List<Submission> ofJob(String jobId) {
        return sql.list(OF_JOB, BatchSubmissions::submission, jobId);
    }

    /** The rows of a submission still waiting for its answer, in the order they were written to its file. */
    public List<Long> waitingRows(String jobId, String id) {
        return sql.list(ROWS_OF, row -> row.getLong("row_id"), jobId, id);
    }

    public int submissions(String jobId, long rowId) {
        return sql.first(ROW_SUBMISSIONS, row -> row.getInt(1), jobId, rowId).orElse(0);
    }

    /** Routes pending rows: {@link #ONLINE}, or null to submit them again. */
    public void route(String jobId, List<Long> rowIds, String batchRef) {
        Timestamp now = now();
        List<Object[]> updates = new ArrayList<>();
        rowIds.forEach(rowId -> updates.add(new Object[] {batchRef, now, jobId, rowId}));
        if (!updates.isEmpty()) sql.inTransaction(tx -> tx.batch(ROUTE_ROW, updates));
    }

    /** Rows of the same text wait for these rows' answers ({@link #SAME_TEXT_AS}), by the row asked. */
    public void waitFor(String jobId, Map<Long, List<Long>> followersByLeader) {
        Timestamp now = now();
        List<Object[]> updates = new ArrayList<>();
        followersByLeader.forEach((leader, followers) -> followers.forEach(rowId ->
                updates.add(new Object[] {SAME_TEXT_AS + leader, now, jobId, rowId})));
        if (!updates.isEmpty()) sql.inTransaction(tx -> tx.batch(ROUTE_ROW, updates));
    }

    /** The job's rows still waiting for another row's answer, each with that row as it is now. */
    public List<Follower> followers(String jobId) {
        List<Follower> followers = new ArrayList<>();
        Map<Long, Optional<Follower>> leaders = new HashMap<>();
        for (Object[] row : sql.list(FOLLOWERS, rs -> new Object[] {rs.getLong(1), rs.getString(2)}, jobId)) {
            long rowId = (Long) row[0];
            long leader = Long.parseLong(((String) row[1]).substring(SAME_TEXT_AS.length()));
            leaders.computeIfAbsent(leader, id -> sql.first(LEADER, rs -> new Follower(0, id, rs.getString("state"),
                    rs.getString("batch_ref"), rs.getString("result"), rs.getString("deployment"), rs.getBoolean("trimmed"),
                    rs.getString("error")), jobId, id))
                    .ifPresentOrElse(l -> followers.add(new Follower(rowId, leader, l.leaderState(), l.leaderBatchRef(),
                            l.result(), l.deployment(), l.trimmed(), l.error())),
                        () -> followers.add(new Follower(rowId, leader, "missing", null, null, null, false, null)));
        }
        return followers;
    }

    /** Rows still waiting for another row's answer go through the online path (which asks each text once). */
    public void followersOnline(String jobId) {
        sql.update(FOLLOWERS_ONLINE, now(), jobId);
    }

    public void collected(String id) {
        sql.update(COLLECTED, now(), id);
    }

    /** The job's collected (or failed) submissions whose files are still on Azure. */
    public List<Submission> filesToDelete(String jobId) {
        return sql.list(NOT_DELETED, BatchSubmissions::submission, jobId);
    }

    public void filesDeleted(String id) {
        sql.update(FILES_DELETED, now(), id);
    }

    private static Submission submission(ResultSet rs) throws SQLException {
        return new Submission(rs.getString("id"), rs.getString("job_id"), rs.getInt("part"), rs.getString("input_file_id"),
                rs.getString("batch_id"), rs.getString("status"), rs.getInt("request_total"), rs.getInt("request_completed"),
                rs.getInt("request_failed"), rs.getString("output_file_id"), rs.getString("error_file_id"),
                rs.getString("errors"), rs.getBoolean("collected"));
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
