package dev.smartsheetmcp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.smartsheet.ColumnSpec;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * get_sheet on a large sheet with a 1% filter and 3 columns, against the sandbox emulator over
 * Streamable HTTP: the Smartsheet requests, the time, and the size of the answers (every page,
 * followed by cursor) against the size of the sheet's JSON as Get Sheet answers it whole, which
 * is what a client that reads the whole sheet puts in the model's context.
 *
 * <pre>mvn -B -q package -DskipTests &amp;&amp; java -cp target/smartsheet-mcp-pipeline.jar:target/test-classes \
 *     dev.smartsheetmcp.bench.GetSheetBenchmark [rows] [runs]</pre>
 */
public final class GetSheetBenchmark {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (SandboxApp app = SandboxApp.start(Map.of("sandbox.smartsheet.rpm", "1000000", "smartsheet.rpm", "1000000"));
             McpSyncClient client = app.mcpClient()) {
            SmartsheetEmulator smartsheet = app.sandbox().smartsheet();
            long sheetId = smartsheet.createSheet(null, "Benchmark", columns(), rows(rows));
            long sheetChars = wholeSheetChars(app, sheetId);
            Map<String, Object> arguments = new LinkedHashMap<>();
            arguments.put("sheet_id", Long.toString(sheetId));
            arguments.put("columns", List.of("Ticket", "Amount", "Due"));
            arguments.put("filter", List.of(Map.of("column", "Region", "operator", "equals", "value", "North")));
            for (int i = 0; i < 2; i++) read(client, arguments);
            long[] millis = new long[runs];
            Result result = null;
            for (int i = 0; i < runs; i++) {
                smartsheet.resetCounters();
                long start = System.nanoTime();
                result = read(client, arguments);
                millis[i] = (System.nanoTime() - start) / 1_000_000;
            }
            Arrays.sort(millis);
            int columnReads = smartsheet.requestCount("GET /sheets/{sheetId}/columns");
            int sheetReads = smartsheet.requestCount("GET /sheets/{sheetId}");
            System.out.printf("get_sheet of a %,d-row sheet (7 columns), filter Region = North (1%%), columns Ticket, Amount, Due,"
                    + " default max_chars (%d runs after 2 warm-ups)%n%n", rows, runs);
            System.out.println("| | value |");
            System.out.println("|---|---|");
            System.out.printf("| rows returned (total_matched) | %,d (%,d) |%n", result.rows, result.totalMatched);
            System.out.printf("| get_sheet calls (pages of the answer, by cursor) | %d |%n", result.calls);
            System.out.printf("| Smartsheet requests | %d (%d Get Columns + %d Get Sheet) |%n", columnReads + sheetReads, columnReads, sheetReads);
            System.out.printf("| time, all pages (median of %d) | %,d ms (min %,d, max %,d) |%n", runs, millis[runs / 2], millis[0], millis[runs - 1]);
            System.out.printf("| answers, all pages | %,d characters |%n", result.answerChars);
            System.out.printf("| the sheet's JSON (Get Sheet, all rows and columns) | %,d characters |%n", sheetChars);
            System.out.printf("| answers / sheet JSON | %.2f%% (%.0fx smaller) |%n", 100.0 * result.answerChars / sheetChars,
                    (double) sheetChars / result.answerChars);
        }
        System.exit(0);
    }

    private record Result(int calls, int rows, long totalMatched, long answerChars) {
    }

    private static Result read(McpSyncClient client, Map<String, Object> arguments) throws Exception {
        int calls = 0;
        int rows = 0;
        long chars = 0;
        long total = 0;
        String cursor = null;
        do {
            Map<String, Object> call = new LinkedHashMap<>(arguments);
            if (cursor != null) call.put("cursor", cursor);
            String text = ToolCalls.text(ToolCalls.call(client, "get_sheet", call));
            JsonNode answer = dev.smartsheetmcp.toolkit.Json.MAPPER.readTree(text);
            calls++;
            chars += text.length();
            rows += answer.path("rows").size();
            total = answer.path("total_matched").asLong();
            cursor = answer.path("cursor").asText(null);
        } while (cursor != null);
        return new Result(calls, rows, total, chars);
    }

    private static long wholeSheetChars(SandboxApp app, long sheetId) throws Exception {
        String token = app.context().resolvePropertyPlaceholders("{{smartsheet.api-key}}");
        HttpRequest whole = HttpRequest.newBuilder(URI.create(app.sandbox().smartsheet().baseUrl() + "/sheets/" + sheetId))
                .header("Authorization", "Bearer " + token).build();
        return HttpClient.newHttpClient().send(whole, HttpResponse.BodyHandlers.ofString()).body().length();
    }

    private static List<ColumnSpec> columns() {
        return List.of(ColumnSpec.primary("Ticket"), ColumnSpec.text("Customer"), ColumnSpec.text("Region"),
                ColumnSpec.text("Amount"), ColumnSpec.picklist("Status", "Open", "Pending", "Closed"),
                ColumnSpec.of("Due", "DATE"), ColumnSpec.text("Feedback"));
    }

    private static List<Map<String, Object>> rows(int count) {
        String[] statuses = {"Open", "Pending", "Closed"};
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("Ticket", "T-" + (100_000 + i));
            row.put("Customer", "Customer " + (i % 997));
            row.put("Region", i % 100 == 42 ? "North" : i % 3 == 0 ? "South" : i % 3 == 1 ? "East" : "West");
            row.put("Amount", (long) (i * 37 % 10_000));
            row.put("Status", statuses[i % 3]);
            row.put("Due", "2026-" + String.format("%02d-%02d", 1 + i % 12, 1 + i % 28));
            row.put("Feedback", "The delivery of order " + i + " was " + (i % 2 == 0 ? "late but complete" : "on time, thank you"));
            rows.add(row);
        }
        return rows;
    }
}
