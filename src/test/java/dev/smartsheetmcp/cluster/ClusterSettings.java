package dev.smartsheetmcp.cluster;

/**
 * Every environment variable the cluster harness sets on an instance, in one place, with the
 * values the tests use. deploy/docker-compose.yml sets the same ones.
 */
public final class ClusterSettings {

    // Settings that exist today (application.properties).
    public static final String JDBC_URL = "JOBS_JDBC_URL";
    public static final String JDBC_USER = "JOBS_JDBC_USER";
    public static final String JDBC_PASSWORD = "JOBS_JDBC_PASSWORD";
    public static final String NODE_ID = "NODE_ID";
    public static final String LEASE_SECONDS = "JOBS_LEASE_SECONDS";
    public static final String POLL_INTERVAL_MS = "JOBS_POLL_INTERVAL_MS";
    public static final String AUTH_TOKEN = "MCP_AUTH_TOKEN";
    public static final String CLUSTER_NAME = "SCHEDULES_CLUSTER_NAME";
    public static final String CLUSTER_CHECKIN_MS = "SCHEDULES_CLUSTER_CHECKIN_MS";
    public static final String ANALYSIS_PARALLELISM = "ANALYSIS_PARALLELISM";
    public static final String AZURE_RPM = "AZURE_OPENAI_RPM";
    public static final String AZURE_TPM = "AZURE_OPENAI_TPM";
    public static final String SMARTSHEET_RPM = "SMARTSHEET_RPM";

    /** Seconds between lease renewals of a running job (jobs.heartbeat-seconds). */
    public static final String HEARTBEAT_SECONDS = "JOBS_HEARTBEAT_SECONDS";
    /** Jobs one instance runs at once (jobs.concurrency); the tests want one, so three jobs spread over three instances. */
    public static final String JOBS_PER_INSTANCE = "JOBS_CONCURRENCY";

    /** A lease short enough that a paused or killed instance's job moves within seconds. */
    public static final int LEASE = 4;
    public static final int HEARTBEAT = 1;
    public static final int POLL_MS = 200;

    private ClusterSettings() {
    }
}
