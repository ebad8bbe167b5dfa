package dev.smartsheetmcp.sheets.rows;

import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.SandboxApp;
import io.modelcontextprotocol.client.McpSyncClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One sandbox application and MCP session per row-tool test class. */
abstract class RowsToolTest {

    static SandboxApp app;
    static McpSyncClient client;
    static RowsFixture fixture;
    static SmartsheetEmulator emulator;

    @BeforeAll
    static void start() throws Exception {
        app = SandboxApp.start();
        client = app.mcpClient();
        fixture = new RowsFixture(app, client);
        emulator = fixture.emulator();
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        app.close();
    }
}
