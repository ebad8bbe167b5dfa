package dev.smartsheetmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One MCP session cannot run more tool calls at once than the cap; other sessions are not affected. */
class SessionCallLimitTest {

    private static final int CAP = 2;

    @Test
    void callsOverTheCapAreRefusedInThatSessionOnly() throws Exception {
        try (SandboxApp app = SandboxApp.start(Map.of("mcp.max-concurrent-calls-per-session", Integer.toString(CAP),
                "sandbox.smartsheet.latency-ms", "1500"));
             McpSyncClient busy = app.mcpClient();
             McpSyncClient other = app.mcpClient()) {
            Map<String, Object> sheet = Map.of("sheet_id", Long.toString(app.sandbox().demo().sheetId()));

            List<CompletableFuture<McpSchema.CallToolResult>> busyCalls = IntStream.range(0, CAP + 2)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> ToolCalls.call(busy, "get_sheet_info", sheet)))
                    .toList();
            CompletableFuture<McpSchema.CallToolResult> otherCall =
                    CompletableFuture.supplyAsync(() -> ToolCalls.call(other, "get_sheet_info", sheet));

            List<McpSchema.CallToolResult> results = busyCalls.stream().map(CompletableFuture::join).toList();
            List<String> refusals = results.stream().filter(r -> Boolean.TRUE.equals(r.isError())).map(ToolCalls::text).toList();
            assertThat(refusals).hasSize(2).allSatisfy(text -> assertThat(text)
                    .startsWith("Too many tool calls in progress in this session (at most 2 at once")
                    .contains("retry get_sheet_info"));
            assertThat(otherCall.join().isError()).isFalse();
            assertThat(ToolCalls.ok(busy, "get_sheet_info", sheet).has("column_map")).isTrue();
        }
    }
}
