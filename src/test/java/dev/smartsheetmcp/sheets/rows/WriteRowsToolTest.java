package dev.smartsheetmcp.sheets.rows;

import static dev.smartsheetmcp.sheets.rows.RowsFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smartsheetmcp.testing.ToolCalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WriteRowsToolTest extends RowsToolTest {

    private static Map<String, Object> write(long sheetId, List<Map<String, Object>> rows) {
        return Map.of("sheet_id", Long.toString(sheetId), "row_data", rows, "column_map", fixture.columnMap(sheetId));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    @Test
    void addsRowsAtTheBottomAndAnswersTheirIdsInInputOrder() {
        long sheetId = fixture.sheet("bottom", List.of(row("Name", "existing 1"), row("Name", "existing 2")));
        JsonNode answer = ToolCalls.ok(client, "smartsheet_write", write(sheetId, List.of(
                row("Name", "first", "Count", 1, "Done", true, "Due", "2026-01-31"),
                row("Name", "second", "Status", "Open", "Tags", List.of("red", "blue")),
                row("Name", "third", "Notes", "plain text"))));

        List<Long> rowIds = emulator.rowIds(sheetId);
        assertThat(answer.path("rows_added").asInt()).isEqualTo(3);
        assertThat(texts(answer.path("row_ids"))).containsExactly(
                rowIds.get(2).toString(), rowIds.get(3).toString(), rowIds.get(4).toString());
        assertThat(emulator.cellValue(sheetId, rowIds.get(2), "Name")).isEqualTo("first");
        assertThat(emulator.cellValue(sheetId, rowIds.get(2), "Done")).isEqualTo(true);
        assertThat(emulator.cellValue(sheetId, rowIds.get(3), "Tags")).isEqualTo("red, blue");
        assertThat(answer.path("failed")).isEmpty();
        assertThat(answer.path("duplicates_skipped")).isEmpty();
    }

    @Test
    void writesTwelveHundredRowsWithOneReadAndThreePosts() {
        long sheetId = fixture.sheet("bulk", List.of(row("Name", "already here")));
        Map<String, Object> arguments = write(sheetId, manyRows(1200));
        emulator.resetCounters();

        JsonNode answer = ToolCalls.ok(client, "smartsheet_write", arguments);

        assertThat(answer.path("rows_added").asInt()).isEqualTo(1200);
        assertThat(emulator.requestCount("GET /sheets/{sheetId}")).isEqualTo(1);
        assertThat(emulator.requestCount("POST /sheets/{sheetId}/rows")).isEqualTo(3);
        List<Long> rowIds = emulator.rowIds(sheetId);
        assertThat(texts(answer.path("row_ids"))).isEqualTo(rowIds.subList(1, 1201).stream().map(String::valueOf).toList());
        assertThat(emulator.cellValue(sheetId, rowIds.get(1200), "Name")).isEqualTo("row 1199");
    }

    @Test
    void skipsRowsEqualToAnExistingRowOrToAnEarlierRowOfTheCall() {
        long sheetId = fixture.sheet("duplicates", List.of(row("Name", "A", "Count", 5L)));
        long existing = emulator.rowIds(sheetId).get(0);

        JsonNode answer = ToolCalls.ok(client, "smartsheet_write", write(sheetId, List.of(
                row("Name", "A", "Count", "5"),
                row("Name", "B"),
                row("Name", "B"),
                row("Name", "A", "Count", 6),
                row("Name", "a", "Count", 5))));

        assertThat(answer.path("rows_added").asInt()).isEqualTo(3);
        assertThat(answer.path("duplicates_skipped")).hasSize(2);
        assertThat(answer.path("duplicates_skipped").get(0).path("index").asInt()).isEqualTo(0);
        assertThat(answer.path("duplicates_skipped").get(0).path("duplicate_of").asText()).isEqualTo("row " + existing);
        assertThat(answer.path("duplicates_skipped").get(1).path("index").asInt()).isEqualTo(2);
        assertThat(answer.path("duplicates_skipped").get(1).path("duplicate_of").asText()).isEqualTo("row_data[1]");
        assertThat(emulator.rowIds(sheetId)).hasSize(4);
    }

    @Test
    void aCallOfOnlyDuplicatesSendsNothingAndIsNoError() {
        long sheetId = fixture.sheet("all-duplicates", List.of(row("Name", "A", "Done", false)));
        Map<String, Object> arguments = write(sheetId, List.of(row("Name", "A"), row("Name", "A", "Done", false)));
        emulator.resetCounters();

        JsonNode answer = ToolCalls.ok(client, "smartsheet_write", arguments);

        assertThat(answer.path("rows_added").asInt()).isZero();
        assertThat(answer.path("duplicates_skipped")).hasSize(2);
        assertThat(emulator.requestCount("POST /sheets/{sheetId}/rows")).isZero();
    }

    @Test
    void writesDuplicatesWhenSkipDuplicatesIsFalseReadingOnlyOneRow() {
        long sheetId = fixture.sheet("no-skip", List.of(row("Name", "A")));
        Map<String, Object> arguments = new java.util.HashMap<>(write(sheetId, List.of(row("Name", "A"), row("Name", "A"))));
        arguments.put("skip_duplicates", false);

        JsonNode answer = ToolCalls.ok(client, "smartsheet_write", arguments);

        assertThat(answer.path("rows_added").asInt()).isEqualTo(2);
        assertThat(emulator.rowIds(sheetId)).hasSize(3);
    }

    @Test
    void systemAndFormulaColumnsAreSkippedAndReported() {
        long sheetId = fixture.sheet("skipped", List.of());
        JsonNode answer = ToolCalls.ok(client, "smartsheet_write", write(sheetId, List.of(
                row("Name", "x", "Created", "2020-01-01", "Double", 4))));

        assertThat(answer.path("rows_added").asInt()).isEqualTo(1);
        assertThat(answer.path("skipped_columns").findValuesAsText("column")).containsExactly("Created", "Double");
    }

    @Test
    void picklistValuesOutsideTheOptionsAreKeptUnlessTheColumnIsValidated() {
        long sheetId = fixture.sheet("picklist", List.of());
        JsonNode answer = ToolCalls.ok(client, "smartsheet_write", write(sheetId, List.of(row("Name", "x", "Status", "Someday"))));
        assertThat(answer.path("rows_added").asInt()).isEqualTo(1);

        fixture.validate(sheetId, "Status");
        String error = ToolCalls.error(client, "smartsheet_write", write(sheetId, List.of(row("Name", "y", "Status", "Never"))));
        assertThat(error).contains("row_data[0].Status").contains("Open, Closed");
        assertThat(emulator.rowIds(sheetId)).hasSize(1);
    }

    @Test
    void anUnknownTitleIsRefusedNamingTheFieldAndNothingIsWritten() {
        long sheetId = fixture.sheet("unknown-title", List.of(row("Name", "kept")));
        emulator.resetCounters();
        String error = ToolCalls.error(client, "smartsheet_write", write(sheetId, List.of(row("Name", "ok"), row("Name", "x", "Colour", "red"))));

        assertThat(error).contains("row_data[1].Colour").contains("not a key of column_map");
        assertThat(emulator.rowIds(sheetId)).hasSize(1);
        assertThat(emulator.requestCount("POST /sheets/{sheetId}/rows")).isZero();
    }

    @Test
    void aColumnIdThatNamesNoColumnOfTheSheetIsRefused() {
        long sheetId = fixture.sheet("wrong-id", List.of());
        Map<String, Object> columnMap = new java.util.HashMap<>(fixture.columnMap(sheetId));
        columnMap.put("Ghost", "123456789");
        String error = ToolCalls.error(client, "smartsheet_write",
                Map.of("sheet_id", Long.toString(sheetId), "row_data", List.of(row("Name", "x", "Ghost", 1)), "column_map", columnMap));

        assertThat(error).contains("row_data[0].Ghost").contains("123456789");
        assertThat(emulator.rowIds(sheetId)).isEmpty();
    }

    @Test
    void aValueOverFourThousandCharactersIsRefusedAndNothingIsWritten() {
        long sheetId = fixture.sheet("too-long", List.of(row("Name", "kept")));
        String error = ToolCalls.error(client, "smartsheet_write", write(sheetId, List.of(
                row("Name", "fine"), row("Name", "long", "Notes", "x".repeat(4001)))));

        assertThat(error).contains("row_data[1].Notes").contains("4,001").contains("4,000");
        assertThat(emulator.rowIds(sheetId)).hasSize(1);
    }

    @Test
    void aListForAColumnThatIsNotAMultiPicklistIsRefused() {
        long sheetId = fixture.sheet("list-in-text", List.of());
        String error = ToolCalls.error(client, "smartsheet_write", write(sheetId, List.of(row("Name", "x", "Notes", List.of("a", "b")))));

        assertThat(error).contains("row_data[0].Notes").contains("MULTI_PICKLIST");
        assertThat(emulator.rowIds(sheetId)).isEmpty();
    }

    @Test
    void aCheckboxTakesOnlyBooleansAndADateOnlyIsoDates() {
        long sheetId = fixture.sheet("typed", List.of());
        assertThat(ToolCalls.error(client, "smartsheet_write", write(sheetId, List.of(row("Name", "x", "Done", "yes")))))
                .contains("row_data[0].Done").contains("CHECKBOX");
        assertThat(ToolCalls.error(client, "smartsheet_write", write(sheetId, List.of(row("Name", "x", "Due", "31/01/2026")))))
                .contains("row_data[0].Due").contains("ISO 8601");
        assertThat(emulator.rowIds(sheetId)).isEmpty();
    }

    @Test
    void aSheetIdThatIsNotANumberIsRefused() {
        long sheetId = fixture.sheet("bad-sheet-id", List.of());
        Map<String, Object> arguments = new java.util.HashMap<>(write(sheetId, List.of(row("Name", "x"))));
        arguments.put("sheet_id", "12ab");
        assertThat(ToolCalls.error(client, "smartsheet_write", arguments)).contains("sheet_id");
        assertThat(emulator.rowIds(sheetId)).isEmpty();
    }

    @Test
    void rowsPlacedToTopKeepTheirOrder() {
        long sheetId = fixture.sheet("to-top", List.of(row("Name", "old")));
        JsonNode answer = ToolCalls.ok(client, "smartsheet_write", write(sheetId, List.of(
                row("Name", "new 1", "toTop", true), row("Name", "new 2", "toTop", true))));

        List<Long> rowIds = emulator.rowIds(sheetId);
        assertThat(texts(answer.path("row_ids"))).containsExactly(rowIds.get(0).toString(), rowIds.get(1).toString());
        assertThat(emulator.cellValue(sheetId, rowIds.get(0), "Name")).isEqualTo("new 1");
    }

    @Test
    void rowsGoingToDifferentPlacesAreRefused() {
        long sheetId = fixture.sheet("mixed-places", List.of());
        String error = ToolCalls.error(client, "smartsheet_write", write(sheetId, List.of(
                row("Name", "a", "toTop", true), row("Name", "b"))));
        assertThat(error).contains("row_data[1]").contains("same place");
    }

    @Test
    void whenSmartsheetRefusesEveryRowTheAnswerListsThemAsAnError() throws Exception {
        long sheetId = fixture.sheet("refused", List.of());
        String error = ToolCalls.error(client, "smartsheet_write", write(sheetId, List.of(
                row("Name", "a", "siblingId", "1234567"), row("Name", "b", "siblingId", "1234567"))));

        JsonNode answer = new ObjectMapper().readTree(error);
        assertThat(answer.path("rows_added").asInt()).isZero();
        assertThat(answer.path("failed")).hasSize(2);
        assertThat(answer.path("failed").get(1).path("index").asInt()).isEqualTo(1);
        assertThat(answer.path("failed").get(0).path("error").asText()).contains("Smartsheet error");
    }

    private static List<Map<String, Object>> manyRows(int count) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) rows.add(row("Name", "row " + i, "Count", i));
        return rows;
    }
}
