package dev.smartsheetmcp.jobs;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.camel.Service;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's hold on its node id ({@code jobs.node-id}, {@code NODE_ID}) in {@code job_node},
 * with a heartbeat by the database's clock. At start it refuses a node id another live instance
 * holds: a heartbeat fresher than {@code jobs.node-expiry-seconds} that still advances over one
 * heartbeat interval. A heartbeat that stopped (the instance was killed) is taken over after that
 * one interval, so a restart under the same id is not refused; only then are the id's old leases
 * freed ({@link JobLease#resumeOwnJobs}).
 */
public final class JobNode {

    private static final Logger LOG = LoggerFactory.getLogger(JobNode.class);

    private static final String SELECT = """
            SELECT instance_id, heartbeat_at, CURRENT_TIMESTAMP AS db_now,
                CASE WHEN heartbeat_at > CURRENT_TIMESTAMP - INTERVAL '1' SECOND * CAST(? AS INTEGER) THEN 1 ELSE 0 END AS fresh
            FROM job_node WHERE node_id = ?""";

    private static final String INSERT = """
            INSERT INTO job_node (node_id, instance_id, started_at, heartbeat_at) VALUES (?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""";

    private static final String TAKE_OVER = """
            UPDATE job_node SET instance_id = ?, started_at = CURRENT_TIMESTAMP, heartbeat_at = CURRENT_TIMESTAMP
            WHERE node_id = ? AND instance_id = ?""";

    private static final String BEAT = "UPDATE job_node SET heartbeat_at = CURRENT_TIMESTAMP WHERE node_id = ? AND instance_id = ?";

    private static final String LEAVE = "DELETE FROM job_node WHERE node_id = ? AND instance_id = ?";

    private record Seen(String instanceId, Timestamp heartbeat, Timestamp dbNow, boolean fresh) {
    }

    private final SqlStatements sql;
    private final JobLease lease;
    private final Duration heartbeat;
    private final Duration expiry;
    private final String instanceId = UUID.randomUUID().toString();

    public JobNode(DataSource dataSource, JobLease lease, Duration heartbeat, Duration expiry) {
        this.sql = new SqlStatements(dataSource, "job store");
        this.lease = lease;
        this.heartbeat = heartbeat;
        this.expiry = expiry;
    }

    /** At start: takes the node id, or refuses to start when another live instance holds it; then resumes the id's jobs. */
    public void join() throws InterruptedException {
        String nodeId = lease.owner();
        Optional<Seen> seen = seen(nodeId);
        if (seen.isPresent() && seen.get().fresh()) {
            // wait until its next heartbeat is due (by the database's clock): a live holder's advances
            long dueIn = seen.get().heartbeat().getTime() + heartbeat.toMillis() * 3 / 2 + 500 - seen.get().dbNow().getTime();
            if (dueIn > 0) Thread.sleep(dueIn);
            Optional<Seen> again = seen(nodeId);
            if (again.isPresent() && (!again.get().instanceId().equals(seen.get().instanceId())
                    || !again.get().heartbeat().equals(seen.get().heartbeat()))) {
                throw refused(nodeId);
            }
        }
        boolean taken;
        try {
            taken = seen.isPresent() ? sql.update(TAKE_OVER, instanceId, nodeId, seen.get().instanceId()) == 1
                    : sql.update(INSERT, nodeId, instanceId) == 1;
        } catch (IllegalStateException e) {
            // another instance inserted the same node id first (an integrity constraint violation)
            if (!(e.getCause() instanceof SQLException cause && cause.getSQLState() != null && cause.getSQLState().startsWith("23"))) throw e;
            taken = false;
        }
        if (!taken) throw refused(nodeId);
        lease.resumeOwnJobs();
    }

    /** The heartbeat: this instance is live, and the leases it holds are renewed. */
    public void heartbeat() {
        if (sql.update(BEAT, lease.owner(), instanceId) == 0) {
            LOG.error("NODE_ID {} was taken over by another instance while this one was paused; its jobs' leases are fenced",
                    lease.owner());
        }
        lease.renewAll();
    }

    /**
     * A service whose stop frees the node id, so that a restart under the same id starts at once
     * instead of waiting out the heartbeat. Added to the Camel context: it stops after the routes
     * and before the registry closes the job store's pool.
     */
    public Service releaseAtStop() {
        return new ServiceSupport() {
            @Override
            protected void doStop() {
                leave();
            }
        };
    }

    private void leave() {
        try {
            sql.update(LEAVE, lease.owner(), instanceId);
        } catch (RuntimeException e) {
            LOG.warn("Node id {} not released at stop (a restart under it waits for its heartbeat to go stale): {}",
                    lease.owner(), e.getMessage());
        }
    }

    private Optional<Seen> seen(String nodeId) {
        return sql.first(SELECT, row -> new Seen(row.getString("instance_id"), row.getTimestamp("heartbeat_at"),
                row.getTimestamp("db_now"), row.getInt("fresh") == 1), expiry.toSeconds(), nodeId);
    }

    private static IllegalStateException refused(String nodeId) {
        return new IllegalStateException("NODE_ID (jobs.node-id) '" + nodeId + "' is held by another live instance; "
                + "give each instance its own NODE_ID");
    }
}
