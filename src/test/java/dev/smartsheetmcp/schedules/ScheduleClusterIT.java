package dev.smartsheetmcp.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.smartsheetmcp.sandbox.FaultInjector;
import dev.smartsheetmcp.sandbox.azure.AzureOpenAiEmulator;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.AppProcess;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hsqldb.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two application processes on one database (an HSQLDB server started here): a schedule created
 * through one fires once per cron time, never on both; when that instance dies the other goes on
 * firing it, and a change made through the survivor stops it.
 */
class ScheduleClusterIT {

    @TempDir
    Path work;

    private Server database;
    private String jdbcUrl;
    private SmartsheetEmulator smartsheet;
    private AzureOpenAiEmulator azure;

    @BeforeEach
    void start() throws Exception {
        int port = AppProcess.freePort();
        database = new Server();
        database.setAddress("127.0.0.1");
        database.setPort(port);
        database.setDatabaseName(0, "jobs");
        database.setDatabasePath(0, "file:" + work.resolve("db/jobs") + ";hsqldb.tx=mvcc;hsqldb.default_table_type=cached");
        database.setSilent(true);
        database.setLogWriter(null);
        database.setErrWriter(null);
        database.start();
        jdbcUrl = "jdbc:hsqldb:hsql://127.0.0.1:" + port + "/jobs";
        smartsheet = new SmartsheetEmulator(new FaultInjector(5), 100_000);
        smartsheet.addToken("cluster-token");
        smartsheet.start(0, 16);
        azure = new AzureOpenAiEmulator(new FaultInjector(6), "cluster-key");
        azure.addDeployment("gpt-4o", 1_000_000, 1_000_000_000);
        azure.start(0, 16);
    }

    @AfterEach
    void stop() {
        smartsheet.close();
        azure.close();
        database.shutdown();
    }

    @Test
    void twoInstancesFireEachCronTimeOnceAndTheSurvivorTakesOver() throws Exception {
        long sheetId = AnalysisSheets.create(smartsheet, "Cluster", 2);
        Map<String, Object> schedule = new HashMap<>(Map.of("name", "cluster", "cron", "*/2 * * * * ?",
                "sheet_id", Long.toString(sheetId), "type", "summarize", "sourceColumns", List.of("Feedback"),
                "targetColumn", "Summary"));
        try (AppProcess a = AppProcess.start(work.resolve("a"), environment("node-a"), List.of())) {
            a.awaitHealthy(Duration.ofSeconds(90));
            // one at a time: the first start creates the schema
            try (AppProcess b = AppProcess.start(work.resolve("b"), environment("node-b"), List.of())) {
                b.awaitHealthy(Duration.ofSeconds(90));
                try (McpSyncClient clientA = a.mcpClient()) {
                    ToolCalls.ok(clientA, "create_schedule", schedule);
                }
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> firings("") >= 4);
                a.kill();
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                        .until(() -> firings(" AND node = 'node-b'") >= 3);
                try (McpSyncClient clientB = b.mcpClient()) {
                    schedule.put("enabled", false);
                    schedule.put("replace", true);
                    ToolCalls.ok(clientB, "create_schedule", schedule);
                }
                int afterDisable = firings("");
                Thread.sleep(4000);
                assertThat(firings("")).as("disabled: no more firings").isLessThanOrEqualTo(afterDisable + 1);
            }
        }

        assertThat(count("SELECT COUNT(*) FROM (SELECT scheduled_for FROM schedule_firing WHERE schedule_name = 'cluster'"
                + " GROUP BY scheduled_for HAVING COUNT(*) > 1) AS doubles")).as("cron times fired twice").isZero();
        assertThat(count("SELECT COUNT(*) FROM analysis_job WHERE schedule_name = 'cluster'"))
                .isEqualTo(firings(" AND outcome = 'enqueued'"));
        assertThat(firings(" AND outcome = 'failed'")).isZero();
        System.out.println("Firings per instance: " + firingsPerNode());
    }

    private int firings(String condition) throws SQLException {
        return count("SELECT COUNT(*) FROM schedule_firing WHERE schedule_name = 'cluster'" + condition);
    }

    private Map<String, String> environment(String node) {
        Map<String, String> env = new HashMap<>();
        env.put("MCP_TRANSPORT", "http");
        env.put("SMARTSHEET_BASE_URL", smartsheet.baseUrl());
        env.put("SMARTSHEET_API_KEY", "cluster-token");
        env.put("AZURE_OPENAI_API_BASE", azure.endpoint());
        env.put("AZURE_OPENAI_API_KEY", "cluster-key");
        env.put("AZURE_OPENAI_DEPLOYMENT", "gpt-4o");
        env.put("AZURE_OPENAI_RPM", "1000000");
        env.put("AZURE_OPENAI_TPM", "1000000000");
        env.put("JOBS_JDBC_URL", jdbcUrl);
        env.put("JOBS_POLL_INTERVAL_MS", "200");
        env.put("NODE_ID", node);
        env.put("SCHEDULES_CLUSTER_CHECKIN_MS", "5000");
        return env;
    }

    private int count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "SA", "");
             Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private Map<String, Integer> firingsPerNode() throws SQLException {
        Map<String, Integer> perNode = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "SA", "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT node, COUNT(*) FROM schedule_firing GROUP BY node ORDER BY node")) {
            while (rs.next()) perNode.put(rs.getString(1), rs.getInt(2));
        }
        return perNode;
    }

}
