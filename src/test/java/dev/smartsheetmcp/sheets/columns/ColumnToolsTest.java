package dev.smartsheetmcp.sheets.columns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smartsheetmcp.sandbox.smartsheet.ColumnSpec;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.SandboxApplication;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@SandboxApplication({"smartsheet.rpm=3000", "sandbox.smartsheet.rpm=3000"})
class ColumnToolsTest {

    private static SandboxApp app;
    private static McpSyncClient client;
    private static SmartsheetEmulator emulator;
    private static ProducerTemplate camel;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void setUp() throws Exception {
        emulator = app.sandbox().smartsheet();
        camel = app.context().createProducerTemplate();
    }

    // ------------------------------------------------------------------ helpers

    /** Task (primary), Score, Notes and a column formula Double = [Score]@row * 2; three rows. */
    private static long scoreSheet() {
        return emulator.createSheet(null, "Scores", List.of(ColumnSpec.primary("Task"), ColumnSpec.text("Score"),
                        ColumnSpec.text("Notes"), ColumnSpec.formula("Double", "TEXT_NUMBER", "=[Score]@row * 2")),
                List.of(Map.of("Task", "a", "Score", 1), Map.of("Task", "b", "Score", 2), Map.of("Task", "c", "Score", 3)));
    }

    private static long plainSheet() {
        return emulator.createSheet(null, "Plain", List.of(ColumnSpec.primary("Task"), ColumnSpec.text("Price"),
                ColumnSpec.text("Notes")), List.of(Map.of("Task", "a", "Price", 10), Map.of("Task", "b", "Price", 20)));
    }

    private static Map<String, String> columnIds(long sheetId) {
        JsonNode map = ToolCalls.ok(client, "get_column_map", Map.of("sheet_id", Long.toString(sheetId))).path("column_map");
        Map<String, String> ids = new LinkedHashMap<>();
        map.fields().forEachRemaining(field -> ids.put(field.getKey(), field.getValue().asText()));
        return ids;
    }

    private static JsonNode readSheet(long sheetId) {
        return camel.requestBodyAndHeader("direct:smartsheet-get-sheet", null, "SheetId", sheetId, JsonNode.class);
    }

    private static JsonNode column(long sheetId, String title) {
        for (JsonNode column : readSheet(sheetId).path("columns")) {
            if (column.path("title").asText().equals(title)) return column;
        }
        return null;
    }

    private static String cellFormula(long sheetId, long rowId, String columnTitle) {
        JsonNode sheet = readSheet(sheetId);
        long columnId = column(sheetId, columnTitle).path("id").asLong();
        for (JsonNode row : sheet.path("rows")) {
            if (row.path("id").asLong() != rowId) continue;
            for (JsonNode cell : row.path("cells")) {
                if (cell.path("columnId").asLong() == columnId) return cell.path("formula").asText(null);
            }
        }
        return null;
    }

