package dev.smartsheetmcp.folders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.smartsheet.ColumnSpec;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.SandboxApplication;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** get_folder, create_folder, create_sheet, copy_sheet and get_sheet_version against the Smartsheet emulator. */
@SandboxApplication
class FolderToolsTest {

    private static final long TWO_TO_THE_53 = 1L << 53;
    private static final String UNKNOWN = "9007199254740995";

    private static SandboxApp app;
    private static McpSyncClient client;
    private static SmartsheetEmulator smartsheet;
    private static long workspaceId;
    private static long sheetId;

    @BeforeAll
    static void setUp() {
        smartsheet = app.sandbox().smartsheet();
        workspaceId = app.sandbox().demo().workspaceId();
        sheetId = app.sandbox().demo().sheetId();
    }

    @Test
    void getsAFoldersContentsByKindWithIdsAsStrings() {
        long folder = smartsheet.createFolder(null, workspaceId, "Reports 2025");
        long child = smartsheet.createFolder(folder, null, "Q1");
        long sheet = smartsheet.createSheetInFolder(folder, "Budget", List.of(ColumnSpec.primary("Item")));

        JsonNode answer = ToolCalls.ok(client, "get_folder", Map.of("folder_id", Long.toString(folder)));

        assertThat(folder).isGreaterThan(TWO_TO_THE_53);
        assertThat(answer.path("folder_id").asText()).isEqualTo(Long.toString(folder));
        assertThat(answer.path("name").asText()).isEqualTo("Reports 2025");
        assertThat(answer.path("folders").get(0).path("id").isTextual()).isTrue();
        assertThat(answer.path("folders").findValuesAsText("id")).containsExactly(Long.toString(child));
        assertThat(answer.path("sheets").findValuesAsText("id")).containsExactly(Long.toString(sheet));
        assertThat(answer.path("sheets").get(0).path("permalink").asText()).startsWith("https://");
        assertThat(answer.path("reports").isArray()).isTrue();
        assertThat(answer.path("dashboards").isArray()).isTrue();
        assertThat(answer.path("total_count").asInt()).isEqualTo(2);
        assertThat(answer.has("cursor")).isFalse();
    }

    @Test
    void pagesALargeFolderWithinMaxCharsWithNoDuplicateAndNoGapWhileItChanges() {
        long folder = smartsheet.createFolder(null, null, "Many sheets");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            expected.add(Long.toString(smartsheet.createSheetInFolder(folder, "Sheet " + i, List.of(ColumnSpec.primary("A")))));
        }
        Map<String, Object> arguments = new HashMap<>(Map.of("folder_id", Long.toString(folder), "max_chars", 1500));
        List<String> seen = new ArrayList<>();
        int pages = 0;
        while (true) {
            JsonNode answer = ToolCalls.ok(client, "get_folder", arguments);
            assertThat(ToolCalls.text(ToolCalls.call(client, "get_folder", arguments)).length()).isLessThanOrEqualTo(1500);
            answer.path("sheets").forEach(sheet -> seen.add(sheet.path("id").asText()));
            pages++;
            if (pages == 1) {
                // a sub-folder created after the first page sorts before every sheet: it must not shift the rest
                smartsheet.createFolder(folder, null, "Late");
            }
            if (!answer.has("cursor")) break;
            arguments.put("cursor", answer.path("cursor").asText());
        }
        assertThat(pages).isGreaterThan(2);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void folderErrorsNameTheProblem() {
        long secret = smartsheet.createFolder(null, null, "Secret");
        smartsheet.denyAccess(secret);
        long other = smartsheet.createFolder(null, null, "Other");
        for (int i = 0; i < 30; i++) smartsheet.createSheetInFolder(other, "S" + i, List.of(ColumnSpec.primary("A")));
        String cursor = ToolCalls.ok(client, "get_folder", Map.of("folder_id", Long.toString(other), "max_chars", 1000))
                .path("cursor").asText();

        assertThat(ToolCalls.error(client, "get_folder", Map.of("folder_id", UNKNOWN))).contains("Smartsheet error 1006");
        assertThat(ToolCalls.error(client, "get_folder", Map.of("folder_id", Long.toString(secret))))
                .contains("Smartsheet error 1004").contains("not authorized");
        assertThat(ToolCalls.error(client, "get_folder", Map.of("folder_id", "abc"))).contains("folder_id");
        assertThat(ToolCalls.error(client, "get_folder", Map.of("folder_id", Long.toString(secret), "max_chars", 10)))
                .contains("max_chars");
        assertThat(ToolCalls.error(client, "get_folder", Map.of("folder_id", Long.toString(workspaceFolder()), "cursor", cursor)))
                .contains("cursor").contains("other arguments");
        assertThat(ToolCalls.error(client, "get_folder", Map.of("folder_id", Long.toString(other), "cursor", "not-a-cursor")))
                .contains("cursor");
    }

