package dev.smartsheetmcp.schedules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smartsheetmcp.jobs.JobMode;
import dev.smartsheetmcp.jobs.SqlStatements;
import dev.smartsheetmcp.jobs.StoredText;
import dev.smartsheetmcp.toolkit.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Schedules and their firings in the job store's database. The no-overlap guard is
 * {@link #reserve}: a compare-and-set of the schedule's current job, so of two firings that
 * both saw the previous run finished, only one enqueues.
 */
public final class ScheduleStore {

    private static final ObjectMapper JSON = Json.MAPPER;

    private static final String INSERT = """
            INSERT INTO schedule (name, source, cron, time_zone, sheet_id, analysis_type, source_columns, target_column,
                custom_goal, priority, batch_size, overwrite_edited, full_rerun, enabled, mode, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String UPDATE = """
            UPDATE schedule SET source = ?, cron = ?, time_zone = ?, sheet_id = ?, analysis_type = ?, source_columns = ?,
                target_column = ?, custom_goal = ?, priority = ?, batch_size = ?, overwrite_edited = ?, full_rerun = ?,
                enabled = ?, mode = ?, updated_at = ?
            WHERE name = ?""";

    private static final String DELETE = "DELETE FROM schedule WHERE name = ?";

    private static final String SELECT_ONE = """
            SELECT name, source, cron, time_zone, sheet_id, analysis_type, source_columns, target_column, custom_goal,
                priority, batch_size, overwrite_edited, full_rerun, enabled, mode
            FROM schedule WHERE name = ?""";

    private static final String SELECT_ALL = """
            SELECT name, source, cron, time_zone, sheet_id, analysis_type, source_columns, target_column, custom_goal,
                priority, batch_size, overwrite_edited, full_rerun, enabled, mode
            FROM schedule ORDER BY name""";

    private static final String CURRENT_JOB = "SELECT current_job_id FROM schedule WHERE name = ?";

    private static final String RESERVE = """
            UPDATE schedule SET current_job_id = ?
            WHERE name = ? AND (current_job_id = ? OR (current_job_id IS NULL AND CAST(? AS VARCHAR(36)) IS NULL))""";

    private static final String INSERT_FIRING = """
            INSERT INTO schedule_firing (schedule_name, fired_by, scheduled_for, fired_at, outcome, job_id, detail, node)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String RECENT_FIRINGS = """
            SELECT * FROM schedule_firing WHERE schedule_name = ? ORDER BY fired_at DESC, id DESC LIMIT ?""";

    private static final String FIRING_COUNTS = """
            SELECT outcome, COUNT(*) FROM schedule_firing WHERE schedule_name = ? GROUP BY outcome""";

    private final SqlStatements sql;

    public ScheduleStore(DataSource dataSource) {
        this.sql = new SqlStatements(dataSource, "schedule store");
    }

    public void insert(Schedule schedule) {
        Timestamp now = Timestamp.from(Instant.now());
        sql.update(INSERT, append(definition(schedule), now, now));
    }

    /** Inserts or replaces; of two instances upserting at once, the second updates. */
    public void upsert(Schedule schedule) {
        if (update(schedule)) return;
        try {
            insert(schedule);
        } catch (IllegalStateException insertedMeanwhile) {
            if (!update(schedule)) throw insertedMeanwhile;
        }
    }

    /** Replaces the definition; the schedule keeps its current job and its firings. False if there is none. */
    public boolean update(Schedule schedule) {
        Object[] values = definition(schedule);
        Object[] parameters = new Object[values.length + 1];
        System.arraycopy(values, 1, parameters, 0, values.length - 1);
        parameters[values.length - 1] = Timestamp.from(Instant.now());
        parameters[values.length] = schedule.name();
        return sql.update(UPDATE, parameters) == 1;
    }

    public boolean delete(String name) {
        return sql.update(DELETE, name) == 1;
    }

    public Optional<Schedule> find(String name) {
        return sql.first(SELECT_ONE, ScheduleStore::schedule, name);
    }

    public List<Schedule> all() {
        return sql.list(SELECT_ALL, ScheduleStore::schedule);
    }

    /** The job the schedule's last enqueueing firing reserved, if any. */
    public Optional<String> currentJobId(String name) {
        return sql.first(CURRENT_JOB, row -> row.getString(1), name);
    }

    /** Makes {@code jobId} the schedule's current job if its current job is still {@code expected}. */
    public boolean reserve(String name, String expected, String jobId) {
        return sql.update(RESERVE, jobId, name, expected, expected) == 1;
    }

    public void recordFiring(Firing firing) {
        sql.update(INSERT_FIRING, firing.schedule(), firing.firedBy(),
                firing.scheduledFor() == null ? null : Timestamp.from(firing.scheduledFor()),
                Timestamp.from(firing.firedAt()), firing.outcome(), firing.jobId(), StoredText.clip(firing.detail()), firing.node());
    }

    /** The schedule's newest firings first. */
    public List<Firing> recentFirings(String name, int limit) {
        return sql.list(RECENT_FIRINGS, ScheduleStore::firing, name, limit);
    }

    /** How many firings had each outcome. */
    public Map<String, Integer> firingCounts(String name) {
        return sql.query(FIRING_COUNTS, rs -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String outcome : List.of(Firing.ENQUEUED, Firing.SKIPPED, Firing.FAILED)) counts.put(outcome, 0);
            while (rs.next()) counts.put(rs.getString(1), rs.getInt(2));
            return counts;
        }, name);
    }

    /** One firing: cron (Quartz) or manual (run_schedule_now), and what came of it. */
    public record Firing(String schedule, String firedBy, Instant scheduledFor, Instant firedAt, String outcome,
                         String jobId, String detail, String node) {
        public static final String ENQUEUED = "enqueued";
        public static final String SKIPPED = "skipped";
        public static final String FAILED = "failed";
    }

    private static Object[] definition(Schedule s) {
        return new Object[] {s.name(), s.source().wire(), s.cron(), s.timeZone(), s.sheetId(), s.type(),
            json(s.sourceColumns()), s.targetColumn(), s.customGoal(), s.priority(), s.batchSize(),
            s.overwriteEdited(), s.fullRerun(), s.enabled(), s.mode().wire()};
    }

    private static Schedule schedule(ResultSet row) throws SQLException {
        return new Schedule(row.getString("name"), Schedule.Source.fromWire(row.getString("source")),
                row.getString("cron"), row.getString("time_zone"), row.getLong("sheet_id"), row.getString("analysis_type"),
                columns(row.getString("source_columns")), row.getString("target_column"), row.getString("custom_goal"),
                row.getInt("priority"), (Integer) row.getObject("batch_size", Integer.class),
                row.getBoolean("overwrite_edited"), row.getBoolean("full_rerun"), row.getBoolean("enabled"),
                JobMode.fromWire(row.getString("mode")));
    }

    private static Firing firing(ResultSet row) throws SQLException {
        Timestamp scheduled = row.getTimestamp("scheduled_for");
        return new Firing(row.getString("schedule_name"), row.getString("fired_by"),
                scheduled == null ? null : scheduled.toInstant(), row.getTimestamp("fired_at").toInstant(),
                row.getString("outcome"), row.getString("job_id"), row.getString("detail"), row.getString("node"));
    }

    private static Object[] append(Object[] values, Object... more) {
        Object[] all = new Object[values.length + more.length];
        System.arraycopy(values, 0, all, 0, values.length);
        System.arraycopy(more, 0, all, values.length, more.length);
        return all;
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<String> columns(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt column list in the schedule table", e);
        }
    }
}
