package dev.smartsheetmcp.search;

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

/** search (Smartsheet-wide) against the Smartsheet emulator: typed results, scopes, paging within max_chars, errors. */
@SandboxApplication
class SearchEverythingToolTest {

    private static final long TWO_TO_THE_53 = 1L << 53;

    private static SandboxApp app;
    private static McpSyncClient client;
    private static SmartsheetEmulator smartsheet;
    private static long workspaceId;

    @BeforeAll
    static void setUp() {
        smartsheet = app.sandbox().smartsheet();
        workspaceId = app.sandbox().demo().workspaceId();
    }

    @Test
    void findsSheetsFoldersAndWorkspacesByNameAsTypedResultsWithStringIds() {
        long folder = smartsheet.createFolder(null, workspaceId, "Zephyr plans");
        long sheet = smartsheet.createSheetInFolder(folder, "Zephyr budget", List.of(ColumnSpec.primary("Item")));
        long workspace = smartsheet.createWorkspace("Zephyr team");

        JsonNode answer = ToolCalls.ok(client, "search", Map.of("query", "zephyr"));

        assertThat(answer.path("total_count").asInt()).isEqualTo(3);
        assertThat(answer.path("returned").asInt()).isEqualTo(3);
        assertThat(answer.has("cursor")).isFalse();
        Map<String, String> idsByType = new HashMap<>();
        answer.path("results").forEach(result -> idsByType.put(result.path("type").asText(), result.path("id").asText()));
        assertThat(idsByType).containsEntry("sheet", Long.toString(sheet)).containsEntry("folder", Long.toString(folder))
                .containsEntry("workspace", Long.toString(workspace));
        assertThat(sheet).isGreaterThan(TWO_TO_THE_53);
        assertThat(answer.path("results").get(0).path("id").isTextual()).isTrue();
    }

    @Test
    void cellDataResultsCarryTheMatchedTextTheRowAndItsSheet() {
        long sheet = smartsheet.createSheet(workspaceId, "Orders", List.of(ColumnSpec.primary("Item"), ColumnSpec.text("Note")),
                List.of(Map.of("Item", "Widget", "Note", "quasar delivery late"), Map.of("Item", "Gadget", "Note", "fine")));
        long rowId = smartsheet.rowIds(sheet).get(0);

        JsonNode answer = ToolCalls.ok(client, "search", Map.of("query", "quasar", "scopes", List.of("cellData")));

        assertThat(answer.path("scopes").get(0).asText()).isEqualTo("cellData");
        JsonNode result = answer.path("results").get(0);
        assertThat(answer.path("results")).hasSize(1);
        assertThat(result.path("type").asText()).isEqualTo("row");
        assertThat(result.path("id").asText()).isEqualTo(Long.toString(rowId));
        assertThat(result.path("text").asText()).contains("quasar delivery late");
        assertThat(result.path("context").get(0).asText()).isEqualTo("Row 1");
        assertThat(result.path("parent").path("type").asText()).isEqualTo("sheet");
        assertThat(result.path("parent").path("id").asText()).isEqualTo(Long.toString(sheet));
        assertThat(result.path("parent").path("name").asText()).isEqualTo("Orders");
        assertThat(ToolCalls.ok(client, "search", Map.of("query", "quasar", "scopes", List.of("sheetNames")))
                .path("results")).isEmpty();
    }

    @Test
    void pagesWithinMaxCharsWithNoDuplicateAndNoGapAndSaysWhenSmartsheetFoundMoreThanItLists() {
        for (int i = 0; i < 120; i++) smartsheet.createSheet(workspaceId, "Nebula " + i, List.of(ColumnSpec.primary("A")), List.of());
        Map<String, Object> arguments = new HashMap<>(Map.of("query", "nebula", "scopes", List.of("sheetNames"), "max_chars", 2000));
        List<String> seen = new ArrayList<>();
        int pages = 0;
        JsonNode answer;
        do {
            String text = ToolCalls.text(ToolCalls.call(client, "search", arguments));
            assertThat(text.length()).isLessThanOrEqualTo(2000);
            answer = ToolCalls.ok(client, "search", arguments);
            answer.path("results").forEach(result -> seen.add(result.path("id").asText()));
            arguments.put("cursor", answer.path("cursor").asText());
            pages++;
        } while (answer.has("cursor"));

        assertThat(pages).isGreaterThan(3);
        assertThat(seen).hasSize(100).doesNotHaveDuplicates();
        assertThat(answer.path("total_count").asInt()).isEqualTo(120);
        assertThat(answer.path("note").asText()).contains("120").contains("100");
    }

    @Test
    void leavesOutWhatTheUserCannotAccess() {
        long hidden = smartsheet.createSheet(workspaceId, "Obsidian secrets", List.of(ColumnSpec.primary("A")), List.of());
        long shown = smartsheet.createSheet(workspaceId, "Obsidian public", List.of(ColumnSpec.primary("A")), List.of());
        smartsheet.denyAccess(hidden);

        JsonNode answer = ToolCalls.ok(client, "search", Map.of("query", "obsidian"));

        assertThat(answer.path("results").findValuesAsText("id")).containsExactly(Long.toString(shown));
    }

    @Test
    void refusesBadArgumentsAndForeignCursorsNamingTheField() {
        for (int i = 0; i < 30; i++) smartsheet.createSheet(workspaceId, "Comet " + i, List.of(ColumnSpec.primary("A")), List.of());
        String cursor = ToolCalls.ok(client, "search", Map.of("query", "comet", "max_chars", 1000)).path("cursor").asText();
        assertThat(cursor).isNotBlank();
        smartsheet.resetCounters();

        assertThat(ToolCalls.error(client, "search", Map.of("query", "x", "scopes", List.of("everything")))).contains("scopes");
        assertThat(ToolCalls.error(client, "search", Map.of("query", "   "))).contains("query");
        assertThat(ToolCalls.error(client, "search", Map.of("query", "x", "max_chars", 5))).contains("max_chars");
        assertThat(smartsheet.requestCount("GET /search")).isZero();
        assertThat(ToolCalls.error(client, "search", Map.of("query", "other words", "cursor", cursor)))
                .contains("cursor").contains("other arguments");
        String folderCursor = folderCursor();
        assertThat(ToolCalls.error(client, "search", Map.of("query", "comet", "cursor", folderCursor)))
                .contains("cursor").contains("another tool");
        assertThat(ToolCalls.error(client, "search", Map.of("query", "comet", "cursor", "garbage!"))).contains("cursor");
    }

    private static String folderCursor() {
        long folder = smartsheet.createFolder(null, null, "Cursor source");
        for (int i = 0; i < 30; i++) smartsheet.createSheetInFolder(folder, "F" + i, List.of(ColumnSpec.primary("A")));
        return ToolCalls.ok(client, "get_folder", Map.of("folder_id", Long.toString(folder), "max_chars", 1000)).path("cursor").asText();
    }

}
