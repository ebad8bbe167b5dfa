package dev.smartsheetmcp.sheets.rows;

import static dev.smartsheetmcp.sheets.rows.RowsFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.testing.ToolCalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdateAndDeleteRowsToolTest extends RowsToolTest {

    private static Map<String, Object> update(long sheetId, Object... rowIdsAndData) {
        List<Map<String, Object>> updates = new ArrayList<>();
        for (int i = 0; i < rowIdsAndData.length; i += 2) {
            updates.add(Map.of("row_id", String.valueOf(rowIdsAndData[i]), "data", rowIdsAndData[i + 1]));
        }
        return Map.of("sheet_id", Long.toString(sheetId), "updates", updates, "column_map", fixture.columnMap(sheetId));
    }

    private static long threeRowSheet(String name) {
        return fixture.sheet(name, List.of(row("Name", "a", "Count", 1L), row("Name", "b", "Count", 2L), row("Name", "c", "Count", 3L)));
    }

    @Test
    void updatesOnlyTheNamedCellsAndAnswersTheRowIds() {
        long sheetId = threeRowSheet("update");
        List<Long> ids = emulator.rowIds(sheetId);
        Map<String, Object> arguments = update(sheetId,
                ids.get(0), row("Status", "Closed", "Done", true),
                ids.get(2), row("Count", 30, "Tags", List.of("green")));
        emulator.resetCounters();

        JsonNode answer = ToolCalls.ok(client, "smartsheet_update", arguments);

        assertThat(answer.path("rows_updated").asInt()).isEqualTo(2);
        assertThat(answer.path("row_ids").get(0).asText()).isEqualTo(ids.get(0).toString());
        assertThat(answer.path("failed")).isEmpty();
        assertThat(emulator.cellValue(sheetId, ids.get(0), "Status")).isEqualTo("Closed");
        assertThat(emulator.cellValue(sheetId, ids.get(0), "Name")).isEqualTo("a");
        assertThat(emulator.cellValue(sheetId, ids.get(2), "Tags")).isEqualTo("green");
        assertThat(emulator.requestCount("GET /sheets/{sheetId}")).isEqualTo(1);
        assertThat(emulator.requestCount("PUT /sheets/{sheetId}/rows")).isEqualTo(1);
    }

    @Test
    void anUnknownRowIdFailsAloneWhileTheOtherRowsAreUpdated() {
        long sheetId = threeRowSheet("update-unknown-row");
        List<Long> ids = emulator.rowIds(sheetId);

        JsonNode answer = ToolCalls.ok(client, "smartsheet_update", update(sheetId,
                ids.get(0), row("Notes", "one"),
                "1234567890123", row("Notes", "ghost"),
                ids.get(1), row("Notes", "two")));

        assertThat(answer.path("rows_updated").asInt()).isEqualTo(2);
        assertThat(answer.path("failed")).hasSize(1);
        assertThat(answer.path("failed").get(0).path("row_id").asText()).isEqualTo("1234567890123");
        assertThat(answer.path("failed").get(0).path("error").asText()).contains("Smartsheet error");
        assertThat(emulator.cellValue(sheetId, ids.get(1), "Notes")).isEqualTo("two");
    }

    @Test
    void anEmptyValueClearsTheCell() {
        long sheetId = threeRowSheet("update-clear");
        long first = emulator.rowIds(sheetId).get(0);
        java.util.Map<String, Object> data = new java.util.HashMap<>();
        data.put("Count", null);
        ToolCalls.ok(client, "smartsheet_update", update(sheetId, first, data));
        assertThat(emulator.cellValue(sheetId, first, "Count")).isNull();
    }

    @Test
    void badUpdatesAreRefusedNamingTheFieldAndNothingIsWritten() {
        long sheetId = threeRowSheet("update-refused");
        List<Long> ids = emulator.rowIds(sheetId);
        emulator.resetCounters();

        assertThat(ToolCalls.error(client, "smartsheet_update", update(sheetId, ids.get(0), row("Notes", "ok"), ids.get(1), row("Colour", "red"))))
                .contains("updates[1].data.Colour");
        assertThat(ToolCalls.error(client, "smartsheet_update", update(sheetId, ids.get(0), row("Created", "2020-01-01"))))
                .contains("updates[0].data.Created").contains("system column");
        assertThat(ToolCalls.error(client, "smartsheet_update", update(sheetId, ids.get(0), row("Double", 3))))
                .contains("updates[0].data.Double").contains("formula");
        assertThat(ToolCalls.error(client, "smartsheet_update", update(sheetId, ids.get(0), row("Notes", "x".repeat(4001)))))
                .contains("updates[0].data.Notes").contains("4,000");
        assertThat(ToolCalls.error(client, "smartsheet_update", update(sheetId, "row-1", row("Notes", "x"))))
                .contains("updates[0].row_id").contains("digits");

        assertThat(emulator.requestCount("PUT /sheets/{sheetId}/rows")).isZero();
        assertThat(emulator.cellValue(sheetId, ids.get(0), "Notes")).isNull();
    }

    @Test
    void deletesExistingRowsAndReportsTheIdsThatAreNotInTheSheet() {
        long sheetId = threeRowSheet("delete");
        List<Long> ids = emulator.rowIds(sheetId);

        JsonNode answer = ToolCalls.ok(client, "smartsheet_delete", Map.of("sheet_id", Long.toString(sheetId),
                "row_ids", List.of(ids.get(0).toString(), "4444444444444", ids.get(2).toString())));

        assertThat(answer.path("rows_deleted").asInt()).isEqualTo(2);
        assertThat(answer.path("deleted_row_ids").get(0).asText()).isEqualTo(ids.get(0).toString());
        assertThat(answer.path("deleted_row_ids").get(1).asText()).isEqualTo(ids.get(2).toString());
        assertThat(answer.path("not_found")).hasSize(1);
        assertThat(answer.path("not_found").get(0).asText()).isEqualTo("4444444444444");
        assertThat(emulator.rowIds(sheetId)).containsExactly(ids.get(1));
    }

    @Test
    void deletingManyRowsTakesSeveralShortRequests() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 250; i++) rows.add(row("Name", "r" + i));
        long sheetId = fixture.sheet("delete-many", rows);
        List<String> ids = emulator.rowIds(sheetId).stream().map(String::valueOf).toList();
        emulator.resetCounters();

        JsonNode answer = ToolCalls.ok(client, "smartsheet_delete", Map.of("sheet_id", Long.toString(sheetId), "row_ids", ids));

        assertThat(answer.path("rows_deleted").asInt()).isEqualTo(250);
        assertThat(emulator.rowIds(sheetId)).isEmpty();
        assertThat(emulator.requestCount("DELETE /sheets/{sheetId}/rows")).isEqualTo(3);
    }

    @Test
    void aRowIdThatIsNotANumberIsRefusedAndNothingIsDeleted() {
        long sheetId = threeRowSheet("delete-refused");
        List<Long> ids = emulator.rowIds(sheetId);
        String error = ToolCalls.error(client, "smartsheet_delete", Map.of("sheet_id", Long.toString(sheetId),
                "row_ids", List.of(ids.get(0).toString(), "12x")));
        assertThat(error).contains("row_ids[1]");
        assertThat(emulator.rowIds(sheetId)).hasSize(3);
    }
}
