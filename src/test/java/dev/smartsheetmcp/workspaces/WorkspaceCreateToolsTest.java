package dev.smartsheetmcp.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.SandboxApplication;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** create_workspace and create_sheet_in_workspace against the Smartsheet emulator. */
@SandboxApplication
class WorkspaceCreateToolsTest {

    private static final long TWO_TO_THE_53 = 1L << 53;
    private static final String CREATE_WORKSPACE = "POST /workspaces";
    private static final String CREATE_SHEET = "POST /workspaces/{workspaceId}/sheets";

    private static SandboxApp app;
    private static McpSyncClient client;
    private static SmartsheetEmulator smartsheet;
    private static String workspaceId;

    @BeforeAll
    static void setUp() throws Exception {
        smartsheet = app.sandbox().smartsheet();
        workspaceId = Long.toString(smartsheet.createWorkspace("Sheets created by tests"));
    }

    @BeforeEach
    void zeroCounters() {
        smartsheet.resetCounters();
    }

    // ------------------------------------------------------------------ create_workspace

    @Test
    void createsAWorkspaceThatListWorkspacesThenShows() {
        JsonNode created = ToolCalls.ok(client, "create_workspace", Map.of("name", "Q3 Planning"));

        assertThat(created.path("success").asBoolean()).isTrue();
        assertThat(created.path("message").asText()).isEqualTo("Successfully created workspace");
        assertThat(created.path("name").asText()).isEqualTo("Q3 Planning");
        assertThat(created.path("workspace_id").isTextual()).isTrue();
        assertThat(Long.parseLong(created.path("workspace_id").asText())).isGreaterThan(TWO_TO_THE_53);
        assertThat(workspaceIds()).contains(created.path("workspace_id").asText());
        JsonNode fetched = ToolCalls.ok(client, "get_workspace", Map.of("workspace_id", created.path("workspace_id").asText()));
        assertThat(fetched.path("name").asText()).isEqualTo("Q3 Planning");
    }

    @Test
    void createsAWorkspaceWhoseNameHasQuotesAndApostrophes() {
        String name = "Ops' \"Board\" $(whoami) & co";
        JsonNode created = ToolCalls.ok(client, "create_workspace", Map.of("name", name));
        assertThat(created.path("name").asText()).isEqualTo(name);
    }

    @Test
    void blankWorkspaceNameIsRefusedNamingTheFieldAndCreatesNothing() {
        int before = workspaceIds().size();
        for (String blank : List.of("", "   ")) {
            assertThat(ToolCalls.error(client, "create_workspace", Map.of("name", blank))).contains("name");
        }
        assertThat(ToolCalls.error(client, "create_workspace", Map.of())).contains("name");
        assertThat(smartsheet.requestCount(CREATE_WORKSPACE)).isZero();
        assertThat(workspaceIds()).hasSize(before);
    }

    // ------------------------------------------------------------------ create_sheet_in_workspace

    @Test
    void createsASheetWhoseFirstColumnIsPrimaryAndAnswersEveryColumnId() {
        List<Map<String, Object>> columns = List.of(
                column("Task", "TEXT_NUMBER"),
                column("Due", "DATE"),
                column("Done", "CHECKBOX"),
                column("Status", "PICKLIST", "Open", "Closed"),
                column("Tags", "MULTI_PICKLIST", "red", "blue"),
                column("Owner", "CONTACT_LIST"));

        JsonNode created = ToolCalls.ok(client, "create_sheet_in_workspace",
                Map.of("workspace_id", workspaceId, "name", "Tracker", "columns", columns));

        assertThat(created.path("success").asBoolean()).isTrue();
        assertThat(created.path("message").asText()).isEqualTo("Successfully created sheet in workspace");
        assertThat(created.path("name").asText()).isEqualTo("Tracker");
        assertThat(created.path("workspace_id").asText()).isEqualTo(workspaceId);
        String sheetId = created.path("sheet_id").asText();
        assertThat(created.path("sheet_id").isTextual()).isTrue();
        assertThat(Long.parseLong(sheetId)).isGreaterThan(TWO_TO_THE_53);
        assertThat(smartsheet.rowIds(Long.parseLong(sheetId))).isEmpty();
        assertThat(created.path("columns").findValuesAsText("title")).containsExactly("Task", "Due", "Done", "Status", "Tags", "Owner");
        assertThat(created.path("columns").findValuesAsText("type"))
                .containsExactly("TEXT_NUMBER", "DATE", "CHECKBOX", "PICKLIST", "MULTI_PICKLIST", "CONTACT_LIST");
        created.path("columns").forEach(column -> assertThat(column.path("id").isTextual()).isTrue());

        JsonNode map = ToolCalls.ok(client, "get_column_map", Map.of("sheet_id", sheetId));
        assertThat(map.path("column_info").path("Task").path("primary").asBoolean()).isTrue();
        assertThat(map.path("column_info").path("Task").path("id").asText()).isEqualTo(created.path("columns").get(0).path("id").asText());
        assertThat(map.path("column_info").path("Status").path("options")).extracting(JsonNode::asText).containsExactly("Open", "Closed");
        JsonNode listed = ToolCalls.ok(client, "list_workspace_sheets", Map.of("workspace_id", workspaceId));
        assertThat(listed.path("sheets").findValuesAsText("id")).contains(sheetId);
    }

