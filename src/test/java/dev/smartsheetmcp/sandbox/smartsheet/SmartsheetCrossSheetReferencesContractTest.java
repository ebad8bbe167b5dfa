package dev.smartsheetmcp.sandbox.smartsheet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.SpecSchemas;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cross-sheet references: create, list, get, their status as the source changes, and formulas naming them. */
class SmartsheetCrossSheetReferencesContractTest extends EmulatorContract {

    private long source;
    private long sku;
    private long price;

    @BeforeEach
    void seedSource() {
        source = emulator.createSheet(null, "Price List", List.of(ColumnSpec.primary("SKU"), ColumnSpec.text("Price"),
                ColumnSpec.text("Notes")), List.of(Map.of("SKU", "A-1", "Price", 10), Map.of("SKU", "B-2", "Price", 20)));
        sku = emulator.columnId(source, "SKU");
        price = emulator.columnId(source, "Price");
    }

    @Test
    void createsListsAndGetsReferencesInTheSpecsShapes() {
        ApiClient.Response created = api.post(sheetPath() + "/crosssheetreferences",
                Map.of("name", "Prices", "sourceSheetId", source, "startColumnId", sku, "endColumnId", price));
        ApiClient.Response auto = api.post(sheetPath() + "/crosssheetreferences",
                Map.of("sourceSheetId", source, "startColumnId", price, "endColumnId", price));

        assertThat(created.status()).isEqualTo(200);
        SpecSchemas.assertValid("Result", created.json());
        JsonNode reference = created.json().path("result");
        SpecSchemas.assertValid("CrossSheetReference", reference);
        assertThat(reference.path("id").bigIntegerValue()).isGreaterThan(BigInteger.TWO.pow(53));
        assertThat(reference.path("sourceSheetId").asLong()).isEqualTo(source);
        assertThat(reference.path("status").asText()).isEqualTo("OK");
        assertThat(auto.json().path("result").path("name").asText()).isEqualTo("Price List Range 1");
        JsonNode list = api.get(sheetPath() + "/crosssheetreferences?pageSize=1&page=2").json();
        SpecSchemas.assertValid("IndexResult", list);
        assertThat(list.path("totalCount").asInt()).isEqualTo(2);
        assertThat(list.path("data").get(0).path("name").asText()).isEqualTo("Price List Range 1");
        JsonNode one = api.get(sheetPath() + "/crosssheetreferences/" + reference.path("id").asLong()).json();
        SpecSchemas.assertValid("CrossSheetReference", one);
        assertThat(one.path("startColumnId").asLong()).isEqualTo(sku);
        JsonNode sheet = api.get(sheetPath() + "?include=crossSheetReferences&pageSize=1").json();
        assertThat(sheet.path("crossSheetReferences").findValuesAsText("name")).containsExactly("Prices", "Price List Range 1");
    }

    @Test
    void refusesWhatSmartsheetRefuses() {
        api.post(sheetPath() + "/crosssheetreferences", Map.of("name", "Prices", "sourceSheetId", source,
                "startColumnId", price, "endColumnId", price));
        long hidden = emulator.createSheet(null, "Hidden", List.of(ColumnSpec.primary("A")), List.of());
        emulator.denyAccess(hidden);

        assertError(Map.of("startColumnId", price, "endColumnId", price), 400, 1012);
        assertError(Map.of("sourceSheetId", source, "startColumnId", price), 400, 1012);
        assertError(Map.of("sourceSheetId", source), 400, 1012);
        assertError(Map.of("sourceSheetId", UNKNOWN_ID, "startColumnId", price, "endColumnId", price), 404, 1006);
        assertError(Map.of("sourceSheetId", hidden, "startColumnId", price, "endColumnId", price), 403, 1004);
        assertError(Map.of("sourceSheetId", source, "startColumnId", UNKNOWN_ID, "endColumnId", price), 400, 1036);
        assertError(Map.of("sourceSheetId", source, "startRowId", UNKNOWN_ID, "endRowId", UNKNOWN_ID), 400, 1031);
        assertError(Map.of("name", "PRICES", "sourceSheetId", source, "startColumnId", sku, "endColumnId", sku), 400, 1031);
        assertThat(api.get(sheetPath() + "/crosssheetreferences/" + UNKNOWN_ID).errorCode()).isEqualTo(1006);
        assertThat(api.get("/sheets/" + UNKNOWN_ID + "/crosssheetreferences").errorCode()).isEqualTo(1006);
    }

