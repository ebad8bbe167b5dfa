package dev.smartsheetmcp.sandbox.smartsheet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.FaultInjector;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts an emulator on a free port with the demo sheet seeded, and a client with a valid token. */
abstract class EmulatorContract {

    static final String TOKEN = "contract-test-token";
    /** An id of the right form, above 2^53, that the emulator's seeded id source never issues in these tests. */
    static final long UNKNOWN_ID = 9_007_199_254_740_995L;

    final FaultInjector faults = new FaultInjector(42);
    SmartsheetEmulator emulator;
    SmartsheetEmulator.SeededDemo demo;
    ApiClient api;

    /** The per-minute limit; generous unless a test class needs a small one. */
    int requestsPerMinute() {
        return 10_000;
    }

    /** The window the limit counts over; Smartsheet's minute unless a test class needs to see it pass. */
    Duration rateWindow() {
        return SmartsheetEmulator.MINUTE;
    }

    @BeforeEach
    void startEmulator() throws IOException {
        emulator = new SmartsheetEmulator(faults, requestsPerMinute(), rateWindow()).addToken(TOKEN);
        demo = emulator.seedDemo();
        emulator.start(0, 8);
        api = new ApiClient(emulator.baseUrl(), TOKEN);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    String sheetPath() {
        return "/sheets/" + demo.sheetId();
    }

    /** The demo sheet's column id for a title, read through the API. */
    long columnId(String title) {
        for (JsonNode column : api.get(sheetPath() + "/columns?includeAll=true").json().path("data")) {
            if (column.path("title").asText().equals(title)) return column.path("id").asLong();
        }
        throw new AssertionError("no column " + title);
    }

    long rowId(int index) {
        return emulator.rowIds(demo.sheetId()).get(index);
    }

    static Map<String, Object> cell(long columnId, Object value) {
        return Map.of("columnId", columnId, "value", value);
    }

    @SafeVarargs
    static Map<String, Object> rowUpdate(long rowId, Map<String, Object>... cells) {
        return Map.of("id", rowId, "cells", List.of(cells));
    }

    static List<Map<String, Object>> newRows(int count, long columnId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) rows.add(Map.of("toBottom", true, "cells", List.of(cell(columnId, "NEW-" + i))));
        return rows;
    }
}
