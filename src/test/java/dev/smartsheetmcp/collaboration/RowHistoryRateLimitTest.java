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
 * A row history over 31 columns at Smartsheet's real limit (300 a window, cell history counting
 * as 10): 311 weighted requests, more than a window's budget. The throttle charges each history
 * request 10, so it waits for the quota instead of meeting a 429. The emulator's window is 3 s
 * instead of Smartsheet's minute, the client's 4 s instead of 61 s (the window plus a margin, as in
 * production: the client counts a request as it leaves, the emulator as it arrives).
 */
@SandboxApplication({"smartsheet.rpm=300", "sandbox.smartsheet.rpm=300",
        "sandbox.smartsheet.rate-window-ms=" + RowHistoryRateLimitTest.EMULATOR_WINDOW_MILLIS,
        "smartsheet.rate-window-ms=" + RowHistoryRateLimitTest.CLIENT_WINDOW_MILLIS})
class RowHistoryRateLimitTest {

    static final long EMULATOR_WINDOW_MILLIS = 3_000;
    static final long CLIENT_WINDOW_MILLIS = 4_000;
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

        long millis = (System.nanoTime() - started) / 1_000_000L;
        assertThat(history.path("columns_read").asInt()).isEqualTo(COLUMNS);
        assertThat(history.path("total_count").asInt()).isEqualTo(COLUMNS);
        assertThat(smartsheet.rateLimitedCount()).as("429 answers").isZero();
        assertThat(smartsheet.requestCount("GET /sheets/{sheetId}/rows/{rowId}/columns/{columnId}/history")).isEqualTo(COLUMNS);
        assertThat(smartsheet.weightedRequestCount()).as("1 for the columns, 10 for each cell history").isEqualTo(1 + 10 * COLUMNS);
        // the bucket starts with one heavy request's worth and refills 291 a window: the other 301 take
        // 301/291 of the client's window; charged less than 10, a history request would leave sooner
        assertThat(millis).as("the requests beyond a window's budget waited for the window").isGreaterThanOrEqualTo(CLIENT_WINDOW_MILLIS);
    }
}
