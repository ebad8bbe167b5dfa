package dev.smartsheetmcp.collaboration;

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
import org.junit.jupiter.api.Test;

/**
 * A row history over 31 columns at Smartsheet's real limit (300 a minute, cell history counting
 * as 10): 311 weighted requests, more than a minute's budget. The throttle charges each history
 * request 10, so it waits for the quota instead of meeting a 429. Waits the real minute: longer than
 * a tool call's default bounds, raised here (the bounds themselves: SmartsheetInteractiveQuotaRouteTest,
 * SmartsheetRetryBudgetRouteTest).
 */
@SandboxApplication({"smartsheet.rpm=300", "sandbox.smartsheet.rpm=300", "smartsheet.interactive.max-wait-ms=120000",
        "smartsheet.interactive.budget-ms=0"})
class RowHistoryRateLimitTest {

    private static final int COLUMNS = 31;

    private static SandboxApp app;
    private static McpSyncClient client;

    @Test
    void aRowHistoryOverThirtyColumnsMeetsNo429AndIsCountedWeighted() {
        SmartsheetEmulator smartsheet = app.sandbox().smartsheet();
        List<ColumnSpec> columns = new ArrayList<>(List.of(ColumnSpec.primary("C0")));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("C0", "v0");
        for (int i = 1; i < COLUMNS; i++) {
            columns.add(ColumnSpec.text("C" + i));
            values.put("C" + i, "v" + i);
        }
        long sheetId = smartsheet.createSheet(null, "Wide", columns, List.of(values));
        long rowId = smartsheet.rowIds(sheetId).get(0);
        smartsheet.resetCounters();
        long started = System.nanoTime();

        JsonNode history = ToolCalls.ok(client, "smartsheet_get_row_history", Map.of("sheet_id", Long.toString(sheetId),
                "row_id", Long.toString(rowId), "max_chars", 100_000));

        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertThat(history.path("columns_read").asInt()).isEqualTo(COLUMNS);
        assertThat(history.path("total_count").asInt()).isEqualTo(COLUMNS);
        assertThat(smartsheet.rateLimitedCount()).as("429 answers").isZero();
        assertThat(smartsheet.requestCount("GET /sheets/{sheetId}/rows/{rowId}/columns/{columnId}/history")).isEqualTo(COLUMNS);
        assertThat(smartsheet.weightedRequestCount()).as("1 for the columns, 10 for each cell history").isEqualTo(1 + 10 * COLUMNS);
        assertThat(seconds).as("the requests beyond a minute's budget waited for the window").isGreaterThanOrEqualTo(55);
    }
}
