package dev.smartsheetmcp.bench;

import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The MCP tool path's overhead and its request economy, against the sandbox emulator in one run:
 * {@code get_column_map} over Streamable HTTP versus a direct GET of the same sheet page from the
 * emulator, called through the MCP Java SDK client and as a plain HTTP client would (JSON-RPC
 * POSTs of java.net.http on the session, the SSE answer read to its end); and the Smartsheet
 * requests one {@code smartsheet_write} of 2,000 rows makes.
 *
 * <pre>mvn -B -q package -DskipTests &amp;&amp; java -cp target/smartsheet-mcp-pipeline.jar:target/test-classes \
 *     dev.smartsheetmcp.bench.ToolsBenchmark [calls (2000)] [warm-up calls (10000)]</pre>
 *
 * The warm-up is long because the JIT keeps compiling the path (Jetty, the SDK, Camel, Jackson) for
 * thousands of calls; the benchmark prints the warm-up's curve so that a reader can see it flatten.
 */
public final class ToolsBenchmark {

    private static final int WARM_UP_BLOCK = 1_000;

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        // nothing kept: every tool call makes its Smartsheet request, as the direct GET does
        try (SandboxApp app = SandboxApp.start(Map.of("sandbox.smartsheet.rpm", "1000000", "smartsheet.rpm", "1000000",
                "smartsheet.metadata-cache.ttl-ms", "0"));
             McpSyncClient client = app.mcpClient()) {
            overhead(app, client, calls, warmUp);
            writeRequests(app, client, 2_000);
        }
        System.exit(0);
    }

    private static void overhead(SandboxApp app, McpSyncClient client, int calls, int warmUp) throws Exception {
        String sheetId = Long.toString(app.sandbox().demo().sheetId());
        HttpClient http = HttpClient.newHttpClient();
        String token = app.context().resolvePropertyPlaceholders("{{smartsheet.api-key}}");
        HttpRequest direct = HttpRequest.newBuilder(URI.create(app.sandbox().smartsheet().baseUrl()
                + "/sheets/" + sheetId + "?pageSize=5&page=1")).header("Authorization", "Bearer " + token).build();
        Map<String, Object> arguments = Map.of("sheet_id", sheetId);
        HttpRequest plain = PlainMcpSession.open(http, app.baseUrl() + "/mcp").toolCall("get_column_map",
                "{\"sheet_id\":\"" + sheetId + "\"}");
        List<String> warmUpCurve = new ArrayList<>();
        for (int done = 0; done < warmUp; done += WARM_UP_BLOCK) {
            long[] block = new long[Math.min(WARM_UP_BLOCK, warmUp - done)];
            for (int i = 0; i < block.length; i++) {
                long start = System.nanoTime();
                ToolCalls.ok(client, "get_column_map", arguments);
                block[i] = System.nanoTime() - start;
                PlainMcpSession.send(http, plain);
                http.send(direct, HttpResponse.BodyHandlers.ofString());
            }
            warmUpCurve.add(String.format("%.2f", percentile(block, 50)));
        }
        long[] tool = new long[calls];
        long[] plainTool = new long[calls];
        long[] raw = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            ToolCalls.ok(client, "get_column_map", arguments);
            tool[i] = System.nanoTime() - start;
            start = System.nanoTime();
            PlainMcpSession.send(http, plain);
            plainTool[i] = System.nanoTime() - start;
            start = System.nanoTime();
            http.send(direct, HttpResponse.BodyHandlers.ofString());
            raw[i] = System.nanoTime() - start;
        }
        System.out.printf("get_column_map over Streamable HTTP vs a direct GET of the same sheet page (%d calls each, interleaved,"
                + " after %d of each to warm up)%n%n", calls, warmUp);
        System.out.printf("SDK client call p50 ms by %,d warm-up calls (the JIT compiles until the curve is flat): %s%n%n",
                WARM_UP_BLOCK, String.join(", ", warmUpCurve));
        System.out.println("| | p50 ms | p99 ms |");
        System.out.println("|---|---|---|");
        row("tools/call get_column_map (MCP Java SDK client)", tool);
        row("tools/call get_column_map (plain HTTP client)", plainTool);
        row("direct GET /sheets/{id}?pageSize=5", raw);
        System.out.printf("| overhead, SDK client | %.2f | %.2f |%n", percentile(tool, 50) - percentile(raw, 50),
                percentile(tool, 99) - percentile(raw, 99));
        System.out.printf("| overhead, plain HTTP client | %.2f | %.2f |%n%n", percentile(plainTool, 50) - percentile(raw, 50),
                percentile(plainTool, 99) - percentile(raw, 99));
    }

    private static void row(String what, long[] nanos) {
        System.out.printf("| %s | %.2f | %.2f |%n", what, percentile(nanos, 50), percentile(nanos, 99));
    }

    private static void writeRequests(SandboxApp app, McpSyncClient client, int rows) {
        var smartsheet = app.sandbox().smartsheet();
        long sheetId = dev.smartsheetmcp.testing.AnalysisSheets.create(smartsheet, "Write benchmark", 0);
        Map<String, Object> columnMap = new HashMap<>();
        ToolCalls.ok(client, "get_column_map", Map.of("sheet_id", Long.toString(sheetId))).path("column_map")
                .fields().forEachRemaining(field -> columnMap.put(field.getKey(), field.getValue().asText()));
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) data.add(Map.of("Ticket", "W-" + i, "Feedback", "benchmark row " + i));
        smartsheet.resetCounters();
        long start = System.nanoTime();
        var answer = ToolCalls.ok(client, "smartsheet_write", Map.of("sheet_id", Long.toString(sheetId),
                "row_data", data, "column_map", columnMap));
        double seconds = (System.nanoTime() - start) / 1e9;
        int reads = smartsheet.requestCount("GET /sheets/{sheetId}") + smartsheet.requestCount("GET /sheets/{sheetId}/columns");
        int writes = smartsheet.requestCount("POST /sheets/{sheetId}/rows");
        System.out.printf("smartsheet_write of %,d rows: %d rows added in %.2f s%n%n", rows, answer.path("rows_added").asInt(), seconds);
        System.out.println("| Smartsheet requests | count | target |");
        System.out.println("|---|---|---|");
        System.out.printf("| reads | %d | 1 (the column read) |%n", reads);
        System.out.printf("| add-row writes | %d | ⌈%d/500⌉ = %d |%n", writes, rows, (rows + 499) / 500);
        System.out.printf("| total | %d | %d |%n", reads + writes, 1 + (rows + 499) / 500);
    }

    private static double percentile(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(index, 0)] / 1e6;
    }

    private ToolsBenchmark() {
    }

    /** An MCP session over Streamable HTTP as any HTTP client holds one: the session id from initialize, then POSTs. */
    private record PlainMcpSession(String url, String sessionId) {

        private static final String PROTOCOL = "2025-06-18";

        static PlainMcpSession open(HttpClient http, String url) throws Exception {
            HttpResponse<String> initialized = http.send(post(url, null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                    + "\"params\":{\"protocolVersion\":\"" + PROTOCOL + "\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"tools-benchmark\",\"version\":\"1\"}}}"), HttpResponse.BodyHandlers.ofString());
            PlainMcpSession session = new PlainMcpSession(url, initialized.headers().firstValue("Mcp-Session-Id").orElseThrow());
            http.send(post(url, session.sessionId, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"),
                    HttpResponse.BodyHandlers.discarding());
            return session;
        }

        HttpRequest toolCall(String tool, String argumentsJson) {
            return post(url, sessionId, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\""
                    + tool + "\",\"arguments\":" + argumentsJson + "}}");
        }

        /** Sends the call and reads the SSE answer to its end; fails unless it is a successful result. */
        static void send(HttpClient http, HttpRequest call) throws Exception {
            HttpResponse<String> answer = http.send(call, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200 || !answer.body().contains("\"isError\":false")) {
                throw new IllegalStateException("tools/call failed: HTTP " + answer.statusCode() + " " + answer.body());
            }
        }

        private static HttpRequest post(String url, String sessionId, String body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream");
            if (sessionId != null) request.header("Mcp-Session-Id", sessionId).header("MCP-Protocol-Version", PROTOCOL);
            return request.build();
        }
    }
}
