package dev.smartsheetmcp.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.smartsheetmcp.testing.SandboxApp;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application stopped cleanly frees its node id in the job store, so that its restart under the
 * same NODE_ID (a desktop client relaunching the stdio server) starts at once instead of waiting for
 * the old heartbeat to go stale, as it must after a kill.
 */
class NodeIdReleaseTest {

    @TempDir
    Path dataDir;

    @Test
    void aCleanStopFreesTheNodeIdForTheRestart() throws Exception {
        try (SandboxApp app = SandboxApp.start(Map.of("data.dir", dataDir.toString(), "jobs.node-id", "desktop"))) {
            DataSource store = app.context().getRegistry().lookupByNameAndType("jobsDataSource", DataSource.class);
            assertThat(nodeIds(store)).containsExactly("desktop");
        }

        try (HikariDataSource store = JobDatabase.open("jdbc:hsqldb:file:" + dataDir + "/jobstore/jobs;shutdown=true", "SA", "", 1)) {
            assertThat(nodeIds(store)).as("node ids held after the stop").isEmpty();
        }
    }

    private static List<String> nodeIds(DataSource store) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = store.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT node_id FROM job_node")) {
            while (rows.next()) ids.add(rows.getString(1));
        }
        return ids;
    }
}
