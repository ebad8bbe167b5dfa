package dev.smartsheetmcp.sheets.rows;

import static dev.smartsheetmcp.sheets.rows.RowsFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

@SandboxApplication("tools.rows.page-size=700")
class BulkUpdateAndRowIdsToolTest {

    private static SandboxApp app;
    private static McpSyncClient client;
    private static RowsFixture fixture;
    private static SmartsheetEmulator emulator;

    @BeforeAll
    static void setUp() throws Exception {
        fixture = new RowsFixture(app, client);
        emulator = fixture.emulator();
    }

    private static Map<String, Object> condition(String columnId, String operator, Object value) {
        Map<String, Object> condition = new HashMap<>();
        condition.put("columnId", columnId);
        condition.put("operator", operator);
        if (value != null) condition.put("value", value);
        return condition;
    }

    private static Map<String, Object> rule(List<Map<String, Object>> conditions, String columnId, Object value) {
        Map<String, Object> update = new HashMap<>();
        update.put("columnId", columnId);
        update.put("value", value);
        return Map.of("conditions", conditions, "updates", List.of(update));
    }

    private static Map<String, Object> bulk(long sheetId, Map<String, Object>... rules) {
        return Map.of("sheet_id", Long.toString(sheetId), "rules", List.of(rules));
    }

    @Test
    void comparesNumbersNumericallyNotAsText() {
        long sheetId = fixture.sheet("numbers", List.of(row("Name", "nine", "Count", 9L), row("Name", "ten", "Count", "10"),
                row("Name", "hundred", "Count", 100L), row("Name", "text", "Count", "n/a")));
        Map<String, Object> columns = fixture.columnMap(sheetId);
        List<Long> ids = emulator.rowIds(sheetId);

        JsonNode answer = ToolCalls.ok(client, "smartsheet_bulk_update", bulk(sheetId,
                rule(List.of(condition((String) columns.get("Count"), "greaterThan", "9")), (String) columns.get("Notes"), "big")));

        assertThat(answer.path("totalAttempted").asInt()).isEqualTo(2);
        assertThat(answer.path("successCount").asInt()).isEqualTo(2);
        assertThat(answer.path("failureCount").asInt()).isZero();
        assertThat(answer.path("rowsExamined").asInt()).isEqualTo(4);
        assertThat(emulator.cellValue(sheetId, ids.get(0), "Notes")).isNull();
        assertThat(emulator.cellValue(sheetId, ids.get(1), "Notes")).isEqualTo("big");
        assertThat(emulator.cellValue(sheetId, ids.get(2), "Notes")).isEqualTo("big");
        assertThat(emulator.cellValue(sheetId, ids.get(3), "Notes")).isNull();
    }

    @Test
    void comparesDatesAsDatesAndCombinesConditionsWithAnd() {
        long sheetId = fixture.sheet("dates", List.of(
                row("Name", "early", "Due", "2025-12-31", "Status", "Open"),
                row("Name", "late open", "Due", "2026-02-01", "Status", "Open"),
                row("Name", "late closed", "Due", "2026-03-01", "Status", "Closed"),
                row("Name", "no date", "Status", "Open")));
        Map<String, Object> columns = fixture.columnMap(sheetId);
        List<Long> ids = emulator.rowIds(sheetId);

        JsonNode answer = ToolCalls.ok(client, "smartsheet_bulk_update", bulk(sheetId, rule(List.of(
                        condition((String) columns.get("Due"), "greaterThan", "2026-01-15"),
                        condition((String) columns.get("Status"), "equals", "Open")),
                (String) columns.get("Done"), true)));

        assertThat(answer.path("successCount").asInt()).isEqualTo(1);
        assertThat(emulator.cellValue(sheetId, ids.get(1), "Done")).isEqualTo(true);
        assertThat(emulator.cellValue(sheetId, ids.get(0), "Done")).isNull();
        assertThat(emulator.cellValue(sheetId, ids.get(2), "Done")).isNull();
    }

    @Test
    void containsIgnoresCaseAndIsEmptyFindsBlankCells() {
        long sheetId = fixture.sheet("text", List.of(row("Name", "Urgent: fix"), row("Name", "later", "Notes", "x"), row("Name", "calm")));
        Map<String, Object> columns = fixture.columnMap(sheetId);
        List<Long> ids = emulator.rowIds(sheetId);

        ToolCalls.ok(client, "smartsheet_bulk_update", bulk(sheetId,
                rule(List.of(condition((String) columns.get("Name"), "contains", "URGENT")), (String) columns.get("Status"), "Open"),
                rule(List.of(condition((String) columns.get("Notes"), "isEmpty", null)), (String) columns.get("Count"), 0)));

        assertThat(emulator.cellValue(sheetId, ids.get(0), "Status")).isEqualTo("Open");
        assertThat(emulator.cellValue(sheetId, ids.get(1), "Status")).isNull();
        assertThat(emulator.cellValue(sheetId, ids.get(0), "Count")).isEqualTo(0L);
        assertThat(emulator.cellValue(sheetId, ids.get(1), "Count")).isNull();
    }

