package dev.smartsheetmcp.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.smartsheetmcp.testing.SandboxApp;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retention purge of the {@code job-purge} route on a real HSQLDB job store: the store holds
 * jobs of every status, some finished long ago; the application starts on it and its timer
 * deletes only the finished jobs older than jobs.retention-days, with their rows.
 */
class JobRetentionTest {

    private static final Instant NOW = Instant.now();
    private static final Instant LONG_AGO = NOW.minus(Duration.ofDays(40));
    private static final Instant LATELY = NOW.minus(Duration.ofDays(5));

    @TempDir
    Path dataDir;

    @BeforeEach
    void storeWithOldAndRecentJobs() throws SQLException {
        try (HikariDataSource store = JobDatabase.open(jdbcUrl(), "SA", "", 2)) {
            insertJob(store, "old-completed", "completed", LONG_AGO, LONG_AGO);
            insertJob(store, "old-failed", "failed", LONG_AGO, LONG_AGO);
            insertJob(store, "old-cancelled", "cancelled", LONG_AGO, LONG_AGO);
            insertJob(store, "recent-completed", "completed", LONG_AGO, LATELY);
            insertJob(store, "old-running", "running", LONG_AGO, null);
            insertJob(store, "old-queued", "queued", LONG_AGO, null);
            insertFirings(store, LONG_AGO, LATELY);
        }
    }

    @Test
    void purgesFinishedJobsOlderThanTheRetentionWithTheirRows() throws Exception {
        try (SandboxApp app = SandboxApp.start(settings("30"))) {
            DataSource store = app.context().getRegistry().lookupByNameAndType("jobsDataSource", DataSource.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> !jobIds(store).contains("old-completed"));

            assertThat(jobIds(store)).containsExactlyInAnyOrder("recent-completed", "old-running", "old-queued");
            assertThat(rowJobIds(store)).containsExactlyInAnyOrder("recent-completed", "recent-completed",
                    "old-running", "old-running", "old-queued", "old-queued");
            await().atMost(Duration.ofSeconds(10)).until(() -> firingTimes(store).size() == 1);
            assertThat(firingTimes(store)).containsExactly("fired " + LATELY);
        }
    }

    @Test
    void zeroRetentionDaysKeepsEveryJob() throws Exception {
        try (SandboxApp app = SandboxApp.start(settings("0"))) {
            DataSource store = app.context().getRegistry().lookupByNameAndType("jobsDataSource", DataSource.class);
            Thread.sleep(3000); // the purge timer has fired twice by now
            assertThat(jobIds(store)).hasSize(6);
            assertThat(rowJobIds(store)).hasSize(12);
            assertThat(firingTimes(store)).hasSize(2);
        }
    }

    private Map<String, String> settings(String retentionDays) {
        return Map.of("data.dir", dataDir.toString(),
                "jobs.retention-days", retentionDays,
                "jobs.purge-delay-seconds", "1",
                // the worker must not claim the queued and running jobs of this test
                "jobs.poll-delay-ms", "3600000");
    }

    private String jdbcUrl() {
        return "jdbc:hsqldb:file:" + dataDir + "/jobstore/jobs;hsqldb.default_table_type=cached;shutdown=true";
    }

    private static void insertJob(DataSource store, String id, String status, Instant created, Instant finished)
            throws SQLException {
        try (Connection connection = store.getConnection();
             PreparedStatement job = connection.prepareStatement("""
                     INSERT INTO analysis_job (id, sheet_id, analysis_type, source_columns, source_column_ids,
                         target_column, target_column_id, system_prompt, initial_prompt, continuation_prompt, max_tokens,
                         only_empty_target, priority, batch_size, status, cancel_requested, total_rows, written_rows,
                         failed_rows, skipped_rows, trimmed_rows, batch_count, batches_done, attempts, created_at,
                         updated_at, finished_at)
                     VALUES (?, 1, 'summarize', '["Feedback"]', '[2]', 'Summary', 3, 's', 'i', 'c', 100,
                         FALSE, 0, 10, ?, FALSE, 2, 0, 0, 0, 0, 1, 0, 1, ?, ?, ?)""");
             PreparedStatement row = connection.prepareStatement("""
                     INSERT INTO analysis_row (job_id, row_id, position, batch_index, state, content, trimmed, updated_at)
                     VALUES (?, ?, ?, 0, 'pending', 'text', FALSE, ?)""")) {
            job.setString(1, id);
            job.setString(2, status);
            job.setTimestamp(3, Timestamp.from(created));
            job.setTimestamp(4, Timestamp.from(finished == null ? created : finished));
            job.setTimestamp(5, finished == null ? null : Timestamp.from(finished));
            job.executeUpdate();
            for (int position = 0; position < 2; position++) {
                row.setString(1, id);
                row.setLong(2, 1000L + position);
                row.setInt(3, position);
                row.setTimestamp(4, Timestamp.from(created));
                row.executeUpdate();
            }
        }
    }

    private static void insertFirings(DataSource store, Instant... firedAt) throws SQLException {
        try (Connection connection = store.getConnection();
             PreparedStatement schedule = connection.prepareStatement("""
                     INSERT INTO schedule (name, source, cron, time_zone, sheet_id, analysis_type, source_columns,
                         target_column, priority, overwrite_edited, full_rerun, enabled, created_at, updated_at)
                     VALUES ('nightly', 'tool', '0 0 2 * * ?', 'UTC', 1, 'summarize', '["Feedback"]', 'Summary', 0,
                         FALSE, FALSE, FALSE, ?, ?)""");
             PreparedStatement firing = connection.prepareStatement("""
                     INSERT INTO schedule_firing (schedule_name, fired_by, fired_at, outcome, detail)
                     VALUES ('nightly', 'cron', ?, 'skipped', ?)""")) {
            schedule.setTimestamp(1, Timestamp.from(LONG_AGO));
            schedule.setTimestamp(2, Timestamp.from(LONG_AGO));
            schedule.executeUpdate();
            for (Instant at : firedAt) {
                firing.setTimestamp(1, Timestamp.from(at));
                firing.setString(2, "fired " + at);
                firing.executeUpdate();
            }
        }
    }

    private static List<String> firingTimes(DataSource store) throws SQLException {
        return strings(store, "SELECT detail FROM schedule_firing");
    }

    private static List<String> jobIds(DataSource store) throws SQLException {
        return strings(store, "SELECT id FROM analysis_job");
    }

    private static List<String> rowJobIds(DataSource store) throws SQLException {
        return strings(store, "SELECT job_id FROM analysis_row");
    }

    private static List<String> strings(DataSource store, String sql) throws SQLException {
        try (Connection connection = store.getConnection();
             ResultSet rs = connection.createStatement().executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) values.add(rs.getString(1));
            return values;
        }
    }
}
