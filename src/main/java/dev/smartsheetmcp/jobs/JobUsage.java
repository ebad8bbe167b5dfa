package dev.smartsheetmcp.jobs;

import java.util.List;
import javax.sql.DataSource;

/**
 * The tokens Azure billed each job, by deployment and mode ({@code job_usage}): what its estimated
 * cost is computed from ({@link JobCosts}). A job runs on one worker at a time, so adding under
 * this object's lock cannot race another insert of the same key.
 */
public final class JobUsage {

    /** Requests and tokens billed on one deployment in one mode. */
    public record Usage(String deployment, JobMode mode, int requests, long promptTokens, long completionTokens) {
    }

    private static final String ADD = """
            UPDATE job_usage SET requests = requests + ?, prompt_tokens = prompt_tokens + ?,
                completion_tokens = completion_tokens + ? WHERE job_id = ? AND deployment = ? AND mode = ?""";

    private static final String INSERT = """
            INSERT INTO job_usage (job_id, deployment, mode, requests, prompt_tokens, completion_tokens) VALUES (?, ?, ?, ?, ?, ?)""";

    private static final String OF_JOB = "SELECT * FROM job_usage WHERE job_id = ? ORDER BY mode, deployment";

    private final SqlStatements sql;

    public JobUsage(DataSource dataSource) {
        this.sql = new SqlStatements(dataSource, "job store");
    }

    public synchronized void add(String jobId, Usage usage) {
        Object[] amounts = {usage.requests(), usage.promptTokens(), usage.completionTokens(), jobId, usage.deployment(),
            usage.mode().wire()};
        if (sql.update(ADD, amounts) == 0) {
            sql.update(INSERT, jobId, usage.deployment(), usage.mode().wire(), usage.requests(), usage.promptTokens(),
                    usage.completionTokens());
        }
    }

    public List<Usage> ofJob(String jobId) {
        return sql.list(OF_JOB, row -> new Usage(row.getString("deployment"), JobMode.fromWire(row.getString("mode")),
                row.getInt("requests"), row.getLong("prompt_tokens"), row.getLong("completion_tokens")), jobId);
    }
}