    @Test
    void readsOnlyTheConditionColumnsPageByPageAndWritesInBatches() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 1500; i++) rows.add(row("Name", "r" + i, "Count", (long) i));
        long sheetId = fixture.sheet("paged", rows);
        Map<String, Object> columns = fixture.columnMap(sheetId);
        emulator.resetCounters();

        Map<String, Object> arguments = new HashMap<>(bulk(sheetId,
                rule(List.of(condition((String) columns.get("Count"), "lessThan", 1200)), (String) columns.get("Status"), "Open")));
        arguments.put("options", Map.of("batchSize", 250, "lenientMode", true));
        JsonNode answer = ToolCalls.ok(client, "smartsheet_bulk_update", arguments);

        assertThat(answer.path("successCount").asInt()).isEqualTo(1200);
        assertThat(emulator.requestCount("GET /sheets/{sheetId}/columns")).isEqualTo(1);
        assertThat(emulator.requestCount("GET /sheets/{sheetId}")).isEqualTo(3);
        assertThat(emulator.requestCount("PUT /sheets/{sheetId}/rows")).isEqualTo(5);
        List<Long> ids = emulator.rowIds(sheetId);
        assertThat(emulator.cellValue(sheetId, ids.get(1199), "Status")).isEqualTo("Open");
        assertThat(emulator.cellValue(sheetId, ids.get(1200), "Status")).isNull();
    }

    @Test
    void matchingRowsAreWrittenInBatchesOfBatchSize() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) rows.add(row("Name", "r" + i));
        long sheetId = fixture.sheet("batches", rows);
        Map<String, Object> columns = fixture.columnMap(sheetId);
        Map<String, Object> arguments = new HashMap<>(bulk(sheetId,
                rule(List.of(condition((String) columns.get("Name"), "isNotEmpty", null)), (String) columns.get("Notes"), "ok")));
        arguments.put("options", Map.of("batchSize", 2));
        List<Long> ids = emulator.rowIds(sheetId);
        emulator.resetCounters();
        JsonNode answer = ToolCalls.ok(client, "smartsheet_bulk_update", arguments);

        assertThat(answer.path("successCount").asInt()).isEqualTo(6);
        assertThat(emulator.requestCount("PUT /sheets/{sheetId}/rows")).isEqualTo(3);
        assertThat(emulator.cellValue(sheetId, ids.get(5), "Notes")).isEqualTo("ok");
    }

    @Test
    void unknownColumnsAndComputedColumnsAreRefusedBeforeAnythingIsWritten() {
        long sheetId = fixture.sheet("bulk-refused", List.of(row("Name", "a", "Count", 1L)));
        Map<String, Object> columns = fixture.columnMap(sheetId);
        emulator.resetCounters();

        assertThat(ToolCalls.error(client, "smartsheet_bulk_update", bulk(sheetId,
                rule(List.of(condition("999", "equals", "a")), (String) columns.get("Notes"), "x"))))
                .contains("rules[0].conditions[0].columnId");
        assertThat(ToolCalls.error(client, "smartsheet_bulk_update", bulk(sheetId,
                rule(List.of(condition((String) columns.get("Name"), "equals", "a")), (String) columns.get("Created"), "x"))))
                .contains("rules[0].updates[0].columnId").contains("system column");
        assertThat(ToolCalls.error(client, "smartsheet_bulk_update", bulk(sheetId,
                rule(List.of(condition((String) columns.get("Due"), "lessThan", "soon")), (String) columns.get("Notes"), "x"))))
                .contains("rules[0].conditions[0].value").contains("date");
        assertThat(ToolCalls.error(client, "smartsheet_bulk_update", bulk(sheetId,
                rule(List.of(condition((String) columns.get("Name"), "equals", "a")), (String) columns.get("Notes"), "x".repeat(4001)))))
                .contains("rules[0].updates[0].value");

        assertThat(emulator.requestCount("PUT /sheets/{sheetId}/rows")).isZero();
        assertThat(emulator.requestCount("GET /sheets/{sheetId}")).isZero();
    }

    @Test
    void listsEveryRowIdInSheetOrderReadingOnlyThePrimaryColumn() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 2000; i++) rows.add(row("Name", "r" + i, "Notes", "some text " + i));
        long sheetId = fixture.sheet("row-ids", rows);
        emulator.resetCounters();

        JsonNode answer = ToolCalls.ok(client, "get_all_row_ids", Map.of("sheet_id", Long.toString(sheetId)));

        List<String> expected = emulator.rowIds(sheetId).stream().map(String::valueOf).toList();
        List<String> actual = new ArrayList<>();
        answer.path("row_ids").forEach(id -> actual.add(id.asText()));
        assertThat(actual).isEqualTo(expected);
        assertThat(answer.path("total_count").asInt()).isEqualTo(2000);
        assertThat(emulator.requestCount("GET /sheets/{sheetId}")).isEqualTo(1 + 3);
    }

    @Test
    void anEmptySheetHasNoRowIds() {
        long sheetId = fixture.sheet("no-rows", List.of());
        JsonNode answer = ToolCalls.ok(client, "get_all_row_ids", Map.of("sheet_id", Long.toString(sheetId)));
        assertThat(answer.path("row_ids")).isEmpty();
        assertThat(answer.path("total_count").asInt()).isZero();
    }

    @Test
    void anUnknownSheetIsASmartsheetError() {
        assertThat(ToolCalls.error(client, "get_all_row_ids", Map.of("sheet_id", "9999999999999999"))).contains("Smartsheet error 1006");
    }
}
