package dev.smartsheetmcp.sheets.rows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.smartsheet.ColumnSpec;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sheets for the row tool tests: created in the emulator, described through get_column_map. */
final class RowsFixture {

    static final List<ColumnSpec> COLUMNS = List.of(
            ColumnSpec.primary("Name"),
            ColumnSpec.text("Count"),
            ColumnSpec.text("Notes"),
            ColumnSpec.of("Done", "CHECKBOX"),
            ColumnSpec.of("Due", "DATE"),
            ColumnSpec.picklist("Status", "Open", "Closed"),
            ColumnSpec.multiPicklist("Tags", "red", "green", "blue"),
            ColumnSpec.formula("Double", "TEXT_NUMBER", "=[Count]@row * 2"),
            ColumnSpec.system("Created", "CREATED_DATE"));

    private final SandboxApp app;
    private final McpSyncClient client;

    RowsFixture(SandboxApp app, McpSyncClient client) {
        this.app = app;
        this.client = client;
    }

    SmartsheetEmulator emulator() {
        return app.sandbox().smartsheet();
    }

    long sheet(String name, List<Map<String, Object>> rows) {
        return emulator().createSheet(null, name, COLUMNS, rows);
    }

    /** column_map as get_column_map answers it: title to id as strings. */
    Map<String, Object> columnMap(long sheetId) {
        JsonNode map = ToolCalls.ok(client, "get_column_map", Map.of("sheet_id", Long.toString(sheetId))).path("column_map");
        Map<String, Object> columnMap = new LinkedHashMap<>();
        map.fields().forEachRemaining(entry -> columnMap.put(entry.getKey(), entry.getValue().asText()));
        return columnMap;
    }

    String columnId(long sheetId, String title) {
        return (String) columnMap(sheetId).get(title);
    }

    /** Turns on Smartsheet's "restrict to list values" for a picklist column, through the client routes. */
    void validate(long sheetId, String title) {
        app.context().createProducerTemplate().request("direct:smartsheet-columns", exchange -> {
            exchange.getIn().setHeader("SheetId", sheetId);
            exchange.getIn().setHeader("ColumnOperation", "update");
            exchange.getIn().setHeader("ColumnId", columnId(sheetId, title));
            exchange.getIn().setBody("{\"validation\": true}");
        });
    }

    static Map<String, Object> row(Object... titlesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < titlesAndValues.length; i += 2) row.put((String) titlesAndValues[i], titlesAndValues[i + 1]);
        return row;
    }
}
