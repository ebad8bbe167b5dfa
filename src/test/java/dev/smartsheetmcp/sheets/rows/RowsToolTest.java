package dev.smartsheetmcp.sheets.rows;

import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.SandboxApplication;
import io.modelcontextprotocol.client.McpSyncClient;
import org.junit.jupiter.api.BeforeAll;

/** One sandbox application and MCP session per row-tool test class. */
@SandboxApplication
abstract class RowsToolTest {

    static SandboxApp app;
    static McpSyncClient client;
    static RowsFixture fixture;
    static SmartsheetEmulator emulator;

    @BeforeAll
    static void setUp() throws Exception {
        fixture = new RowsFixture(app, client);
        emulator = fixture.emulator();
    }
}
