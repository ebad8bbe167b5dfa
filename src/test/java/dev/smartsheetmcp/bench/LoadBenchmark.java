package dev.smartsheetmcp.bench;

import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Many MCP sessions at once over Streamable HTTP, with the bearer token on, against the sandbox:
 * each session makes its read tool calls one after another (get_column_map, get_sheet_info,
 * smartsheet_search, list_jobs in turn). Prints errors, p50 and p99 latency and calls per second.
 * Smartsheet's 300 requests a minute are lifted unless {@code --smartsheet-rpm} is given, so the
 * figures measure this server rather than the throttle.
 *
 * <pre>mvn -B -q package -DskipTests &amp;&amp; java -cp target/smartsheet-mcp-pipeline.jar:target/test-classes \
 *     dev.smartsheetmcp.bench.LoadBenchmark [sessions] [calls-per-session] [--smartsheet-rpm N]</pre>
 */
public final class LoadBenchmark {

    private static final String TOKEN = "load-benchmark-token-0123456789";
    private static final int WARM_UP_CALLS = 10;
    private static final List<String> TOOLS = List.of("get_column_map", "get_sheet_info", "smartsheet_search", "list_jobs");

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>(Arrays.asList(args));
        String rpm = option(positional, "--smartsheet-rpm", "1000000");
        int sessions = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 50;
        int calls = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 100;
        try (SandboxApp app = SandboxApp.start(Map.of("http.auth-token", TOKEN,
                "sandbox.smartsheet.rpm", rpm, "smartsheet.rpm", rpm))) {
            run(app, sessions, calls, rpm);
        }
        System.exit(0);
    }

    private static void run(SandboxApp app, int sessions, int calls, String rpm) throws Exception {
        String sheetId = Long.toString(app.sandbox().demo().sheetId());
        List<McpSyncClient> clients = new ArrayList<>();
        for (int i = 0; i < sessions; i++) clients.add(app.mcpClient(TOKEN));
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        try {
            runAll(pool, clients, sheetId, WARM_UP_CALLS, new ConcurrentLinkedQueue<>());
            long start = System.nanoTime();
            long[] latencies = runAll(pool, clients, sheetId, calls, errors);
            double seconds = (System.nanoTime() - start) / 1e9;
            print(sessions, calls, rpm, latencies, errors, seconds);
        } finally {
            pool.shutdownNow();
            clients.forEach(McpSyncClient::close);
        }
    }

    /** Every session makes {@code calls} calls at the same time as the others; the latency of each call, in nanoseconds. */
    private static long[] runAll(ExecutorService pool, List<McpSyncClient> clients, String sheetId, int calls,
                                 ConcurrentLinkedQueue<String> errors) throws Exception {
        long[] latencies = new long[clients.size() * calls];
        List<Future<?>> sessions = new ArrayList<>();
        for (int s = 0; s < clients.size(); s++) {
            McpSyncClient client = clients.get(s);
            int offset = s * calls;
            sessions.add(pool.submit(() -> {
                for (int i = 0; i < calls; i++) latencies[offset + i] = timedCall(client, TOOLS.get(i % TOOLS.size()), sheetId, errors);
            }));
        }
        for (Future<?> session : sessions) session.get();
        return latencies;
    }

    private static long timedCall(McpSyncClient client, String tool, String sheetId, ConcurrentLinkedQueue<String> errors) {
        long start = System.nanoTime();
        try {
            McpSchema.CallToolResult result = ToolCalls.call(client, tool, arguments(tool, sheetId));
            if (Boolean.TRUE.equals(result.isError())) errors.add(tool + ": " + ToolCalls.text(result));
        } catch (RuntimeException e) {
            errors.add(tool + ": " + e);
        }
        return System.nanoTime() - start;
    }

    private static Map<String, Object> arguments(String tool, String sheetId) {
        return switch (tool) {
            case "smartsheet_search" -> Map.of("sheet_id", sheetId, "pattern", "refund");
            case "list_jobs" -> Map.of("limit", 20);
            default -> Map.of("sheet_id", sheetId);
        };
    }

    private static void print(int sessions, int calls, String rpm, long[] latencies, ConcurrentLinkedQueue<String> errors,
                              double seconds) {
        System.out.printf("%d MCP sessions over Streamable HTTP with a bearer token, %d tool calls each (%s in turn),"
                + " Smartsheet emulator and client at %s requests a minute%n%n", sessions, calls, String.join(", ", TOOLS), rpm);
        System.out.println("| calls | errors | p50 ms | p99 ms | calls/s |");
        System.out.println("|---|---|---|---|---|");
        System.out.printf("| all %,d | %d | %.1f | %.1f | %.0f |%n", latencies.length, errors.size(),
                percentile(latencies, 50), percentile(latencies, 99), latencies.length / seconds);
        for (int t = 0; t < TOOLS.size(); t++) {
            long[] ofTool = ofTool(latencies, calls, t);
            String tool = TOOLS.get(t);
            System.out.printf("| %s %,d | %d | %.1f | %.1f | |%n", tool, ofTool.length,
                    errors.stream().filter(error -> error.startsWith(tool + ":")).count(),
                    percentile(ofTool, 50), percentile(ofTool, 99));
        }
        errors.stream().limit(5).forEach(error -> System.out.println("error: " + error));
    }

    /** The latencies of the calls of tool number {@code tool}: call i of every session used tool i mod 4. */
    private static long[] ofTool(long[] latencies, int callsPerSession, int tool) {
        return IntStream.range(0, latencies.length).filter(i -> i % callsPerSession % TOOLS.size() == tool)
                .mapToLong(i -> latencies[i]).toArray();
    }

    private static String option(List<String> args, String name, String fallback) {
        int index = args.indexOf(name);
        if (index < 0) return fallback;
        String value = args.get(index + 1);
        args.subList(index, index + 2).clear();
        return value;
    }

    private static double percentile(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(index, 0)] / 1e6;
    }

    private LoadBenchmark() {
    }
}