    @Test
    void createsFoldersInHomeInAFolderAndInAWorkspace() {
        JsonNode home = ToolCalls.ok(client, "create_folder", Map.of("name", "  Projects "));
        String projects = home.path("folder_id").asText();
        JsonNode nested = ToolCalls.ok(client, "create_folder", Map.of("name", "2025", "folder_id", projects));
        JsonNode inWorkspace = ToolCalls.ok(client, "create_folder", Map.of("name", "Archive", "workspace_id", Long.toString(workspaceId)));

        assertThat(home.path("name").asText()).isEqualTo("Projects");
        assertThat(home.path("location").path("type").asText()).isEqualTo("home");
        assertThat(Long.parseLong(projects)).isGreaterThan(TWO_TO_THE_53);
        assertThat(nested.path("location").path("id").asText()).isEqualTo(projects);
        assertThat(ToolCalls.ok(client, "get_folder", Map.of("folder_id", projects)).path("folders").findValuesAsText("id"))
                .containsExactly(nested.path("folder_id").asText());
        assertThat(ToolCalls.ok(client, "get_workspace", Map.of("workspace_id", Long.toString(workspaceId))).path("folders")
                .findValuesAsText("id")).contains(inWorkspace.path("folder_id").asText());
    }

    @Test
    void createFolderRefusesBadArgumentsBeforeAnyRequest() {
        smartsheet.resetCounters();

        assertThat(ToolCalls.error(client, "create_folder", Map.of("name", "x", "folder_id", "1", "workspace_id", "2")))
                .contains("folder_id").contains("not both");
        assertThat(ToolCalls.error(client, "create_folder", Map.of("name", "   "))).contains("name");
        assertThat(smartsheet.requestCount("POST /home/folders")).isZero();
        assertThat(ToolCalls.error(client, "create_folder", Map.of("name", "x", "folder_id", UNKNOWN))).contains("1006");
    }

    @Test
    void createsASheetInAFolderWithTheMarkedPrimaryColumnAndInHome() {
        long folder = smartsheet.createFolder(null, null, "New sheets");
        JsonNode created = ToolCalls.ok(client, "create_sheet", Map.of("name", "Tasks", "folder_id", Long.toString(folder),
                "columns", List.of(Map.of("title", "Due", "type", "DATE"), Map.of("title", "Task", "type", "TEXT_NUMBER", "primary", true),
                        Map.of("title", "State", "type", "PICKLIST", "options", List.of("Open", "Done")))));
        JsonNode home = ToolCalls.ok(client, "create_sheet", Map.of("name", "Notes",
                "columns", List.of(Map.of("title", "Note", "type", "TEXT_NUMBER"))));

        assertThat(created.path("columns").findValuesAsText("title")).containsExactly("Due", "Task", "State");
        assertThat(created.path("columns").get(1).path("primary").asBoolean()).isTrue();
        assertThat(Long.parseLong(created.path("sheet_id").asText())).isGreaterThan(TWO_TO_THE_53);
        assertThat(ToolCalls.ok(client, "get_folder", Map.of("folder_id", Long.toString(folder))).path("sheets")
                .findValuesAsText("id")).containsExactly(created.path("sheet_id").asText());
        assertThat(home.path("location").path("type").asText()).isEqualTo("home");
        assertThat(home.path("columns").get(0).path("primary").asBoolean()).isTrue();
    }

