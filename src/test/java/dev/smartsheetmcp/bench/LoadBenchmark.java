package dev.smartsheetmcp.bench;

import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import java.time.Duration;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.HashMap;
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
 * figures measure this server rather than the throttle. {@code --tools a,b} calls those tools instead,
 * {@code --client-timeout-s} is each client's request timeout (a call that outlasts it counts as a
 * timeout), {@code --warm-up} the calls each session makes first, {@code --unshared} turns off
 * shared reads, the metadata cache and the interactive retry budget (the client as it was before them),
 * and {@code --set key=value} sets one more property.
 * Also prints the Smartsheet requests the emulator served during the measured calls.
 *
 * <pre>mvn -B -q package -DskipTests &amp;&amp; java -cp target/smartsheet-mcp-pipeline.jar:target/test-classes \
 *     dev.smartsheetmcp.bench.LoadBenchmark [sessions] [calls-per-session] [--smartsheet-rpm N] [--tools a,b]
 *     [--client-timeout-s S] [--warm-up N] [--unshared] [--set key=value]</pre>
 */
public final class LoadBenchmark {

    private static final String TOKEN = "load-benchmark-token-0123456789";
    private static List<String> TOOLS = List.of("get_column_map", "get_sheet_info", "smartsheet_search", "list_jobs");
    private static final String TIMEOUT = "client timeout";

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>(Arrays.asList(args));
        String rpm = option(positional, "--smartsheet-rpm", "1000000");
        TOOLS = List.of(option(positional, "--tools", String.join(",", TOOLS)).split(","));
        Duration clientTimeout = Duration.ofSeconds(Long.parseLong(option(positional, "--client-timeout-s", "300")));
        int warmUp = Integer.parseInt(option(positional, "--warm-up", "10"));
        boolean unshared = positional.remove("--unshared");
        String set = option(positional, "--set", "");
        int sessions = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 50;
        int calls = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 100;
        Map<String, String> settings = new HashMap<>(Map.of("http.auth-token", TOKEN,
                "sandbox.smartsheet.rpm", rpm, "smartsheet.rpm", rpm));
        if (unshared) {
            settings.putAll(Map.of("smartsheet.coalesce-reads", "false", "smartsheet.metadata-cache.ttl-ms", "0",
                    "smartsheet.interactive.budget-ms", "0"));
        }
        if (!set.isEmpty()) settings.put(set.substring(0, set.indexOf('=')), set.substring(set.indexOf('=') + 1));
        try (SandboxApp app = SandboxApp.start(settings)) {
            System.out.printf("shared reads and metadata cache %s; client timeout %d s; %d warm-up calls a session %s%n",
                    unshared ? "OFF, no interactive retry budget (as before)" : "on", clientTimeout.toSeconds(), warmUp, set);
            run(app, sessions, calls, warmUp, rpm, clientTimeout);
        }
        System.exit(0);
    }

    private static void run(SandboxApp app, int sessions, int calls, int warmUp, String rpm, Duration clientTimeout)
            throws Exception {
        String sheetId = Long.toString(app.sandbox().demo().sheetId());
        SmartsheetEmulator smartsheet = app.sandbox().smartsheet();
        List<McpSyncClient> clients = new ArrayList<>();
        for (int i = 0; i < sessions; i++) clients.add(client(app, clientTimeout));
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        try {
            runAll(pool, clients, sheetId, warmUp, new ConcurrentLinkedQueue<>());
            smartsheet.resetCounters();
            long start = System.nanoTime();
            long[] latencies = runAll(pool, clients, sheetId, calls, errors);
            double seconds = (System.nanoTime() - start) / 1e9;
            print(sessions, calls, rpm, latencies, errors, seconds);
            System.out.printf("%nSmartsheet requests served during the measured calls: %,d (429s: %d) for %,d calls;"
                    + " client timeouts: %d%n", smartsheet.weightedRequestCount(), smartsheet.rateLimitedCount(),
                    latencies.length, errors.stream().filter(error -> error.contains(TIMEOUT)).count());
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

    /** A session sending the bearer token, whose requests time out after {@code timeout} as an MCP client's do. */
    private static McpSyncClient client(SandboxApp app, Duration timeout) {
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(app.baseUrl()).endpoint("/mcp")
                        .httpRequestCustomizer((request, method, uri, body, context) ->
                                request.header("Authorization", "Bearer " + TOKEN))
                        .build())
                .requestTimeout(timeout)
                .build();
        client.initialize();
        return client;
    }

    private static long timedCall(McpSyncClient client, String tool, String sheetId, ConcurrentLinkedQueue<String> errors) {
        long start = System.nanoTime();
        try {
            McpSchema.CallToolResult result = ToolCalls.call(client, tool, arguments(tool, sheetId));
            if (Boolean.TRUE.equals(result.isError())) errors.add(tool + ": " + ToolCalls.text(result));
        } catch (RuntimeException e) {
            errors.add(tool + ": " + (timedOut(e) ? TIMEOUT + " " : "") + e);
        }
        return System.nanoTime() - start;
    }

    private static boolean timedOut(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.util.concurrent.TimeoutException
                    || String.valueOf(cause.getMessage()).toLowerCase().contains("timeout")
                    || String.valueOf(cause.getMessage()).toLowerCase().contains("timed out")) return true;
        }
        return false;
    }

    private static Map<String, Object> arguments(String tool, String sheetId) {
        return switch (tool) {
            case "smartsheet_search" -> Map.of("sheet_id", sheetId, "pattern", "refund");
            case "list_jobs" -> Map.of("limit", 20);
            case "list_workspaces" -> Map.of();
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
        errors.stream().filter(error -> error.contains(TIMEOUT)).limit(2).forEach(error -> System.out.println("error: " + error));
        errors.stream().filter(error -> !error.contains(TIMEOUT)).limit(3).forEach(error -> System.out.println("error: " + error));
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
