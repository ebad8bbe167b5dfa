package dev.smartsheetmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.SandboxApplication;
import dev.smartsheetmcp.testing.ToolCalls;
import dev.smartsheetmcp.testing.ToolSamples;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** tools.read-only: only the tools annotated readOnlyHint are listed, and a tool that writes is refused. */
@SandboxApplication("tools.read-only=true")
class ReadOnlyModeTest {

    private static SandboxApp app;
    private static McpSyncClient client;

    @Test
    void listsOnlyTheToolsThatRead() {
        List<McpSchema.Tool> tools = client.listTools().tools();

        assertThat(tools).isNotEmpty().allSatisfy(tool -> assertThat(tool.annotations().readOnlyHint()).isTrue());
        assertThat(tools).extracting(McpSchema.Tool::name).contains("get_sheet", "list_workspaces")
                .doesNotContain("smartsheet_write", "smartsheet_delete", "start_batch_analysis", "create_schedule");
    }

    @Test
    void refusesAToolThatWritesAndChangesNothing() {
        ToolSamples samples = new ToolSamples(app, client);
        long sheet = samples.sheet();
        List<Long> rows = app.sandbox().smartsheet().rowIds(sheet);

        String error = ToolCalls.error(client, "smartsheet_delete", Map.of("sheet_id", Long.toString(sheet),
                "row_ids", List.of(rows.get(0).toString())));

        assertThat(error).contains("read-only").contains("TOOLS_READ_ONLY");
        assertThat(app.sandbox().smartsheet().rowIds(sheet)).isEqualTo(rows);
        assertThat(ToolCalls.ok(client, "get_sheet", Map.of("sheet_id", Long.toString(sheet))).path("returned").asInt()).isEqualTo(2);
    }
}