    @Test
    void aReferenceBreaksWhenItsSourceOrAnEdgeOfItsRangeGoes() {
        long firstRow = emulator.rowIds(source).get(0);
        long secondRow = emulator.rowIds(source).get(1);
        api.post(sheetPath() + "/crosssheetreferences", Map.of("name", "Rows", "sourceSheetId", source,
                "startRowId", firstRow, "endRowId", secondRow));
        api.post(sheetPath() + "/crosssheetreferences", Map.of("name", "Notes", "sourceSheetId", source,
                "startColumnId", emulator.columnId(source, "Notes"), "endColumnId", emulator.columnId(source, "Notes")));
        api.post(sheetPath() + "/crosssheetreferences", Map.of("name", "Skus", "sourceSheetId", source,
                "startColumnId", sku, "endColumnId", sku));

        emulator.deleteRows(source, List.of(secondRow));
        emulator.deleteColumn(source, "Notes");

        assertThat(statuses()).containsExactly("BROKEN", "BROKEN", "OK");
        emulator.denyAccess(source);
        assertThat(statuses()).containsExactly("NOT-SHARED", "NOT-SHARED", "NOT-SHARED");
        emulator.deleteSheet(source);
        assertThat(statuses()).containsExactly("BROKEN", "BROKEN", "BROKEN");
    }

    @Test
    void formulasNamingAnUnknownOrBrokenReferenceShowSmartsheetsErrors() {
        api.post(sheetPath() + "/crosssheetreferences", Map.of("name", "Prices", "sourceSheetId", source,
                "startColumnId", price, "endColumnId", price));
        long summary = columnId("Summary");
        long row = rowId(0);

        ApiClient.Response written = api.put(sheetPath() + "/rows", List.of(Map.of("id", row, "cells", List.of(
                Map.of("columnId", summary, "formula", "=SUM({prices})")))));
        assertThat(written.status()).isEqualTo(200);
        assertThat(cell(row, summary).path("formula").asText()).isEqualTo("=SUM({prices})");
        assertThat(cell(row, summary).has("value")).isFalse();

        api.put(sheetPath() + "/rows", List.of(Map.of("id", row, "cells", List.of(
                Map.of("columnId", summary, "formula", "=COUNT({Nothing}) + LEN(\"{Prices}\")")))));
        assertThat(cell(row, summary).path("value").asText()).isEqualTo("#UNPARSEABLE");

        api.put(sheetPath() + "/rows", List.of(Map.of("id", row, "cells", List.of(
                Map.of("columnId", summary, "formula", "=SUM({Prices})")))));
        emulator.deleteColumn(source, "Price");
        assertThat(cell(row, summary).path("value").asText()).isEqualTo("#INVALID REF");
    }

    private List<String> statuses() {
        return api.get(sheetPath() + "/crosssheetreferences?includeAll=true").json().path("data").findValuesAsText("status");
    }

    private JsonNode cell(long rowId, long columnId) {
        for (JsonNode cell : api.get(sheetPath() + "/rows/" + rowId).json().path("cells")) {
            if (cell.path("columnId").asLong() == columnId) return cell;
        }
        throw new AssertionError("no cell");
    }

    private void assertError(Map<String, Object> body, int status, int errorCode) {
        ApiClient.Response response = api.post(sheetPath() + "/crosssheetreferences", body);
        assertThat(response.status()).as(body.toString()).isEqualTo(status);
        assertThat(response.errorCode()).as(body.toString()).isEqualTo(errorCode);
        SpecSchemas.assertValid("Error", response.json());
    }
}