    /** A person types a cell formula: straight to the emulator's Update Rows, not through the tools. */
    private static void setCellFormula(long sheetId, long rowId, String columnTitle, String formula) throws Exception {
        long columnId = Long.parseLong(columnIds(sheetId).get(columnTitle));
        Map<String, Object> row = Map.of("id", rowId, "cells", List.of(Map.of("columnId", columnId, "formula", formula)));
        String token = app.sandbox().applicationProperties().get("smartsheet.api-key");
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/sheets/" + sheetId + "/rows"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(List.of(row)))).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static Map<String, Object> args(Object... keysAndValues) {
        Map<String, Object> args = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) args.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return args;
    }

    // ------------------------------------------------------------------ add

    @Test
    void addedColumnGoesAfterTheLastColumnByDefault() {
        long sheet = plainSheet();
        JsonNode added = ToolCalls.ok(client, "smartsheet_add_column",
                args("sheet_id", Long.toString(sheet), "title", "Owner", "type", "CONTACT_LIST"));
        assertThat(added.path("success").asBoolean()).isTrue();
        assertThat(added.path("column").path("id").asText()).matches("\\d+");
        assertThat(added.path("column").path("index").asInt()).isEqualTo(3);
        assertThat(added.path("column").path("type").asText()).isEqualTo("CONTACT_LIST");
        assertThat(new ArrayList<>(columnIds(sheet).keySet())).containsExactly("Task", "Price", "Notes", "Owner");
        assertThat(columnIds(sheet).get("Owner")).isEqualTo(added.path("column").path("id").asText());
    }

    @Test
    void addedColumnGoesWhereTheIndexSays() {
        long sheet = plainSheet();
        JsonNode added = ToolCalls.ok(client, "smartsheet_add_column", args("sheet_id", Long.toString(sheet),
                "title", "Stage", "type", "PICKLIST", "index", 1, "options", List.of("Open", "Closed")));
        assertThat(added.path("column").path("index").asInt()).isEqualTo(1);
        assertThat(added.path("column").path("options")).extracting(JsonNode::asText).containsExactly("Open", "Closed");
        assertThat(new ArrayList<>(columnIds(sheet).keySet())).containsExactly("Task", "Stage", "Price", "Notes");
    }

    @Test
    void duplicateTitleIsRefusedIgnoringCaseAndNothingIsAdded() {
        long sheet = plainSheet();
        emulator.resetCounters();
        String error = ToolCalls.error(client, "smartsheet_add_column",
                args("sheet_id", Long.toString(sheet), "title", "price", "type", "TEXT_NUMBER"));
        assertThat(error).contains("'title'").contains("Price");
        assertThat(emulator.requestCount("POST /sheets/{sheetId}/columns")).isZero();
        assertThat(columnIds(sheet)).hasSize(3);
    }

    @Test
    void optionsAreRefusedForNonPicklistTypesAndRequiredForPicklists() {
        long sheet = plainSheet();
        emulator.resetCounters();
        assertThat(ToolCalls.error(client, "smartsheet_add_column", args("sheet_id", Long.toString(sheet),
                "title", "X", "type", "TEXT_NUMBER", "options", List.of("a")))).contains("'options'");
        assertThat(ToolCalls.error(client, "smartsheet_add_column", args("sheet_id", Long.toString(sheet),
                "title", "X", "type", "PICKLIST"))).contains("'options'");
        assertThat(ToolCalls.error(client, "smartsheet_add_column", args("sheet_id", Long.toString(sheet),
                "title", "X", "type", "PICKLIST", "options", List.of("a", "a")))).contains("'options[1]'");
        assertThat(emulator.requestCount("POST /sheets/{sheetId}/columns")).isZero();
    }

    @Test
    void indexPastTheEndAndFormulaWithoutEqualsAreRefusedNamingTheField() {
        long sheet = plainSheet();
        assertThat(ToolCalls.error(client, "smartsheet_add_column", args("sheet_id", Long.toString(sheet),
                "title", "X", "type", "TEXT_NUMBER", "index", 7))).contains("'index'");
        assertThat(ToolCalls.error(client, "smartsheet_add_column", args("sheet_id", Long.toString(sheet),
                "title", "X", "type", "TEXT_NUMBER", "formula", "[Price]@row"))).contains("'formula'");
        assertThat(columnIds(sheet)).hasSize(3);
    }

    @Test
    void addingToASheetWith400ColumnsIsRefused() {
        List<ColumnSpec> columns = new ArrayList<>();
        columns.add(ColumnSpec.primary("C0"));
        for (int i = 1; i < 400; i++) columns.add(ColumnSpec.text("C" + i));
        long sheet = emulator.createSheet(null, "Full", columns, List.of());
        emulator.resetCounters();
        String error = ToolCalls.error(client, "smartsheet_add_column",
                args("sheet_id", Long.toString(sheet), "title", "One more", "type", "TEXT_NUMBER"));
        assertThat(error).contains("400");
        assertThat(emulator.requestCount("POST /sheets/{sheetId}/columns")).isZero();
    }

    @Test
    void addColumnRefusesIdsThatAreNotNumbersAndUnknownSheets() {
        assertThat(ToolCalls.error(client, "smartsheet_add_column", args("sheet_id", "sheet-1", "title", "X", "type", "DATE")))
                .contains("sheet_id");
        assertThat(ToolCalls.error(client, "smartsheet_add_column",
                args("sheet_id", "9999999999999999", "title", "X", "type", "DATE"))).contains("Smartsheet error 1006");
    }

    // ------------------------------------------------------------------ delete

    @Test
    void deleteIsRefusedWhileAColumnFormulaReferencesTheColumnByTitle() {
        long sheet = scoreSheet();
        String score = columnIds(sheet).get("Score");
        emulator.resetCounters();
        String error = ToolCalls.error(client, "smartsheet_delete_column",
                args("sheet_id", Long.toString(sheet), "column_id", score));
        assertThat(error).contains("Score").contains("'Double'").contains("Nothing was deleted");
        assertThat(emulator.requestCount("DELETE /sheets/{sheetId}/columns/{columnId}")).isZero();
        assertThat(columnIds(sheet)).containsKey("Score");
    }

    @Test
    void deleteIsRefusedWhileCellFormulasReferenceTheColumnByTitle() throws Exception {
        long sheet = plainSheet();
        List<Long> rows = emulator.rowIds(sheet);
        setCellFormula(sheet, rows.get(0), "Notes", "=Price@row + 1");
        setCellFormula(sheet, rows.get(1), "Notes", "=SUM([Price]1:[Price]2)");
        String error = ToolCalls.error(client, "smartsheet_delete_column",
                args("sheet_id", Long.toString(sheet), "column_id", columnIds(sheet).get("Price")));
        assertThat(error).contains("2 cell formula(s)").contains("'Notes'").contains(Long.toString(rows.get(0)));
        assertThat(columnIds(sheet)).containsKey("Price");
    }

    @Test
    void forcedDeleteRemovesAReferencedColumn() {
        long sheet = scoreSheet();
        JsonNode deleted = ToolCalls.ok(client, "smartsheet_delete_column",
                args("sheet_id", Long.toString(sheet), "column_id", columnIds(sheet).get("Score"), "validate_dependencies", false));
        assertThat(deleted.path("message").asText()).isEqualTo("Successfully deleted column");
        assertThat(deleted.path("dependencies_checked").asBoolean()).isFalse();
        assertThat(columnIds(sheet)).doesNotContainKey("Score");
        assertThat(column(sheet, "Double").path("formula").asText()).contains("#REF");
    }

    @Test
    void unreferencedColumnIsDeletedAfterTheCheck() {
        long sheet = scoreSheet();
        JsonNode deleted = ToolCalls.ok(client, "smartsheet_delete_column",
                args("sheet_id", Long.toString(sheet), "column_id", columnIds(sheet).get("Notes")));
        assertThat(deleted.path("title").asText()).isEqualTo("Notes");
        assertThat(deleted.path("dependencies_checked").asBoolean()).isTrue();
        assertThat(columnIds(sheet)).doesNotContainKey("Notes");
    }

    @Test
    void primaryColumnIsNeverDeleted() {
        long sheet = plainSheet();
        String error = ToolCalls.error(client, "smartsheet_delete_column",
                args("sheet_id", Long.toString(sheet), "column_id", columnIds(sheet).get("Task"), "validate_dependencies", false));
        assertThat(error).contains("'column_id'").contains("primary");
        assertThat(columnIds(sheet)).containsKey("Task");
    }

    @Test
    void deleteNamesTheFieldForUnknownAndNonNumericColumnIds() {
        long sheet = plainSheet();
        assertThat(ToolCalls.error(client, "smartsheet_delete_column",
                args("sheet_id", Long.toString(sheet), "column_id", "123456789"))).contains("'column_id'").contains("no column");
        assertThat(ToolCalls.error(client, "smartsheet_delete_column",
                args("sheet_id", Long.toString(sheet), "column_id", "Price"))).contains("column_id");
    }

    // ------------------------------------------------------------------ rename

    @Test
    void renameReportsTheReferencesSmartsheetRewrote() throws Exception {
        long sheet = scoreSheet();
        long row = emulator.rowIds(sheet).get(0);
        setCellFormula(sheet, row, "Notes", "=Score@row + 1");
        JsonNode renamed = ToolCalls.ok(client, "smartsheet_rename_column",
                args("sheet_id", Long.toString(sheet), "column_id", columnIds(sheet).get("Score"), "new_title", "Points"));

        assertThat(renamed.path("old_title").asText()).isEqualTo("Score");
        assertThat(renamed.path("new_title").asText()).isEqualTo("Points");
        JsonNode references = renamed.path("updated_references");
        assertThat(references).hasSize(2);
        JsonNode columnFormula = references.get(0);
        assertThat(columnFormula.path("kind").asText()).isEqualTo("column_formula");
        assertThat(columnFormula.path("column").asText()).isEqualTo("Double");
        assertThat(columnFormula.path("old_formula").asText()).isEqualTo("=[Score]@row * 2");
        assertThat(columnFormula.path("new_formula").asText()).isEqualTo("=[Points]@row * 2");
        assertThat(columnFormula.path("updated_by").asText()).isEqualTo("smartsheet");
        JsonNode cellFormula = references.get(1);
        assertThat(cellFormula.path("row_id").asText()).isEqualTo(Long.toString(row));
        assertThat(cellFormula.path("new_formula").asText()).isEqualTo("=[Points]@row + 1");
        assertThat(cellFormula.path("updated_by").asText()).isEqualTo("smartsheet");
        assertThat(columnIds(sheet)).containsKey("Points").doesNotContainKey("Score");
    }

    @Test
    void renameRewritesReferencesSmartsheetLeftNamingTheOldTitle() throws Exception {
        // The emulator, like a strict reading of Smartsheet, rewrites only references spelled
        // with the title's exact case; these two differ in case, so the tool must fix them.
        long sheet = emulator.createSheet(null, "Cases", List.of(ColumnSpec.primary("Task"), ColumnSpec.text("Score"),
                        ColumnSpec.text("Notes"), ColumnSpec.formula("Triple", "TEXT_NUMBER", "=[score]@row * 3")),
                List.of(Map.of("Task", "a", "Score", 1)));
        long row = emulator.rowIds(sheet).get(0);
        setCellFormula(sheet, row, "Notes", "=[SCORE]@row + 1");
        JsonNode renamed = ToolCalls.ok(client, "smartsheet_rename_column",
                args("sheet_id", Long.toString(sheet), "column_id", columnIds(sheet).get("Score"), "new_title", "Total Points"));

        JsonNode references = renamed.path("updated_references");
        assertThat(references).hasSize(2);
        assertThat(references).allSatisfy(reference ->
                assertThat(reference.path("updated_by").asText()).isEqualTo("smartsheet_mcp"));
        assertThat(references.get(0).path("new_formula").asText()).isEqualTo("=[Total Points]@row * 3");
        assertThat(column(sheet, "Triple").path("formula").asText()).isEqualTo("=[Total Points]@row * 3");
        assertThat(cellFormula(sheet, row, "Notes")).isEqualTo("=[Total Points]@row + 1");
    }

    @Test
    void renameWithoutUpdateReferencesOnlyRenames() {
        long sheet = scoreSheet();
        JsonNode renamed = ToolCalls.ok(client, "smartsheet_rename_column", args("sheet_id", Long.toString(sheet),
                "column_id", columnIds(sheet).get("Notes"), "new_title", "Comments", "update_references", false));
        assertThat(renamed.path("updated_references")).isEmpty();
        assertThat(renamed.path("note").asText()).contains("update_references=false");
        assertThat(columnIds(sheet)).containsKey("Comments");
    }

    @Test
    void renameRefusesEmptyTitlesAndTitlesOfOtherColumnsWithoutRenaming() {
        long sheet = scoreSheet();
        String score = columnIds(sheet).get("Score");
        emulator.resetCounters();
        assertThat(ToolCalls.error(client, "smartsheet_rename_column",
                args("sheet_id", Long.toString(sheet), "column_id", score, "new_title", "   "))).contains("new_title");
        assertThat(ToolCalls.error(client, "smartsheet_rename_column",
                args("sheet_id", Long.toString(sheet), "column_id", score, "new_title", ""))).contains("new_title");
        assertThat(ToolCalls.error(client, "smartsheet_rename_column",
                args("sheet_id", Long.toString(sheet), "column_id", score, "new_title", "notes")))
                .contains("'new_title'").contains("Notes");
        assertThat(emulator.requestCount("PUT /sheets/{sheetId}/columns/{columnId}")).isZero();
        assertThat(columnIds(sheet)).containsKey("Score");
    }

    @Test
    void renameNamesTheFieldForUnknownAndNonNumericColumnIds() {
        long sheet = plainSheet();
        assertThat(ToolCalls.error(client, "smartsheet_rename_column",
                args("sheet_id", Long.toString(sheet), "column_id", "42", "new_title", "X"))).contains("'column_id'");
        assertThat(ToolCalls.error(client, "smartsheet_rename_column",
                args("sheet_id", Long.toString(sheet), "column_id", "4x2", "new_title", "X"))).contains("column_id");
    }
}
