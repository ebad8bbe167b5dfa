package dev.smartsheetmcp.jobs;

import dev.smartsheetmcp.jobs.SqlStatements.Transaction;
import dev.smartsheetmcp.upstream.SendCheck;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fenced leases on jobs. A claim takes a job for this instance ({@link #owner}) under a new lease
 * epoch until the database's clock passes its expiry; the heartbeat and each batch renew it. Every
 * write of a job's progress runs {@link #fenced}: it commits only while this instance holds the
 * lease of the epoch it claimed, else it throws {@link LeaseLostException} and nothing is written.
 * A job's bulk update to Smartsheet cannot be fenced by the database: {@link #confirmWrite} renews
 * the lease right before it and leaves a check the Smartsheet client runs as the request leaves.
 * Owns the lease columns of {@code analysis_job}.
 */
public final class JobLease {

    private static final Logger LOG = LoggerFactory.getLogger(JobLease.class);

    /** The database's clock plus a number of seconds (same SQL on HSQLDB and PostgreSQL). */
    static final String DB_NOW_PLUS = "CURRENT_TIMESTAMP + INTERVAL '1' SECOND * CAST(? AS INTEGER)";

    private static final String CLAIMABLE = "(status = 'queued' OR (status = 'running' AND lease_expires_at < CURRENT_TIMESTAMP))";

    private static final String NEXT = "SELECT id, lease_epoch FROM analysis_job WHERE " + CLAIMABLE
            + "%s ORDER BY priority DESC, created_at ASC, id ASC LIMIT 1%s";

    private static final String CLAIM = """
            UPDATE analysis_job SET status = 'running', lease_owner = ?, lease_epoch = ?, lease_expires_at = %s,
                attempts = attempts + 1, started_at = COALESCE(started_at, ?), updated_at = ?
            WHERE id = ? AND lease_epoch = ? AND %s""".formatted(DB_NOW_PLUS, CLAIMABLE);

    private static final String HELD = "id = ? AND lease_owner = ? AND lease_epoch = ? AND status = 'running'";

    private static final String FENCE = "UPDATE analysis_job SET updated_at = ? WHERE " + HELD
            + " AND lease_expires_at > CURRENT_TIMESTAMP";

    private static final String RENEW = "UPDATE analysis_job SET lease_expires_at = " + DB_NOW_PLUS + " WHERE " + HELD
            + " AND lease_expires_at > CURRENT_TIMESTAMP";

    // a claim given back on shutdown is no failed attempt: rolling restarts must not use up jobs.max-attempts
    private static final String RELEASE = """
            UPDATE analysis_job SET lease_owner = NULL, lease_expires_at = CURRENT_TIMESTAMP, attempts = attempts - 1,
                reason = 'interrupted by a shutdown; resumes after its last committed batch', updated_at = ?
            WHERE""" + " " + HELD;

    // waiting on an Azure batch is no attempt either: the batch poller wakes the job when it ends
    private static final String PARK = "UPDATE analysis_job SET lease_owner = NULL, lease_expires_at = " + DB_NOW_PLUS
            + ", attempts = attempts - 1, reason = ?, updated_at = ? WHERE " + HELD;

    private static final String WAKE = """
            UPDATE analysis_job SET lease_expires_at = CURRENT_TIMESTAMP WHERE id = ? AND lease_owner IS NULL AND status = 'running'""";

    private static final String EXPIRE_OWN = """
            UPDATE analysis_job SET lease_expires_at = CURRENT_TIMESTAMP WHERE status = 'running' AND lease_owner = ?""";

    /**
     * A lease this instance took: its epoch, when it was last renewed (System.nanoTime), whether it
     * was lost, whether it was given up (job ended, parked or released: no more renewals).
     */
    private record Held(int epoch, long renewedAt, boolean lost, boolean givenUp) {
    }

    private final SqlStatements sql;
    private final String owner;
    private final Duration duration;
    private final boolean skipLocked;
    /** The jobs a worker of this instance runs, from claim to {@link #forget}; never claimed twice here. */
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    public JobLease(DataSource dataSource, String nodeId, String dataDir, int leaseSeconds) {
        this.sql = new SqlStatements(dataSource, "job store");
        this.owner = nodeId == null || nodeId.isBlank() ? defaultOwner(dataDir) : nodeId;
        this.duration = Duration.ofSeconds(leaseSeconds);
        this.skipLocked = sql.databaseProduct().startsWith("PostgreSQL");
    }

    /** This worker's name, as written in leases. */
    public String owner() {
        return owner;
    }

    /** Once at startup, when this node id is not live elsewhere: makes this worker's running jobs claimable now. */
    public void resumeOwnJobs() {
        int released = sql.update(EXPIRE_OWN, owner);
        if (released > 0) LOG.info("Resuming {} job(s) this worker was running when it stopped", released);
    }

    /**
     * Claims the next job, queued or running on an expired lease, highest priority first, then
     * oldest; none that a worker of this instance still runs. On PostgreSQL the candidate row is
     * locked with SKIP LOCKED, so instances claiming at once take different jobs; everywhere the
     * UPDATE holds only if the epoch is still the one read.
     */
    public Optional<String> claimNext() {
        List<String> running = List.copyOf(held.keySet());
        String notRunning = running.isEmpty() ? "" : " AND id NOT IN (" + String.join(", ", Collections.nCopies(running.size(), "?")) + ")";
        String next = NEXT.formatted(notRunning, skipLocked ? " FOR UPDATE SKIP LOCKED" : "");
        String[] claimed = new String[1];
        sql.inTransaction(tx -> {
            Optional<Candidate> candidate = tx.first(next, row -> new Candidate(row.getString(1), row.getInt(2)), running.toArray());
            if (candidate.isEmpty()) return;
            Candidate job = candidate.get();
            Timestamp now = Timestamp.from(Instant.now());
            if (tx.update(CLAIM, owner, job.epoch() + 1, duration.toSeconds(), now, now, job.id(), job.epoch()) == 1) {
                held.put(job.id(), new Held(job.epoch() + 1, System.nanoTime(), false, false));
                claimed[0] = job.id();
            }
        });
        return Optional.ofNullable(claimed[0]);
    }

    private record Candidate(String id, int epoch) {
    }

    /** The job's worker here has ended: the job may be claimed here again. */
    public void forget(String jobId) {
        held.remove(jobId);
    }

    /**
     * Runs the work in one transaction that first checks, and locks, this instance's lease of the
     * epoch it claimed (unexpired by the database's clock): else nothing is written and
     * {@link LeaseLostException} is thrown.
     */
    public void fenced(String jobId, SqlStatements.Work work) {
        sql.inTransaction(tx -> {
            fence(tx, jobId);
            work.run(tx);
        });
    }

    private void fence(Transaction tx, String jobId) throws SQLException {
        Held lease = held.get(jobId);
        if (lease == null || lease.lost()) throw new LeaseLostException(jobId);
        if (tx.update(FENCE, Timestamp.from(Instant.now()), jobId, owner, lease.epoch()) == 0) {
            lost(jobId);
            throw new LeaseLostException(jobId);
        }
    }

    /** Renews every lease this instance holds (the heartbeat); a lease found lost stops its job at its next write. */
    public void renewAll() {
        held.forEach((jobId, lease) -> {
            if (!lease.lost() && !lease.givenUp()) renew(jobId);
        });
    }

    /** The job's lease was given up under it (the job ended, was parked or released): no more renewals. */
    void givenUp(String jobId) {
        held.computeIfPresent(jobId, (id, h) -> new Held(h.epoch(), h.renewedAt(), h.lost(), true));
    }

    /** Extends the lease from the database's clock; false when it was lost (expired, or taken over). */
    public boolean renew(String jobId) {
        Held lease = held.get(jobId);
        if (lease == null || lease.lost()) return false;
        long started = System.nanoTime();
        if (sql.update(RENEW, duration.toSeconds(), jobId, owner, lease.epoch()) == 1) {
            held.computeIfPresent(jobId, (id, h) -> h.lost() ? h : new Held(h.epoch(), started, false, h.givenUp()));
            return true;
        }
        lost(jobId);
        return false;
    }

    /**
     * Right before a job's bulk update: renews the lease, or throws {@link LeaseLostException}; then
     * sets the {@link SendCheck} the Smartsheet client runs as each request leaves (after its
     * throttle and retries), which renews again once half a lease has passed since the last renewal
     * (a paused process resumes here) and refuses the request if that fails.
     */
    public void confirmWrite(Exchange exchange) {
        String jobId = exchange.getMessage().getHeader("JobId", String.class);
        if (!renew(jobId)) throw new LeaseLostException(jobId);
        exchange.setProperty(SendCheck.PROPERTY, new LeaseCheck(jobId));
    }

    /** After the bulk update: later requests of the exchange are not the job's write. */
    public void writeDone(Exchange exchange) {
        exchange.removeProperty(SendCheck.PROPERTY);
    }

    private final class LeaseCheck implements SendCheck {

        private final String jobId;

        private LeaseCheck(String jobId) {
            this.jobId = jobId;
        }

        @Override
        public void beforeSend() {
            Held lease = held.get(jobId);
            if (lease == null || lease.lost()) throw new LeaseLostException(jobId);
            if (System.nanoTime() - lease.renewedAt() > duration.toNanos() / 2 && !renew(jobId)) {
                throw new LeaseLostException(jobId);
            }
        }
    }

    private void lost(String jobId) {
        held.computeIfPresent(jobId, (id, h) -> new Held(h.epoch(), h.renewedAt(), true, h.givenUp()));
        LOG.warn("Job {}: lease lost (expired or taken over by another instance); this instance stops it without writing", jobId);
    }

    /**
     * Gives a job back on shutdown: still running, claimable by any worker now, and the claim does
     * not count as an attempt. False if not held.
     */
    public boolean release(String jobId) {
        Held lease = held.get(jobId);
        boolean released = lease != null && sql.update(RELEASE, Timestamp.from(Instant.now()), jobId, owner, lease.epoch()) == 1;
        if (released) givenUp(jobId);
        return released;
    }

    /**
     * Gives a job back while it waits on something outside (an open Azure batch): still running,
     * claimable again after {@code parkFor} or when woken sooner; the claim does not count as an attempt.
     */
    public boolean park(String jobId, Duration parkFor, String reason) {
        Held lease = held.get(jobId);
        boolean parked = lease != null && sql.update(PARK, parkFor.toSeconds(), StoredText.clip(reason), Timestamp.from(Instant.now()),
                jobId, owner, lease.epoch()) == 1;
        if (parked) givenUp(jobId);
        return parked;
    }

    /** A parked job becomes claimable now (a job some worker holds is left alone). */
    public void wake(String jobId) {
        sql.update(WAKE, jobId);
    }

    private static String defaultOwner(String dataDir) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        return host + ":" + Path.of(dataDir).toAbsolutePath().normalize();
    }
}
