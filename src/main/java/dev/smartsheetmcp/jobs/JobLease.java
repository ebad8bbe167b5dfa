package dev.smartsheetmcp.jobs;

import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who this worker is and how long its claim on a job lasts. A worker renews the lease at each
 * batch; if it dies, the lease runs out and any worker may resume the job. At startup the
 * worker frees its own old leases at once, since it is the only process that could hold them.
 */
public final class JobLease {

    private static final Logger LOG = LoggerFactory.getLogger(JobLease.class);

    private final JobStore store;
    private final String owner;
    private final Duration duration;
    private final Clock clock = Clock.systemUTC();

    public JobLease(JobStore store, String nodeId, String dataDir, int leaseSeconds) {
        this.store = store;
        this.owner = nodeId == null || nodeId.isBlank() ? defaultOwner(dataDir) : nodeId;
        this.duration = Duration.ofSeconds(leaseSeconds);
    }

    /** This worker's name, as written in leases. */
    public String owner() {
        return owner;
    }

    /** Called once at startup. */
    public void resumeOwnJobs() {
        int released = store.releaseLeasesOf(owner);
        if (released > 0) LOG.info("Resuming {} job(s) this worker was running when it stopped", released);
    }

    /** Sets the headers the claim SQL reads: Now, LeaseUntil and Owner. */
    public void stamp(Exchange exchange) {
        Instant now = clock.instant();
        exchange.getMessage().setHeader("Now", Timestamp.from(now));
        exchange.getMessage().setHeader("LeaseUntil", Timestamp.from(now.plus(duration)));
        exchange.getMessage().setHeader("Owner", owner);
    }

    /** Gives a job back on shutdown: still running, claimable by any worker now. False if not held. */
    public boolean release(String jobId) {
        return store.releaseLease(jobId, owner, Timestamp.from(clock.instant()));
    }

    /** False when the lease was lost (another worker took the job over): stop working on it. */
    public boolean renew(String jobId) {
        return store.renewLease(jobId, owner, Timestamp.from(clock.instant().plus(duration)));
    }

    private static String defaultOwner(String dataDir) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        return host + ":" + java.nio.file.Path.of(dataDir).toAbsolutePath().normalize();
    }
}
