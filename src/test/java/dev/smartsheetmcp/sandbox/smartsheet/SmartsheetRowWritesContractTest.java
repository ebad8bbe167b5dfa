package dev.smartsheetmcp.sandbox.smartsheet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.SpecSchemas;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmartsheetRowWritesContractTest extends EmulatorContract {

    @Test
    void rejectsMoreThan500RowsPerCall() {
        long ticket = columnId("Ticket");

        ApiClient.Response tooMany = api.post(sheetPath() + "/rows", newRows(501, ticket));

        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.errorCode()).isEqualTo(1061);
        assertThat(emulator.rowIds(demo.sheetId())).hasSize(DemoSheet.ROWS);
        ApiClient.Response justEnough = api.post(sheetPath() + "/rows", newRows(500, ticket));
        assertThat(justEnough.status()).isEqualTo(200);
        assertThat(justEnough.json().path("result")).hasSize(500);
        assertThat(emulator.rowIds(demo.sheetId())).hasSize(DemoSheet.ROWS + 500);
    }

    @Test
    void updatesRowsAndAnswersAResultWithTheNewVersion() {
        long summary = columnId("Summary");
        long row = rowId(0);

        ApiClient.Response response = api.put(sheetPath() + "/rows", List.of(rowUpdate(row, cell(summary, "Short summary"))));

        assertThat(response.status()).isEqualTo(200);
        SpecSchemas.assertValid("Result", response.json());
        assertThat(response.json().path("message").asText()).isEqualTo("SUCCESS");
        assertThat(response.json().path("resultCode").asInt()).isZero();
        assertThat(response.json().path("version").asLong()).isGreaterThan(1);
        JsonNode saved = response.json().path("result").get(0);
        SpecSchemas.assertValid("Row", saved);
        assertThat(saved.path("id").bigIntegerValue().longValueExact()).isEqualTo(row);
        assertThat(emulator.cellValue(demo.sheetId(), row, "Summary")).isEqualTo("Short summary");
    }

    @Test
    void partialSuccessSavesGoodRowsAndListsTheFailedOnes() {
        long summary = columnId("Summary");
        long created = columnId("Created");
        long good = rowId(0);
        long systemWrite = rowId(1);

        ApiClient.Response response = api.put(sheetPath() + "/rows?allowPartialSuccess=true", List.of(
                rowUpdate(good, cell(summary, "ok")),
                rowUpdate(systemWrite, cell(created, "2024-01-01T00:00:00Z")),
                rowUpdate(UNKNOWN_ID, cell(summary, "nowhere"))));

        assertThat(response.status()).isEqualTo(200);
        SpecSchemas.assertValid("Result", response.json());
        assertThat(response.json().path("message").asText()).isEqualTo("PARTIAL_SUCCESS");
        assertThat(response.json().path("resultCode").asInt()).isEqualTo(3);
        assertThat(response.json().path("result")).hasSize(1);
        JsonNode failed = response.json().path("failedItems");
        assertThat(failed).hasSize(2);
        SpecSchemas.assertValid("BulkItemFailure", failed.get(0));
        assertThat(failed.get(0).path("index").asInt()).isEqualTo(1);
        assertThat(failed.get(0).path("rowId").asLong()).isEqualTo(systemWrite);
        assertThat(failed.get(0).path("error").path("errorCode").asInt()).isEqualTo(1046);
        assertThat(failed.get(1).path("index").asInt()).isEqualTo(2);
        assertThat(failed.get(1).path("error").path("errorCode").asInt()).isEqualTo(1006);
        assertThat(emulator.cellValue(demo.sheetId(), good, "Summary")).isEqualTo("ok");
    }

    @Test
    void withoutPartialSuccessOneBadRowFailsTheWholeCall() {
        long summary = columnId("Summary");
        long followUp = columnId("Needs Follow-up");
        long good = rowId(0);

        ApiClient.Response response = api.put(sheetPath() + "/rows", List.of(
                rowUpdate(good, cell(summary, "ok")),
                rowUpdate(rowId(1), cell(followUp, true))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo(1302);
        assertThat(response.json().path("detail").path("index").asInt()).isEqualTo(1);
        assertThat(emulator.cellValue(demo.sheetId(), good, "Summary")).isNull();
        assertThat(emulator.cellWriteCount(demo.sheetId(), good, "Summary")).isZero();
    }

    @Test
    void rejectsCellValuesOver4000Characters() {
        ApiClient.Response response = api.put(sheetPath() + "/rows",
                List.of(rowUpdate(rowId(0), cell(columnId("Summary"), "x".repeat(4001)))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo(1041);
    }

    @Test
    void rejectsUnknownAndRepeatedColumnIds() {
        long summary = columnId("Summary");

        ApiClient.Response unknown = api.put(sheetPath() + "/rows",
                List.of(rowUpdate(rowId(0), cell(UNKNOWN_ID, "x"))));
        ApiClient.Response repeated = api.put(sheetPath() + "/rows",
                List.of(rowUpdate(rowId(0), cell(summary, "a"), cell(summary, "b"))));

        assertThat(unknown.errorCode()).isEqualTo(1036);
        assertThat(repeated.errorCode()).isEqualTo(1037);
    }

    @Test
    void checkboxesTakeBooleansUnlessStrictIsOff() {
        long resolved = columnId("Resolved");
        long row = rowId(0);

        ApiClient.Response strict = api.put(sheetPath() + "/rows", List.of(rowUpdate(row, cell(resolved, "yes"))));
        ApiClient.Response lenient = api.put(sheetPath() + "/rows", List.of(rowUpdate(row,
                Map.of("columnId", resolved, "value", "yes", "strict", false))));

        assertThat(strict.errorCode()).isEqualTo(1042);
        assertThat(lenient.status()).isEqualTo(200);
        assertThat(emulator.cellValue(demo.sheetId(), row, "Resolved")).isEqualTo(true);
    }

    @Test
    void picklistsAcceptValuesOutsideTheirOptions() {
        long row = rowId(0);

        ApiClient.Response response = api.put(sheetPath() + "/rows",
                List.of(rowUpdate(row, cell(columnId("Sentiment"), "Bittersweet"))));

        assertThat(response.status()).isEqualTo(200);
        assertThat(emulator.cellValue(demo.sheetId(), row, "Sentiment")).isEqualTo("Bittersweet");
    }

    @Test
    void storesCellFormulasAsWritten() {
        long row = rowId(0);
        long interpretation = columnId("Interpretation");

        api.put(sheetPath() + "/rows", List.of(rowUpdate(row, Map.of("columnId", interpretation, "formula", "=[Rating]1 * 2"))));
        ApiClient.Response read = api.get(sheetPath() + "/rows/" + row);
        ApiClient.Response noEquals = api.put(sheetPath() + "/rows",
                List.of(rowUpdate(row, Map.of("columnId", interpretation, "formula", "[Rating]1"))));

        JsonNode cell = cellIn(read.json(), interpretation);
        assertThat(cell.path("formula").asText()).isEqualTo("=[Rating]1 * 2");
        assertThat(noEquals.errorCode()).isEqualTo(1162);
    }

    @Test
    void countsEachApiWriteOfACellButNotAPersonsEdit() {
        long summary = columnId("Summary");
        long row = rowId(3);

        api.put(sheetPath() + "/rows", List.of(rowUpdate(row, cell(summary, "first"))));
        emulator.editCellAsPerson(demo.sheetId(), row, "Summary", "typed by hand");

        assertThat(emulator.cellWriteCount(demo.sheetId(), row, "Summary")).isEqualTo(1);
        assertThat(emulator.cellValue(demo.sheetId(), row, "Summary")).isEqualTo("typed by hand");
        api.put(sheetPath() + "/rows", List.of(rowUpdate(row, cell(summary, "second"))));
        assertThat(emulator.cellWriteCount(demo.sheetId(), row, "Summary")).isEqualTo(2);
    }

    @Test
    void addsRowsToTheTopInRequestOrder() {
        long ticket = columnId("Ticket");

        ApiClient.Response response = api.post(sheetPath() + "/rows", List.of(
                Map.of("toTop", true, "cells", List.of(cell(ticket, "TOP-1"))),
                Map.of("toTop", true, "cells", List.of(cell(ticket, "TOP-2")))));

        assertThat(response.json().path("result").get(0).path("rowNumber").asInt()).isEqualTo(1);
        assertThat(response.json().path("result").get(1).path("rowNumber").asInt()).isEqualTo(2);
        List<Long> ids = emulator.rowIds(demo.sheetId());
        assertThat(emulator.cellValue(demo.sheetId(), ids.get(0), "Ticket")).isEqualTo("TOP-1");
        assertThat(emulator.cellValue(demo.sheetId(), ids.get(1), "Ticket")).isEqualTo("TOP-2");
    }

    @Test
    void writesMultiPicklistCellsThroughObjectValue() {
        long sheetId = emulator.createSheet(null, "Tags", List.of(ColumnSpec.primary("Name"),
                ColumnSpec.multiPicklist("Tags", "red", "green", "blue")), List.of(Map.of("Name", "one")));
        ApiClient.Response sheet = api.get("/sheets/" + sheetId);
        long tags = sheet.json().path("columns").get(1).path("id").asLong();
        long row = sheet.json().path("rows").get(0).path("id").asLong();

        api.put("/sheets/" + sheetId + "/rows", List.of(rowUpdate(row, Map.of("columnId", tags,
                "objectValue", Map.of("objectType", "MULTI_PICKLIST", "values", List.of("red", "blue"))))));
        JsonNode cell = cellIn(api.get("/sheets/" + sheetId + "?include=objectValue&level=2").json()
                .path("rows").get(0), tags);

        assertThat(cell.path("value").asText()).isEqualTo("red, blue");
        assertThat(cell.path("objectValue").path("values")).extracting(JsonNode::asText).containsExactly("red", "blue");
    }

    @Test
    void deletesRowsAllOrNothingUnlessNotFoundIsIgnored() {
        long first = rowId(0);
        long second = rowId(1);

        ApiClient.Response strict = api.delete(sheetPath() + "/rows?ids=" + first + "," + UNKNOWN_ID);
        assertThat(strict.status()).isEqualTo(404);
        assertThat(strict.errorCode()).isEqualTo(1006);
        assertThat(emulator.rowIds(demo.sheetId())).contains(first);

        ApiClient.Response lenient = api.delete(sheetPath() + "/rows?ids=" + first + "," + second + ","
                + UNKNOWN_ID + "&ignoreRowsNotFound=true");
        assertThat(lenient.status()).isEqualTo(200);
        SpecSchemas.assertValid("Result", lenient.json());
        assertThat(lenient.json().path("result")).extracting(JsonNode::asLong).containsExactly(first, second);
        assertThat(emulator.rowIds(demo.sheetId())).doesNotContain(first, second).hasSize(DemoSheet.ROWS - 2);
        assertThat(emulator.requestCount("DELETE /sheets/{sheetId}/rows")).isEqualTo(2);
    }

    static JsonNode cellIn(JsonNode row, long columnId) {
        for (JsonNode cell : row.path("cells")) if (cell.path("columnId").asLong() == columnId) return cell;
        throw new AssertionError("no cell for column " + columnId + " in " + row);
    }
}