    @Test
    void createSheetNamesTheFaultyColumn() {
        assertThat(ToolCalls.error(client, "create_sheet", Map.of("name", "x", "columns", List.of(
                Map.of("title", "A", "type", "TEXT_NUMBER", "primary", true), Map.of("title", "B", "type", "TEXT_NUMBER", "primary", true)))))
                .contains("columns[1].primary");
        assertThat(ToolCalls.error(client, "create_sheet", Map.of("name", "x", "columns", List.of(
                Map.of("title", "A", "type", "TEXT_NUMBER"), Map.of("title", "B", "type", "DATE", "primary", true)))))
                .contains("columns[1].type").contains("TEXT_NUMBER");
        assertThat(ToolCalls.error(client, "create_sheet", Map.of("name", "x", "workspace_id", UNKNOWN,
                "columns", List.of(Map.of("title", "A", "type", "TEXT_NUMBER"))))).contains("1006");
    }

    @Test
    void copiesASheetWithItsRowsIntoAWorkspace() {
        long target = smartsheet.createWorkspace("Copies");

        JsonNode copy = ToolCalls.ok(client, "copy_sheet", Map.of("sheet_id", Long.toString(sheetId), "new_name", "Feedback (copy)",
                "workspace_id", Long.toString(target), "include", List.of("data", "discussions")));

        long copyId = Long.parseLong(copy.path("sheet_id").asText());
        assertThat(copyId).isGreaterThan(TWO_TO_THE_53).isNotEqualTo(sheetId);
        assertThat(copy.path("source_sheet_id").asText()).isEqualTo(Long.toString(sheetId));
        assertThat(copy.path("included").toString()).contains("data", "discussions");
        assertThat(smartsheet.rowIds(copyId)).hasSameSizeAs(smartsheet.rowIds(sheetId));
        assertThat(ToolCalls.ok(client, "list_workspace_sheets", Map.of("workspace_id", Long.toString(target))).path("sheets")
                .findValuesAsText("name")).containsExactly("Feedback (copy)");
    }

    @Test
    void copySheetErrorsNameTheField() {
        assertThat(ToolCalls.error(client, "copy_sheet", Map.of("sheet_id", Long.toString(sheetId), "new_name", "x",
                "include", List.of("ruleRecipients")))).contains("include").contains("rules");
        assertThat(ToolCalls.error(client, "copy_sheet", Map.of("sheet_id", Long.toString(sheetId), "new_name", "x",
                "include", List.of("everything")))).contains("include");
        assertThat(ToolCalls.error(client, "copy_sheet", Map.of("sheet_id", UNKNOWN, "new_name", "x"))).contains("1006");
        assertThat(ToolCalls.error(client, "copy_sheet", Map.of("sheet_id", Long.toString(sheetId), "new_name", " ")))
                .contains("new_name");
    }

    @Test
    void theSheetVersionGrowsWhenTheSheetChanges() {
        long sheet = smartsheet.createSheet(workspaceId, "Versioned", List.of(ColumnSpec.primary("Name")),
                List.of(Map.of("Name", "first")));
        JsonNode before = ToolCalls.ok(client, "get_sheet_version", Map.of("sheet_id", Long.toString(sheet)));
        smartsheet.editCellAsPerson(sheet, smartsheet.rowIds(sheet).get(0), "Name", "changed");

        JsonNode after = ToolCalls.ok(client, "get_sheet_version", Map.of("sheet_id", Long.toString(sheet)));

        assertThat(before.path("sheet_id").asText()).isEqualTo(Long.toString(sheet));
        assertThat(after.path("version").asLong()).isGreaterThan(before.path("version").asLong());
        assertThat(ToolCalls.error(client, "get_sheet_version", Map.of("sheet_id", UNKNOWN))).contains("1006");
        long hidden = smartsheet.createSheet(workspaceId, "Hidden", List.of(ColumnSpec.primary("Name")), List.of());
        smartsheet.denyAccess(hidden);
        assertThat(ToolCalls.error(client, "get_sheet_version", Map.of("sheet_id", Long.toString(hidden)))).contains("1004");
    }

    private static long workspaceFolder() {
        return smartsheet.createFolder(null, workspaceId, "Elsewhere");
    }
}
