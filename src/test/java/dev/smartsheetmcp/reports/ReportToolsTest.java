package dev.smartsheetmcp.reports;

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

/** list_reports and get_report against the Smartsheet emulator. */
@SandboxApplication({"tools.reports.page-size=100", "smartsheet.rpm=100000", "sandbox.smartsheet.rpm=100000"})
class ReportToolsTest {

    private static SandboxApp app;
    private static McpSyncClient client;
    private static SmartsheetEmulator smartsheet;
    private static long east;
    private static long west;
    private static long reportId;

    @BeforeAll
    static void setUp() {
        smartsheet = app.sandbox().smartsheet();
        east = smartsheet.createSheet(null, "East", columns(), rows("E", 150));
        west = smartsheet.createSheet(null, "West", columns(), rows("W", 120));
        reportId = smartsheet.createReport("Open items", List.of(east, west), List.of("Item", "Status", "Amount"));
    }

    private static List<ColumnSpec> columns() {
        return List.of(ColumnSpec.primary("Item"), ColumnSpec.text("Status"), ColumnSpec.text("Amount"), ColumnSpec.text("Secret"));
    }

    private static List<Map<String, Object>> rows(String prefix, int count) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) rows.add(Map.of("Item", prefix + i, "Status", i % 3 == 0 ? "Open" : "Done", "Amount", (long) i));
        return rows;
    }

    @Test
    void listsReportsWithIdsAsStringsAndPagesThemWithinTheBudget() {
        for (int i = 0; i < 40; i++) smartsheet.createReport("Filler report number " + i, List.of(east), List.of("Item"));
        JsonNode first = ToolCalls.ok(client, "list_reports", Map.of("max_chars", 1000));
        assertThat(first.path("reports").get(0).path("id").asText()).isEqualTo(Long.toString(reportId));
        assertThat(first.path("reports").get(0).path("name").asText()).isEqualTo("Open items");
        assertThat(first.path("cursor").asText()).isNotBlank();

        List<String> listed = new ArrayList<>();
        JsonNode answer = first;
        while (true) {
            answer.path("reports").forEach(report -> listed.add(report.path("id").asText()));
            if (!answer.hasNonNull("cursor")) break;
            answer = ToolCalls.ok(client, "list_reports", Map.of("max_chars", 1000, "cursor", answer.path("cursor").asText()));
        }
        assertThat(listed).doesNotHaveDuplicates().hasSize(first.path("total_count").asInt()).hasSizeGreaterThanOrEqualTo(41);
    }

    @Test
    void readsEveryReportRowOnceAcrossPagesWithTheSheetEachComesFrom() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("report_id", Long.toString(reportId));
        arguments.put("columns", List.of("Sheet Name", "Item", "Amount"));
        arguments.put("max_chars", 3000);
        List<String> items = new ArrayList<>();
        JsonNode answer = ToolCalls.ok(client, "get_report", arguments);
        assertThat(answer.path("total_rows").asInt()).isEqualTo(270);
        JsonNode firstRow = answer.path("rows").get(0);
        assertThat(firstRow.path("sheet_id").asText()).isEqualTo(Long.toString(east));
        assertThat(firstRow.path("cells").path("Sheet Name").asText()).isEqualTo("East");
        assertThat(firstRow.path("cells").has("Status")).isFalse();
        int pages = 1;
        while (true) {
            answer.path("rows").forEach(row -> items.add(row.path("cells").path("Item").asText()));
            if (!answer.hasNonNull("cursor")) break;
            Map<String, Object> next = new LinkedHashMap<>(arguments);
            next.put("cursor", answer.path("cursor").asText());
            answer = ToolCalls.ok(client, "get_report", next);
            pages++;
        }
        assertThat(pages).isGreaterThan(3);
        assertThat(items).doesNotHaveDuplicates().hasSize(270);
        assertThat(items.get(150)).isEqualTo("W0");
    }

    @Test
    void aReportCursorSurvivesDeletedRowsAndIsStaleOnceAllItsRowsAreGone() {
        long sheet = smartsheet.createSheet(null, "Shrinking", columns(), rows("S", 60));
        long report = smartsheet.createReport("Shrinking report", List.of(sheet), List.of("Item"));
        Map<String, Object> arguments = Map.of("report_id", Long.toString(report), "page_size", 10);
        JsonNode first = ToolCalls.ok(client, "get_report", arguments);
        List<Long> ids = smartsheet.rowIds(sheet);
        smartsheet.deleteRows(sheet, List.of(ids.get(9), ids.get(10)));
        Map<String, Object> next = new LinkedHashMap<>(arguments);
        next.put("cursor", first.path("cursor").asText());

        JsonNode second = ToolCalls.ok(client, "get_report", next);
        assertThat(second.path("rows").get(0).path("cells").path("Item").asText()).isEqualTo("S11");

        smartsheet.deleteRows(sheet, List.copyOf(smartsheet.rowIds(sheet).subList(0, 25)));
        Map<String, Object> stale = new LinkedHashMap<>(arguments);
        stale.put("cursor", second.path("cursor").asText());
        assertThat(ToolCalls.error(client, "get_report", stale)).contains("'cursor'").contains("stale");
    }

    @Test
    void unknownReportsColumnsAndForeignCursorsAreErrors() {
        assertThat(ToolCalls.error(client, "get_report", Map.of("report_id", "9007199254740995"))).contains("Smartsheet error 1006");
        assertThat(ToolCalls.error(client, "get_report", Map.of("report_id", Long.toString(reportId), "columns", List.of("Secret"))))
                .contains("'columns[0]'").contains("no column titled 'Secret'");
        JsonNode listed = ToolCalls.ok(client, "list_reports", Map.of("max_chars", 1000));
        String listCursor = listed.path("cursor").asText(null);
        if (listCursor != null) {
            assertThat(ToolCalls.error(client, "get_report", Map.of("report_id", Long.toString(reportId), "cursor", listCursor)))
                    .contains("another tool");
        }
        assertThat(ToolCalls.error(client, "list_reports", Map.of("cursor", "bm90IGEgY3Vyc29y"))).contains("'cursor'");
    }
}
