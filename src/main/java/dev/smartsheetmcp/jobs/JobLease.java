package dev.smartsheetmcp.jobs;

import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who this worker is and how long its claim on a job lasts. A worker renews the lease at each
 * batch; if it dies, the lease runs out and any worker may resume the job. At startup the
 * worker frees its own old leases at once, since it is the only process that could hold them.
 * Owns the lease columns of {@code analysis_job}; the claim that takes a lease is
 * {@code sql/claim-job.sql}, with the headers {@link #stamp} sets.
 */
public final class JobLease {

    private static final Logger LOG = LoggerFactory.getLogger(JobLease.class);

    private static final String RENEW = """
            UPDATE analysis_job SET lease_expires_at = ?, updated_at = ? WHERE id = ? AND lease_owner = ? AND status = 'running'""";

    // a claim given back on shutdown is no failed attempt: rolling restarts must not use up jobs.max-attempts
    private static final String RELEASE = """
            UPDATE analysis_job SET lease_owner = NULL, lease_expires_at = ?, attempts = attempts - 1,
                reason = 'interrupted by a shutdown; resumes after its last committed batch', updated_at = ?
            WHERE id = ? AND lease_owner = ? AND status = 'running'""";

    // waiting on an Azure batch is no attempt either: the batch poller wakes the job when it ends
    private static final String PARK = """
            UPDATE analysis_job SET lease_owner = NULL, lease_expires_at = ?, attempts = attempts - 1, reason = ?, updated_at = ?
            WHERE id = ? AND lease_owner = ? AND status = 'running'""";

    private static final String WAKE = """
            UPDATE analysis_job SET lease_expires_at = ? WHERE id = ? AND lease_owner IS NULL AND status = 'running'""";

    private static final String EXPIRE_OWN = """
            UPDATE analysis_job SET lease_expires_at = ? WHERE status = 'running' AND lease_owner = ?""";

    private final SqlStatements sql;
    private final String owner;
    private final Duration duration;
    private final Clock clock = Clock.systemUTC();

    public JobLease(DataSource dataSource, String nodeId, String dataDir, int leaseSeconds) {
        this.sql = new SqlStatements(dataSource, "job store");
        this.owner = nodeId == null || nodeId.isBlank() ? defaultOwner(dataDir) : nodeId;
        this.duration = Duration.ofSeconds(leaseSeconds);
    }

    /** This worker's name, as written in leases. */
    public String owner() {
        return owner;
    }

    /** Called once at startup: makes this worker's running jobs claimable now. */
    public void resumeOwnJobs() {
        int released = sql.update(EXPIRE_OWN, now(), owner);
        if (released > 0) LOG.info("Resuming {} job(s) this worker was running when it stopped", released);
    }

    /** Sets the headers the claim SQL reads: Now, LeaseUntil and Owner. */
    public void stamp(Exchange exchange) {
        Instant now = clock.instant();
        exchange.getMessage().setHeader("Now", Timestamp.from(now));
        exchange.getMessage().setHeader("LeaseUntil", Timestamp.from(now.plus(duration)));
        exchange.getMessage().setHeader("Owner", owner);
    }

    /**
     * Gives a job back on shutdown: still running, claimable by any worker now, and the claim does
     * not count as an attempt. False if not held.
     */
    public boolean release(String jobId) {
        Timestamp now = now();
        return sql.update(RELEASE, now, now, jobId, owner) == 1;
    }

    /**
     * Gives a job back while it waits on something outside (an open Azure batch): still running,
     * claimable again at {@code until} or when woken sooner; the claim does not count as an attempt.
     */
    public boolean park(String jobId, Instant until, String reason) {
        return sql.update(PARK, Timestamp.from(until), reason, now(), jobId, owner) == 1;
    }

    /** A parked job becomes claimable now (a job some worker holds is left alone). */
    public void wake(String jobId) {
        sql.update(WAKE, now(), jobId);
    }

    /** False when the lease was lost (another worker took the job over): stop working on it. */
    public boolean renew(String jobId) {
        Instant now = clock.instant();
        return sql.update(RENEW, Timestamp.from(now.plus(duration)), Timestamp.from(now), jobId, owner) == 1;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
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
