package dev.smartsheetmcp.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.smartsheet.ColumnSpec;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.SandboxApplication;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** list_workspaces, get_workspace and list_workspace_sheets answer within max_chars and continue with a cursor. */
@SandboxApplication
class WorkspaceListingBudgetTest {

    private static SandboxApp app;
    private static McpSyncClient client;
    private static SmartsheetEmulator smartsheet;
    private static String workspaceId;
    private static List<String> sheetIds = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        smartsheet = app.sandbox().smartsheet();
        for (int i = 0; i < 60; i++) smartsheet.createWorkspace("Paged workspace " + i);
        long workspace = smartsheet.createWorkspace("Many sheets");
        workspaceId = Long.toString(workspace);
        for (int i = 0; i < 40; i++) {
            sheetIds.add(Long.toString(smartsheet.createSheet(workspace, "Sheet " + i, List.of(ColumnSpec.primary("Name")), List.of())));
        }
    }

    @Test
    void listWorkspacesPagesWithinTheBudgetWithoutDuplicateOrGap() {
        JsonNode whole = ToolCalls.ok(client, "list_workspaces", Map.of());
        assertThat(whole.has("cursor")).as("62 workspaces fit the default budget").isFalse();

        List<JsonNode> pages = ToolCalls.pages(client, "list_workspaces", Map.of(), 1500);

        assertThat(pages).hasSizeGreaterThan(4);
        assertThat(ids(pages, "workspaces")).isEqualTo(ids(List.of(whole), "workspaces"));
        pages.forEach(page -> assertThat(page.path("total_count").asInt()).isEqualTo(whole.path("total_count").asInt()));
    }

    @Test
    void listWorkspaceSheetsPagesWithinTheBudgetWithoutDuplicateOrGap() {
        List<JsonNode> pages = ToolCalls.pages(client, "list_workspace_sheets", Map.of("workspace_id", workspaceId), 1500);

        assertThat(pages).hasSizeGreaterThan(4);
        assertThat(ids(pages, "sheets")).isEqualTo(sheetIds);
        pages.forEach(page -> {
            assertThat(page.path("workspace_id").asText()).isEqualTo(workspaceId);
            assertThat(page.path("total_count").asInt()).isEqualTo(40);
        });
    }

    @Test
    void getWorkspacePagesItsContentsWithinTheBudgetWithoutDuplicateOrGap() {
        List<JsonNode> pages = ToolCalls.pages(client, "get_workspace", Map.of("workspace_id", workspaceId), 1200);

        assertThat(pages).hasSizeGreaterThan(4);
        assertThat(ids(pages, "sheets")).isEqualTo(sheetIds);
        pages.forEach(page -> {
            assertThat(page.path("name").asText()).isEqualTo("Many sheets");
            assertThat(page.path("folders").isArray()).isTrue();
            assertThat(page.path("total_count").asInt()).isEqualTo(40);
        });
    }

    @Test
    void aGarbledForeignOrOtherArgumentsCursorIsAnErrorNamingCursor() {
        String sheetsCursor = ToolCalls.ok(client, "list_workspace_sheets",
                Map.of("workspace_id", workspaceId, "max_chars", 1000)).path("cursor").asText();
        String demo = Long.toString(app.sandbox().demo().workspaceId());

        assertThat(ToolCalls.error(client, "list_workspaces", Map.of("cursor", "bm90IGEgY3Vyc29y")))
                .isEqualTo("Invalid argument 'cursor': is not a cursor this server answered; pass it back unchanged");
        assertThat(ToolCalls.error(client, "get_workspace", Map.of("workspace_id", workspaceId, "cursor", sheetsCursor)))
                .startsWith("Invalid argument 'cursor': comes from another tool ('list_workspace_sheets')");
        assertThat(ToolCalls.error(client, "list_workspace_sheets", Map.of("workspace_id", demo, "cursor", sheetsCursor)))
                .startsWith("Invalid argument 'cursor': was answered for other arguments");
        assertThat(ToolCalls.error(client, "list_workspaces", Map.of("max_chars", 10))).contains("max_chars");
    }

    private static List<String> ids(List<JsonNode> pages, String field) {
        List<String> ids = new ArrayList<>();
        pages.forEach(page -> page.path(field).forEach(item -> ids.add(item.path("id").asText())));
        return ids;
    }
}
