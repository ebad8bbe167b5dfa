package dev.smartsheetmcp.sheets.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.smartsheet.ColumnSpec;
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
import org.junit.jupiter.api.Test;

@SandboxApplication({"smartsheet.rpm=3000", "sandbox.smartsheet.rpm=3000"})
class SearchToolTest {

    private static SandboxApp app;
    private static McpSyncClient client;
    private static SmartsheetEmulator emulator;
    private static String sheetId;
    private static List<String> rows;

    @BeforeAll
    static void setUp() throws Exception {
        emulator = app.sandbox().smartsheet();
        long id = emulator.createSheet(null, "Search me", List.of(
                        ColumnSpec.primary("Name"),
                        ColumnSpec.text("Notes"),
                        ColumnSpec.picklist("Status", "In Progress", "Done", "Not Started"),
                        ColumnSpec.text("Score"),
                        ColumnSpec.system("Created", "CREATED_DATE"),
                        ColumnSpec.formula("Double", "TEXT_NUMBER", "=[Score]@row * 2")),
                List.of(row("Alpha task", "The cat sat on the mat", "In Progress", 5),
                        row("Beta", "Concatenate strings; CAT food", "Done", 15),
                        row("Gamma", "nothing here", "Not Started", 42),
                        row("Delta (urgent)", "progress report in progress", "Done", null)));
        sheetId = Long.toString(id);
        rows = emulator.rowIds(id).stream().map(String::valueOf).toList();
    }

