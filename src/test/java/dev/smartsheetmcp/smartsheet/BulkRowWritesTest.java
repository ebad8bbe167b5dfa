package dev.smartsheetmcp.smartsheet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smartsheetmcp.sandbox.smartsheet.ColumnSpec;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.SandboxApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/** Bulk writes through the client routes: at most 500 rows a request, every time, not just the first. */
@SandboxApplication
class BulkRowWritesTest {

    private static SandboxApp app;

    @Test
    void everyBulkAddIsChunkedTo500RowsPerRequest() {
        SmartsheetEmulator smartsheet = app.sandbox().smartsheet();
        long sheetId = smartsheet.createSheet(null, "Bulk", List.of(ColumnSpec.primary("Name")), List.of());
        long nameColumn = columnId(sheetId);
        ProducerTemplate producer = app.context().createProducerTemplate();
        smartsheet.resetCounters();

        for (int call = 0; call < 3; call++) {
            BulkWriteResults results = producer.requestBodyAndHeader("direct:smartsheet-add-rows",
                    rows(nameColumn, 1_200, "call" + call), "SheetId", sheetId, BulkWriteResults.class);
            assertThat(results.written()).hasSize(1_200);
            assertThat(results.failed()).isEmpty();
        }
        assertThat(smartsheet.requestCount("POST /sheets/{sheetId}/rows")).isEqualTo(9);
        assertThat(smartsheet.rowIds(sheetId)).hasSize(3_600);
    }

    @Test
    void deletesAreChunkedIntoShortRequests() {
        SmartsheetEmulator smartsheet = app.sandbox().smartsheet();
        List<Map<String, Object>> seed = new ArrayList<>();
        for (int i = 0; i < 250; i++) seed.add(Map.of("Name", "row " + i));
        long sheetId = smartsheet.createSheet(null, "Deletes", List.of(ColumnSpec.primary("Name")), seed);
        ProducerTemplate producer = app.context().createProducerTemplate();
        smartsheet.resetCounters();

        List<Long> ids = smartsheet.rowIds(sheetId);
        List<?> first = producer.requestBodyAndHeader("direct:smartsheet-delete-rows", ids.subList(0, 150), "SheetId", sheetId, List.class);
        List<?> second = producer.requestBodyAndHeader("direct:smartsheet-delete-rows", ids.subList(150, 250), "SheetId", sheetId, List.class);

        assertThat(first).hasSize(150);
        assertThat(second).hasSize(100);
        assertThat(smartsheet.rowIds(sheetId)).isEmpty();
        assertThat(smartsheet.requestCount("DELETE /sheets/{sheetId}/rows")).isEqualTo(3);
    }

    private static long columnId(long sheetId) {
        return app.context().createProducerTemplate().requestBodyAndHeader("direct:smartsheet-get-columns", null,
                "SheetId", sheetId, com.fasterxml.jackson.databind.JsonNode.class).path("data").get(0).path("id").asLong();
    }

    private static List<Map<String, Object>> rows(long columnId, int count, String prefix) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(Map.of("toBottom", true, "cells", List.of(Map.of("columnId", columnId, "value", prefix + "-" + i))));
        }
        return rows;
    }
}