    @Test
    void firstColumnThatIsNotTextNumberIsRefusedNamingColumns0TypeAndCreatesNothing() {
        String error = refusedSheet("Dated", List.of(column("When", "DATE"), column("Task", "TEXT_NUMBER")));
        assertThat(error).contains("columns[0].type").contains("TEXT_NUMBER").contains("DATE");
    }

    @Test
    void duplicateColumnTitlesAreRefusedNamingTheSecondAndCreateNothing() {
        String error = refusedSheet("Twice", List.of(column("Task", "TEXT_NUMBER"), column("Notes", "TEXT_NUMBER"), column("Task", "DATE")));
        assertThat(error).contains("columns[2].title").contains("columns[0]");
    }

    @Test
    void blankSheetNameIsRefusedAndCreatesNothing() {
        assertThat(refusedSheet("   ", List.of(column("Task", "TEXT_NUMBER")))).contains("'name'");
        assertThat(refusedSheet("", List.of(column("Task", "TEXT_NUMBER")))).contains("name");
    }

    @Test
    void blankColumnTitleIsRefusedNamingTheColumn() {
        assertThat(refusedSheet("Blank title", List.of(column("Task", "TEXT_NUMBER"), column("  ", "DATE"))))
                .contains("columns[1].title");
    }

    @Test
    void noColumnsIsRefused() {
        assertThat(refusedSheet("No columns", List.of())).contains("columns");
    }

    @Test
    void moreThan400ColumnsAreRefused() {
        List<Map<String, Object>> columns = new ArrayList<>();
        for (int i = 0; i < 401; i++) columns.add(column("C" + i, "TEXT_NUMBER"));
        assertThat(refusedSheet("Too wide", columns)).contains("columns");
    }

    @Test
    void optionsOnAColumnThatIsNotAPicklistAreRefusedNamingThem() {
        assertThat(refusedSheet("Options", List.of(column("Task", "TEXT_NUMBER"), column("Due", "DATE", "soon"))))
                .contains("columns[1].options");
    }

    @Test
    void unknownColumnTypeIsRefusedNamingTheColumn() {
        // the tool's JSON schema catches this first, naming the field as a JSON pointer
        assertThat(refusedSheet("Odd type", List.of(column("Task", "TEXT_NUMBER"), column("Length", "DURATION"))))
                .containsAnyOf("columns[1].type", "/columns/1/type");
    }

    @Test
    void workspaceIdThatIsNotANumberIsRefusedNamingTheField() {
        String error = ToolCalls.error(client, "create_sheet_in_workspace",
                Map.of("workspace_id", "my-workspace", "name", "Tracker", "columns", List.of(column("Task", "TEXT_NUMBER"))));
        assertThat(error).contains("workspace_id");
        assertThat(smartsheet.requestCount(CREATE_SHEET)).isZero();
    }

    @Test
    void unknownWorkspaceIsAToolErrorWithSmartsheetsCodeAndRefId() {
        String error = ToolCalls.error(client, "create_sheet_in_workspace",
                Map.of("workspace_id", "9999999999999999", "name", "Tracker", "columns", List.of(column("Task", "TEXT_NUMBER"))));
        assertThat(error).contains("Smartsheet error 1006").contains("refId");
    }

    /** Calls create_sheet_in_workspace expecting a refusal, and checks that no sheet was created. */
    private static String refusedSheet(String name, List<Map<String, Object>> columns) {
        int before = sheetCount();
        smartsheet.resetCounters();
        String error = ToolCalls.error(client, "create_sheet_in_workspace",
                Map.of("workspace_id", workspaceId, "name", name, "columns", columns));
        assertThat(smartsheet.requestCount(CREATE_SHEET)).as("Create Sheet requests").isZero();
        assertThat(sheetCount()).as("sheets in the workspace").isEqualTo(before);
        return error;
    }

    private static int sheetCount() {
        return ToolCalls.ok(client, "list_workspace_sheets", Map.of("workspace_id", workspaceId)).path("total_count").asInt();
    }

    private static List<String> workspaceIds() {
        return ToolCalls.ok(client, "list_workspaces", Map.of()).path("workspaces").findValuesAsText("id");
    }

    private static Map<String, Object> column(String title, String type, String... options) {
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("title", title);
        column.put("type", type);
        if (options.length > 0) column.put("options", List.of(options));
        return column;
    }
}