    private static Map<String, Object> row(String name, String notes, String status, Object score) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Name", name);
        row.put("Notes", notes);
        row.put("Status", status);
        if (score != null) row.put("Score", score);
        return row;
    }

    private static JsonNode search(String pattern, Map<String, Object> options) {
        return ToolCalls.ok(client, "smartsheet_search", Map.of("sheet_id", sheetId, "pattern", pattern, "options", options));
    }

    private static List<String> rowIds(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.path("row_ids").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    @Test
    void findsTextIgnoringCaseByDefaultWithOneEntryPerHit() {
        JsonNode result = search("cat", Map.of());
        assertThat(rowIds(result)).containsExactly(rows.get(0), rows.get(1));
        JsonNode second = result.path("matches").get(1);
        assertThat(second.path("row_id").asText()).isEqualTo(rows.get(1));
        assertThat(second.path("matches")).hasSize(2);
        JsonNode first = result.path("matches").get(0).path("matches").get(0);
        assertThat(first.path("column").asText()).isEqualTo("Notes");
        assertThat(first.path("value").asText()).isEqualTo("The cat sat on the mat");
        assertThat(first.path("matched_text").asText()).isEqualTo("cat");
        assertThat(first.path("context").path("before").asText()).isEqualTo("The ");
        assertThat(first.path("context").path("after").asText()).isEqualTo(" sat on the mat");
        JsonNode info = result.path("metadata").path("search_info");
        assertThat(info.path("matched_rows").asInt()).isEqualTo(2);
        assertThat(info.path("truncated").asBoolean()).isFalse();
        assertThat(result.path("metadata").path("sheet_info").path("total_rows").asInt()).isEqualTo(4);
        assertThat(result.path("metadata").path("sheet_info").path("column_types").path("Double").asText()).isEqualTo("FORMULA");
    }

    @Test
    void caseSensitiveSearchMatchesOnlyTheExactCase() {
        JsonNode result = search("CAT", Map.of("case_sensitive", true));
        assertThat(rowIds(result)).containsExactly(rows.get(1));
        assertThat(result.path("matches").get(0).path("matches")).hasSize(1);
    }

    @Test
    void wholeWordSearchSkipsWordsThatOnlyContainThePattern() {
        JsonNode result = search("cat", Map.of("whole_word", true));
        assertThat(rowIds(result)).containsExactly(rows.get(0), rows.get(1));
        JsonNode beta = result.path("matches").get(1).path("matches");
        assertThat(beta).hasSize(1);
        assertThat(beta.get(0).path("matched_text").asText()).isEqualTo("CAT");
    }

    @Test
    void regexSearchUsesJavaRegularExpressions() {
        JsonNode result = search("\\d{2}", Map.of("regex", true));
        assertThat(rowIds(result)).containsExactly(rows.get(1), rows.get(2));
        assertThat(result.path("matches").get(1).path("matches").get(0).path("matched_text").asText()).isEqualTo("42");
        assertThat(result.path("metadata").path("search_info").path("pattern_used").asText()).isEqualTo("\\d{2}");
    }

    @Test
    void plainTextSearchTakesRegexCharactersLiterally() {
        JsonNode result = search("(urgent)", Map.of());
        assertThat(rowIds(result)).containsExactly(rows.get(3));
    }

    @Test
    void columnFilterSearchesOnlyTheNamedColumns() {
        JsonNode result = search("a", Map.of("columns", List.of("Name")));
        assertThat(rowIds(result)).containsExactly(rows.get(0), rows.get(1), rows.get(2), rows.get(3));
        result.path("matches").forEach(row -> row.path("matches")
                .forEach(match -> assertThat(match.path("column").asText()).isEqualTo("Name")));
        assertThat(result.path("metadata").path("search_info").path("columns_searched"))
                .extracting(JsonNode::asText).containsExactly("Name");
    }

    @Test
    void picklistCellsMatchOnlyTheWholeValueIgnoringCase() {
        JsonNode done = search("done", Map.of("columns", List.of("Status")));
        assertThat(rowIds(done)).containsExactly(rows.get(1), rows.get(3));
        JsonNode match = done.path("matches").get(0).path("matches").get(0);
        assertThat(match.path("matched_text").asText()).isEqualTo("Done");
        assertThat(match.path("context").path("before").asText()).isEmpty();
        assertThat(match.path("context").path("after").asText()).isEmpty();

        assertThat(rowIds(search("Don", Map.of("columns", List.of("Status"))))).isEmpty();
        assertThat(rowIds(search("In Progress", Map.of("columns", List.of("Status"), "whole_word", true))))
                .containsExactly(rows.get(0));
        assertThat(rowIds(search("done", Map.of("columns", List.of("Status"), "case_sensitive", true)))).isEmpty();
    }

    @Test
    void systemColumnsAreSkippedUnlessIncluded() {
        // Every Created value is a timestamp starting with the year 20xx; no other cell has "20".
        assertThat(rowIds(search("20", Map.of()))).isEmpty();
        JsonNode included = search("20", Map.of("include_system", true));
        assertThat(rowIds(included)).hasSize(4);
        assertThat(included.path("metadata").path("search_info").path("columns_searched"))
                .extracting(JsonNode::asText).contains("Created");
    }

    @Test
    void namingASystemColumnWithoutIncludeSystemIsRefused() {
        String error = ToolCalls.error(client, "smartsheet_search",
                Map.of("sheet_id", sheetId, "pattern", "x", "options", Map.of("columns", List.of("Created"))));
        assertThat(error).contains("options.columns[0]").contains("include_system");
    }

    @Test
    void invalidRegexIsAnErrorNamingPattern() {
        emulator.resetCounters();
        String error = ToolCalls.error(client, "smartsheet_search",
                Map.of("sheet_id", sheetId, "pattern", "([a-z", "options", Map.of("regex", true)));
        assertThat(error).contains("'pattern'").contains("regular expression");
        assertThat(emulator.requestCount("GET /sheets/{sheetId}")).isZero();
    }

    @Test
    void unknownColumnTitleIsAnErrorNamingItsPosition() {
        String error = ToolCalls.error(client, "smartsheet_search",
                Map.of("sheet_id", sheetId, "pattern", "x", "options", Map.of("columns", List.of("Notes", "Nope"))));
        assertThat(error).contains("options.columns[1]").contains("Nope");
    }

    @Test
    void sheetIdThatIsNotANumberIsRefusedNamingTheField() {
        assertThat(ToolCalls.error(client, "smartsheet_search", Map.of("sheet_id", "12ab", "pattern", "x")))
                .contains("sheet_id");
    }

    @Test
    void unknownSheetIsAToolErrorWithSmartsheetsCode() {
        assertThat(ToolCalls.error(client, "smartsheet_search", Map.of("sheet_id", "9999999999999999", "pattern", "x")))
                .contains("Smartsheet error 1006");
    }

    @Test
    void largeSheetIsReadInPagesAndMatchDetailsAreCappedWhileRowIdsStayComplete() {
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            many.add(Map.of("Key", "K" + i, "Text", "row " + i + " says hello", "Other", "x".repeat(200)));
        }
        long big = emulator.createSheet(null, "Big", List.of(ColumnSpec.primary("Key"), ColumnSpec.text("Text"),
                ColumnSpec.text("Other")), many);
        emulator.resetCounters();

        JsonNode result = ToolCalls.ok(client, "smartsheet_search", Map.of("sheet_id", Long.toString(big),
                "pattern", "hello", "options", Map.of("columns", List.of("Text"))));

        assertThat(result.path("row_ids")).hasSize(20_000);
        assertThat(result.path("matches")).hasSize(500);
        JsonNode info = result.path("metadata").path("search_info");
        assertThat(info.path("truncated").asBoolean()).isTrue();
        assertThat(info.path("total_matches").asInt()).isEqualTo(20_000);
        assertThat(info.path("match_details_returned").asInt()).isEqualTo(500);
        // one columns read, then 20,000 rows in pages of 5,000
        assertThat(emulator.requestCount("GET /sheets/{sheetId}/columns")).isEqualTo(1);
        assertThat(emulator.requestCount("GET /sheets/{sheetId}")).isEqualTo(4);
    }
}
