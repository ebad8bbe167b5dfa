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

/** list_workspaces, get_workspace and list_workspace_sheets against the Smartsheet emulator. */
@SandboxApplication
class WorkspaceReadToolsTest {

    private static final long TWO_TO_THE_53 = 1L << 53;

    private static SandboxApp app;
    private static McpSyncClient client;
    private static SmartsheetEmulator smartsheet;
    private static long demoWorkspaceId;
    private static long demoSheetId;

    @BeforeAll
    static void setUp() throws Exception {
        smartsheet = app.sandbox().smartsheet();
        demoWorkspaceId = app.sandbox().demo().workspaceId();
        demoSheetId = app.sandbox().demo().sheetId();
    }

    @Test
    void listsTheSeededDemoWorkspaceWithItsIdAsA64BitString() {
        JsonNode answer = ToolCalls.ok(client, "list_workspaces", Map.of());

        assertThat(demoWorkspaceId).isGreaterThan(TWO_TO_THE_53);
        JsonNode demo = workspaceById(answer, demoWorkspaceId);
        assertThat(demo.path("id").isTextual()).isTrue();
        assertThat(demo.path("name").asText()).isNotBlank();
        assertThat(demo.path("permalink").asText()).startsWith("https://");
        assertThat(demo.path("access_level").asText()).isEqualTo("OWNER");
        assertThat(answer.path("total_count").asInt()).isEqualTo(answer.path("workspaces").size());
    }

    @Test
    void listsEveryWorkspaceWhenThereAreMoreThanOneHundredInOneRequest() {
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 130; i++) created.add(smartsheet.createWorkspace("Bulk workspace " + i));
        smartsheet.resetCounters();

        JsonNode answer = ToolCalls.ok(client, "list_workspaces", Map.of());

        List<String> listed = new ArrayList<>();
        answer.path("workspaces").forEach(workspace -> listed.add(workspace.path("id").asText()));
        assertThat(listed).hasSizeGreaterThan(130)
                .containsAll(created.stream().map(id -> Long.toString(id)).toList())
                .doesNotHaveDuplicates();
        assertThat(answer.path("total_count").asInt()).isEqualTo(listed.size());
        assertThat(smartsheet.requestCount("GET /workspaces")).isEqualTo(1);
    }

    @Test
    void getsTheDemoWorkspaceWithItsSheetAndIdsAsStrings() {
        JsonNode workspace = ToolCalls.ok(client, "get_workspace", Map.of("workspace_id", Long.toString(demoWorkspaceId)));

        assertThat(workspace.path("id").isTextual()).isTrue();
        assertThat(workspace.path("id").asText()).isEqualTo(Long.toString(demoWorkspaceId));
        assertThat(workspace.path("name").asText()).isNotBlank();
        assertThat(workspace.path("permalink").asText()).startsWith("https://");
        assertThat(workspace.path("access_level").asText()).isEqualTo("OWNER");
        assertThat(demoSheetId).isGreaterThan(TWO_TO_THE_53);
        JsonNode sheet = workspace.path("sheets").get(0);
        assertThat(sheet.path("id").isTextual()).isTrue();
        assertThat(sheet.path("id").asText()).isEqualTo(Long.toString(demoSheetId));
        assertThat(sheet.path("name").asText()).isNotBlank();
        assertThat(sheet.path("permalink").asText()).startsWith("https://");
        assertThat(workspace.path("folders").isArray()).isTrue();
        assertThat(workspace.path("reports").isArray()).isTrue();
        assertThat(workspace.path("sights").isArray()).isTrue();
    }

    @Test
    void listsTheSheetsOfAWorkspaceInOrderWithTheirTimestamps() {
        long workspaceId = smartsheet.createWorkspace("Two sheets");
        long first = smartsheet.createSheet(workspaceId, "First", List.of(ColumnSpec.primary("Name")), List.of());
        long second = smartsheet.createSheet(workspaceId, "Second", List.of(ColumnSpec.primary("Name")), List.of());

        JsonNode answer = ToolCalls.ok(client, "list_workspace_sheets", Map.of("workspace_id", Long.toString(workspaceId)));

        assertThat(answer.path("workspace_id").asText()).isEqualTo(Long.toString(workspaceId));
        assertThat(answer.path("workspace_name").asText()).isEqualTo("Two sheets");
        assertThat(answer.path("total_count").asInt()).isEqualTo(2);
        assertThat(answer.path("sheets").findValuesAsText("id")).containsExactly(Long.toString(first), Long.toString(second));
        assertThat(answer.path("sheets").findValuesAsText("name")).containsExactly("First", "Second");
        JsonNode sheet = answer.path("sheets").get(0);
        assertThat(sheet.path("id").isTextual()).isTrue();
        assertThat(sheet.path("permalink").asText()).startsWith("https://");
        assertThat(sheet.path("created_at").asText()).isNotBlank();
        assertThat(sheet.path("modified_at").asText()).isNotBlank();
    }

    @Test
    void listsNoSheetsForAnEmptyWorkspace() {
        long workspaceId = smartsheet.createWorkspace("Empty");

        JsonNode answer = ToolCalls.ok(client, "list_workspace_sheets", Map.of("workspace_id", Long.toString(workspaceId)));

        assertThat(answer.path("sheets")).isEmpty();
        assertThat(answer.path("total_count").asInt()).isZero();
    }

    @Test
    void unknownWorkspaceIsAToolErrorWithSmartsheetsCodeAndRefId() {
        for (String tool : List.of("get_workspace", "list_workspace_sheets")) {
            String error = ToolCalls.error(client, tool, Map.of("workspace_id", "9999999999999999"));
            assertThat(error).as(tool).contains("Smartsheet error 1006").contains("refId");
        }
    }

    @Test
    void workspaceIdThatIsNotANumberIsRefusedNamingTheFieldWithoutAskingSmartsheet() {
        smartsheet.resetCounters();
        for (String tool : List.of("get_workspace", "list_workspace_sheets")) {
            assertThat(ToolCalls.error(client, tool, Map.of("workspace_id", "abc"))).as(tool).contains("workspace_id");
            assertThat(ToolCalls.error(client, tool, Map.of("workspace_id", "1.5e17"))).as(tool).contains("workspace_id");
            assertThat(ToolCalls.error(client, tool, Map.of())).as(tool).contains("workspace_id");
        }
        assertThat(smartsheet.requestCount("GET /workspaces/{workspaceId}")).isZero();
    }

    private static JsonNode workspaceById(JsonNode answer, long id) {
        for (JsonNode workspace : answer.path("workspaces")) {
            if (workspace.path("id").asText().equals(Long.toString(id))) return workspace;
        }
        throw new AssertionError("workspace " + id + " not listed in " + answer);
    }
}
