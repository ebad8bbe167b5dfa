package dev.smartsheetmcp.sheets;

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

/** get_all_row_ids and smartsheet_search answer within max_chars and continue with a cursor while rows change. */
@SandboxApplication({"tools.rows.page-size=100", "tools.search.page-size=100",
        "smartsheet.rpm=6000", "sandbox.smartsheet.rpm=6000"})
class SheetListingBudgetTest {

    private static SandboxApp app;
    private static McpSyncClient client;
    private static SmartsheetEmulator emulator;

    @BeforeAll
    static void setUp() {
        emulator = app.sandbox().smartsheet();
    }

    private static long sheet(String name, int rows) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) data.add(Map.of("Name", "row " + i, "Notes", i % 3 == 0 ? "needle " + i : "hay " + i));
        return emulator.createSheet(null, name, List.of(ColumnSpec.primary("Name"), ColumnSpec.text("Notes")), data);
    }

    @Test
    void rowIdsOfAHugeSheetComeInPagesWithinTheBudgetWithoutDuplicateOrGap() {
        long sheetId = sheet("ids", 1000);

        List<JsonNode> pages = ToolCalls.pages(client, "get_all_row_ids", Map.of("sheet_id", Long.toString(sheetId)), 2000);

        assertThat(pages).hasSizeGreaterThan(5);
        assertThat(ids(pages, "row_ids")).isEqualTo(expectedIds(sheetId));
        pages.forEach(page -> assertThat(page.path("total_count").asInt()).isEqualTo(1000));
    }

    @Test
    void rowIdsContinueAfterTheLastIdWhenRowsBeforeItAreDeletedOrAdded() {
        long sheetId = sheet("ids-changing", 600);
        Map<String, Object> arguments = new HashMap<>(Map.of("sheet_id", Long.toString(sheetId), "max_chars", 3000));
        JsonNode first = ToolCalls.okWithin(client, "get_all_row_ids", arguments, 3000);
        List<String> answered = ids(List.of(first), "row_ids");
        // rows before the cursor's row go away: its row moves to an earlier page
        deleteRows(sheetId, answered.subList(0, 120));
        arguments.put("cursor", first.path("cursor").asText());

        List<JsonNode> rest = ToolCalls.pages(client, "get_all_row_ids", arguments, 3000);

        List<String> all = new ArrayList<>(answered);
        all.addAll(ids(rest, "row_ids"));
        List<String> expected = new ArrayList<>(answered);
        List<String> now = expectedIds(sheetId);
        expected.addAll(now.subList(now.indexOf(answered.get(answered.size() - 1)) + 1, now.size()));
        assertThat(all).doesNotHaveDuplicates().isEqualTo(expected);
    }

    @Test
    void aCursorWhoseLastRowWasDeletedIsStaleAndAForeignOneIsRefused() {
        long sheetId = sheet("ids-stale", 300);
        Map<String, Object> arguments = new HashMap<>(Map.of("sheet_id", Long.toString(sheetId), "max_chars", 1000));
        JsonNode first = ToolCalls.ok(client, "get_all_row_ids", arguments);
        List<String> answered = ids(List.of(first), "row_ids");
        deleteRows(sheetId, answered.subList(answered.size() - 1, answered.size()));
        arguments.put("cursor", first.path("cursor").asText());

        assertThat(ToolCalls.error(client, "get_all_row_ids", arguments))
                .startsWith("Invalid argument 'cursor': is stale: the row the previous page ended with no longer exists");
        assertThat(ToolCalls.error(client, "smartsheet_search", Map.of("sheet_id", Long.toString(sheetId),
                "pattern", "needle", "cursor", first.path("cursor").asText())))
                .startsWith("Invalid argument 'cursor': comes from another tool ('get_all_row_ids')");
        assertThat(ToolCalls.error(client, "get_all_row_ids", Map.of("sheet_id", Long.toString(sheetId), "cursor", "x")))
                .startsWith("Invalid argument 'cursor'");
    }

    @Test
    void searchResultsComeInPagesWithinTheBudgetWithoutDuplicateOrGapAndWholeSheetTotals() {
        long sheetId = sheet("search", 900);
        Map<String, Object> arguments = Map.of("sheet_id", Long.toString(sheetId), "pattern", "needle");
        JsonNode whole = ToolCalls.ok(client, "smartsheet_search", arguments);
        assertThat(whole.has("cursor")).isFalse();
        assertThat(whole.path("row_ids")).hasSize(300);

        List<JsonNode> pages = ToolCalls.pages(client, "smartsheet_search", arguments, 4000);

        assertThat(pages).hasSizeGreaterThan(5);
        assertThat(ids(pages, "row_ids")).isEqualTo(ids(List.of(whole), "row_ids"));
        List<String> detailRows = new ArrayList<>();
        pages.forEach(page -> page.path("matches").forEach(match -> detailRows.add(match.path("row_id").asText())));
        assertThat(detailRows).isEqualTo(ids(List.of(whole), "row_ids"));
        pages.forEach(page -> {
            assertThat(page.path("total_count").asInt()).isEqualTo(300);
            assertThat(page.path("metadata").path("search_info").path("matched_rows").asInt()).isEqualTo(300);
            assertThat(page.path("metadata").path("search_info").path("truncated").asBoolean()).isFalse();
        });
    }

    @Test
    void searchContinuesAfterItsLastRowWhileRowsAreAddedAndDeleted() {
        long sheetId = sheet("search-changing", 600);
        Map<String, Object> arguments = new HashMap<>(Map.of("sheet_id", Long.toString(sheetId), "pattern", "needle",
                "max_chars", 4000));
        JsonNode first = ToolCalls.okWithin(client, "smartsheet_search", arguments, 4000);
        List<String> answered = ids(List.of(first), "row_ids");
        deleteRows(sheetId, List.of(answered.get(0), answered.get(1)));
        arguments.put("cursor", first.path("cursor").asText());

        List<JsonNode> rest = ToolCalls.pages(client, "smartsheet_search", arguments, 4000);

        List<String> all = new ArrayList<>(answered);
        all.addAll(ids(rest, "row_ids"));
        assertThat(all).doesNotHaveDuplicates().hasSize(200);
    }

    private static void deleteRows(long sheetId, List<String> rowIds) {
        ToolCalls.ok(client, "smartsheet_delete", Map.of("sheet_id", Long.toString(sheetId), "row_ids", rowIds));
    }

    private static List<String> expectedIds(long sheetId) {
        return emulator.rowIds(sheetId).stream().map(String::valueOf).toList();
    }

    private static List<String> ids(List<JsonNode> pages, String field) {
        List<String> ids = new ArrayList<>();
        pages.forEach(page -> page.path(field).forEach(id -> ids.add(id.asText())));
        return ids;
    }
}
