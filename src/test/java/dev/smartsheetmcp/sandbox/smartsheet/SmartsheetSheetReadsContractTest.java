package dev.smartsheetmcp.sandbox.smartsheet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.SpecSchemas;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SmartsheetSheetReadsContractTest extends EmulatorContract {

    private static final BigInteger TWO_TO_THE_53 = BigInteger.TWO.pow(53);

    @Test
    void idsAboveTwoToThe53SurviveTheWireAsExactIntegers() {
        JsonNode sheet = api.get(sheetPath()).json();

        List<BigInteger> ids = new ArrayList<>();
        ids.add(sheet.path("id").bigIntegerValue());
        sheet.path("columns").forEach(column -> ids.add(column.path("id").bigIntegerValue()));
        List<Long> rowIds = new ArrayList<>();
        sheet.path("rows").forEach(row -> rowIds.add(row.path("id").bigIntegerValue().longValueExact()));
        rowIds.forEach(id -> ids.add(BigInteger.valueOf(id)));

        assertThat(ids).allSatisfy(id -> {
            assertThat(id).isGreaterThan(TWO_TO_THE_53);
            assertThat(id.toString()).hasSize(16);
        });
        assertThat(sheet.path("id").bigIntegerValue().longValueExact()).isEqualTo(demo.sheetId());
        assertThat(rowIds).isEqualTo(emulator.rowIds(demo.sheetId()));
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        long damaged = rowIds.stream().map(id -> (long) (double) id).filter(id -> !rowIds.contains(id)).findFirst().orElseThrow();
        assertThat(api.get(sheetPath() + "/rows/" + damaged).status())
                .as("a row id that went through a double names nothing").isEqualTo(404);
    }

    @Test
    void returnsEveryRowWhenNoPageIsAsked() {
        JsonNode sheet = api.get(sheetPath()).json();

        assertThat(sheet.path("rows")).hasSize(DemoSheet.ROWS);
        assertThat(sheet.path("totalRowCount").asInt()).isEqualTo(DemoSheet.ROWS);
        assertThat(sheet.path("rows").get(DemoSheet.ROWS - 1).path("rowNumber").asInt()).isEqualTo(DemoSheet.ROWS);
    }

    @Test
    void pagesRowsWithOneBasedPageNumbers() {
        JsonNode lastPage = api.get(sheetPath() + "?pageSize=100&page=6").json();
        JsonNode pastTheEnd = api.get(sheetPath() + "?pageSize=100&page=7").json();
        JsonNode defaultSize = api.get(sheetPath() + "?page=2").json();

        assertThat(lastPage.path("rows")).hasSize(20);
        assertThat(lastPage.path("rows").get(0).path("rowNumber").asInt()).isEqualTo(501);
        assertThat(lastPage.path("totalRowCount").asInt()).isEqualTo(DemoSheet.ROWS);
        assertThat(pastTheEnd.path("rows")).isEmpty();
        assertThat(defaultSize.path("rows")).hasSize(100);
        assertThat(defaultSize.path("rows").get(0).path("rowNumber").asInt()).isEqualTo(101);
        assertThat(api.get(sheetPath() + "?pageSize=0").errorCode()).isEqualTo(1018);
    }

    @Test
    void rowIdsNarrowTheRowsToThoseNamedInSheetOrder() {
        long third = rowId(2);
        long first = rowId(0);

        JsonNode sheet = api.get(sheetPath() + "?rowIds=" + third + "," + first + "," + UNKNOWN_ID).json();

        assertThat(sheet.path("rows")).extracting(row -> row.path("id").asLong()).containsExactly(first, third);
        assertThat(sheet.path("rows").get(1).path("rowNumber").asInt()).isEqualTo(3);
    }

    @Test
    void columnIdsNarrowBothTheColumnsAndTheCells() {
        long feedback = columnId("Feedback");
        long ticket = columnId("Ticket");

        JsonNode sheet = api.get(sheetPath() + "?columnIds=" + feedback + "," + ticket).json();

        assertThat(sheet.path("columns")).extracting(column -> column.path("title").asText())
                .containsExactly("Ticket", "Feedback");
        assertThat(sheet.path("rows")).allSatisfy(row -> assertThat(row.path("cells"))
                .extracting(cell -> cell.path("columnId").asLong()).containsExactly(ticket, feedback));
    }

    @Test
    void answersOnlyTheVersionWhenNothingChangedSinceIt() {
        long version = api.get(sheetPath()).json().path("version").asLong();

        JsonNode unchanged = api.get(sheetPath() + "?ifVersionAfter=" + version).json();
        emulator.editCellAsPerson(demo.sheetId(), rowId(0), "Summary", "changed");
        JsonNode changed = api.get(sheetPath() + "?ifVersionAfter=" + version).json();

        assertThat(unchanged.size()).isEqualTo(1);
        assertThat(unchanged.path("version").asLong()).isEqualTo(version);
        assertThat(changed.path("rows")).hasSize(DemoSheet.ROWS);
    }

    @Test
    void responsesConformToTheSpecSchemas() {
        JsonNode sheet = api.get(sheetPath() + "?include=objectValue,columnType,writerInfo,rowPermalink").json();
        SpecSchemas.assertValid("Sheet", sheet);
        sheet.path("rows").forEach(row -> SpecSchemas.assertValid("Row", row));
        sheet.path("rows").get(0).path("cells").forEach(cell -> SpecSchemas.assertValid("Cell", cell));
        sheet.path("columns").forEach(column -> SpecSchemas.assertValid("Column", column));
        SpecSchemas.assertValid("IndexResult", api.get("/sheets").json());
        SpecSchemas.assertValid("IndexResult", api.get(sheetPath() + "/columns").json());
        SpecSchemas.assertValid("Column", api.get(sheetPath() + "/columns/" + columnId("Rating")).json());
        SpecSchemas.assertValid("Workspace", api.get("/workspaces/" + demo.workspaceId()).json());
        SpecSchemas.assertValid("Error", api.get("/sheets/" + UNKNOWN_ID).json());
    }

    @Test
    void theSchemaCheckCatchesViolationsBehindReferences() throws Exception {
        JsonNode bad = ApiClient.JSON.readTree("""
                {"id": "not-a-number", "columns": [{"type": "SPREADSHEET"}], "rows": [{"rowNumber": 0}]}""");

        assertThat(SpecSchemas.violations("Sheet", bad)).hasSize(3);
    }

    @Test
    void theDemoSheetHasTheDocumentedLayout() {
        JsonNode sheet = api.get(sheetPath()).json();

        assertThat(sheet.path("name").asText()).isEqualTo("Customer Feedback");
        assertThat(sheet.path("workspace").path("name").asText()).isEqualTo("Demo Workspace");
        assertThat(sheet.path("columns")).extracting(column -> column.path("title").asText() + ":" + column.path("type").asText())
                .containsExactly("Ticket:TEXT_NUMBER", "Customer:CONTACT_LIST", "Channel:PICKLIST", "Received:DATE",
                        "Rating:TEXT_NUMBER", "Resolved:CHECKBOX", "Feedback:TEXT_NUMBER", "Summary:TEXT_NUMBER",
                        "Sentiment:PICKLIST", "Interpretation:TEXT_NUMBER", "Needs Follow-up:CHECKBOX",
                        "Created:DATETIME", "Row ID:TEXT_NUMBER");
        assertThat(sheet.path("columns").get(0).path("primary").asBoolean()).isTrue();
        assertThat(sheet.path("columns").get(10).path("formula").asText()).contains("[Rating]", "[Resolved]");
        List<Long> rows = emulator.rowIds(demo.sheetId());
        List<String> texts = rows.stream().map(id -> (String) emulator.cellValue(demo.sheetId(), id, "Feedback")).toList();
        assertThat(texts).filteredOn(text -> text.length() > 1_500).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(text -> assertThat(text.length()).isLessThanOrEqualTo(4_000));
        assertThat(new HashSet<>(texts).size()).isLessThan(texts.size()).isGreaterThan(400);
        assertThat(rows).allSatisfy(id -> {
            assertThat(emulator.cellValue(demo.sheetId(), id, "Summary")).isNull();
            assertThat((long) emulator.cellValue(demo.sheetId(), id, "Rating")).isBetween(1L, 5L);
        });
        assertThat(emulator.cellValue(demo.sheetId(), rows.get(0), "Row ID")).isEqualTo("1");
    }

    @Test
    void seedingTheDemoTwiceGivesTheSameContent() {
        SmartsheetEmulator other = new SmartsheetEmulator(faults, 0);
        SmartsheetEmulator.SeededDemo otherDemo = other.seedDemo();

        List<Long> rows = emulator.rowIds(demo.sheetId());
        List<Long> otherRows = other.rowIds(otherDemo.sheetId());
        assertThat(otherRows).isEqualTo(rows);
        for (int i = 0; i < rows.size(); i += 37) {
            assertThat(other.cellValue(otherDemo.sheetId(), otherRows.get(i), "Feedback"))
                    .isEqualTo(emulator.cellValue(demo.sheetId(), rows.get(i), "Feedback"));
        }
    }

    @Test
    void changeTextRewritesTheAskedFractionOfRows() {
        List<Long> changed = emulator.changeText(demo.sheetId(), "Feedback", 0.1, 7);

        assertThat(changed).hasSize(52);
        assertThat(emulator.cellWriteCount(demo.sheetId(), changed.get(0), "Feedback")).isZero();
        assertThat(emulator.changeText(demo.sheetId(), "Feedback", 0.1, 7)).isEqualTo(changed);
    }

    @Test
    void concurrentBulkUpdatesEachLandExactlyOnce() throws Exception {
        long summary = columnId("Summary");
        List<Long> rows = emulator.rowIds(demo.sheetId());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int batch = 0; batch < 26; batch++) {
                List<Long> slice = rows.subList(batch * 20, batch * 20 + 20);
                calls.add(pool.submit(() -> api.put(sheetPath() + "/rows",
                        slice.stream().map(id -> rowUpdate(id, cell(summary, "s" + id))).toList()).status()));
            }
            for (Future<Integer> call : calls) assertThat(call.get()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }

        assertThat(api.get(sheetPath()).json().path("version").asLong()).as("one new version per call").isEqualTo(1 + 26);
        assertThat(rows).allSatisfy(id -> {
            assertThat(emulator.cellWriteCount(demo.sheetId(), id, "Summary")).isEqualTo(1);
            assertThat(emulator.cellValue(demo.sheetId(), id, "Summary")).isEqualTo("s" + id);
        });
        assertThat(emulator.requestCount("PUT /sheets/{sheetId}/rows")).isEqualTo(26);
    }
}
