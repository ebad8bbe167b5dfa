package dev.smartsheetmcp.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.smartsheetmcp.testing.AppProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stdio server ended as desktop clients end it: stdin closed, then SIGTERM a moment later. The
 * signal lands while the server is stopping (a slow tool call in flight holds the graceful stop);
 * the process must finish that stop, which frees its node id, before it exits, so that the next
 * launch on the same data directory does not wait for a stale heartbeat. About 9 s, 2.5 of them the stop.
 */
class StdioStopIT {

    private static final String CALL_IN_FLIGHT_AT_STOP = "inflight and pending exchanges to complete";

    @TempDir
    Path work;

    @Test
    void sigtermWhileStoppingAfterStdinEndedFinishesTheStopAndFreesTheNodeId() throws Exception {
        Map<String, String> env = Map.of("NODE_ID", "desktop", "SANDBOX_SMARTSHEET_LATENCY_MS", "4000");
        String log;
        try (AppProcess app = AppProcess.start(work, env, List.of("--sandbox"))) {
            OutputStream stdin = app.process().getOutputStream();
            send(stdin, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"desktop\",\"version\":\"1\"}}}");
            send(stdin, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            awaitStderr(app, "MCP server ready over stdio");
            send(stdin, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"list_workspaces\",\"arguments\":{}}}");
            // the call reaches its route (a loaded machine may take a while); its Smartsheet answer takes 4 s
            Thread.sleep(1500);
            stdin.close();
            awaitStderr(app, CALL_IN_FLIGHT_AT_STOP);

            long signalled = System.nanoTime();
            app.process().destroy();
            app.awaitExit(Duration.ofSeconds(30));
            System.out.printf("exit %d ms after SIGTERM%n", (System.nanoTime() - signalled) / 1_000_000);
            log = app.stderr();
        }
        assertThat(nodeIds()).as("node ids held after the stop").isEmpty();
        assertThat(log).as("the stop finished").contains("(smartsheet-mcp-pipeline) shutdown in");
    }

    private static void send(OutputStream stdin, String message) throws IOException {
        stdin.write((message + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    private static void awaitStderr(AppProcess app, String line) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .failFast("the application exited before: " + line, () -> !app.process().isAlive())
                .until(() -> app.stderr().contains(line));
    }

    /** The job store as the stopped process left it (the process is gone, so the files are free). */
    private List<String> nodeIds() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(
                "jdbc:hsqldb:file:" + work.resolve("data/jobstore/jobs") + ";shutdown=true", "SA", "");
             ResultSet rows = connection.createStatement().executeQuery("SELECT node_id FROM job_node")) {
            while (rows.next()) ids.add(rows.getString(1));
        }
        return ids;
    }
}
