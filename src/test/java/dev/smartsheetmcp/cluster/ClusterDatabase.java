package dev.smartsheetmcp.cluster;

import dev.smartsheetmcp.testing.RequiredPrograms;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A fresh PostgreSQL database on the server {@code TEST_POSTGRES_URL} names, for one test class's
 * instances, and the job store columns the cluster tests look at.
 */
public final class ClusterDatabase {

    public static final String USER = "postgres";

    /** What the job store says of a job. */
    public record JobRow(String status, String leaseOwner, int batchesDone, int batchCount, int writtenRows,
                         int attempts) {}

    private final String url;

    private ClusterDatabase(String url) {
        this.url = url;
    }

    /** Skips (or, with CI=true, fails) the calling test without a server; else a new empty database. */
    public static ClusterDatabase create(String prefix) throws SQLException {
        String server = System.getenv("TEST_POSTGRES_URL");
        RequiredPrograms.require(server != null && !server.isBlank(),
                "A PostgreSQL server (TEST_POSTGRES_URL, for the cluster tests)",
                "apt-get install postgresql, start it and set TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:PORT/postgres;"
                        + " .ci/run does");
        return createOn(server, prefix);
    }

    /** A new database on the server {@code serverUrl} names (any database of it). */
    public static ClusterDatabase createOn(String serverUrl, String prefix) throws SQLException {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(serverUrl, USER, "")) {
            admin.createStatement().execute("CREATE DATABASE " + name);
        }
        return new ClusterDatabase(serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + name);
    }

    public String url() {
        return url;
    }

    public JobRow job(String jobId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, USER, "");
             PreparedStatement query = connection.prepareStatement("SELECT status, lease_owner, batches_done, batch_count,"
                     + " written_rows, attempts FROM analysis_job WHERE id = ?")) {
            query.setString(1, jobId);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) throw new AssertionError("no job " + jobId + " in the job store");
                return new JobRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6));
            }
        }
    }
}
