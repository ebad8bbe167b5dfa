package dev.smartsheetmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smartsheetmcp.testing.AppProcess;
import dev.smartsheetmcp.testing.OutputSchemas;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stdio transport as desktop clients use it: the jar as a child process, JSON-RPC on stdin/stdout. */
class StdioTransportIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void javaSdkClientSessionOverStdio() {
        ServerParameters server = serverParameters("--sandbox", "--data-dir", work.resolve("data").toString());
        McpSyncClient client = McpClient.sync(new StdioClientTransport(server, new JacksonMcpJsonMapper(JSON)))
                .requestTimeout(Duration.ofMinutes(1)).initializationTimeout(Duration.ofMinutes(1)).build();
        try {
            client.initialize();
            List<String> tools = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
            assertThat(tools).contains("get_column_map", "get_sheet_info");
            McpSchema.CallToolResult bad = client.callTool(new McpSchema.CallToolRequest("get_column_map", Map.of("sheet_id", "x")));
            assertThat(bad.isError()).isTrue();
            readsTheDemoSheetPageByPageAndFindsItBySearch(client);
        } finally {
            client.closeGracefully();
        }
    }

    /** Over stdio too: a structuredContent that meets its tool's outputSchema, and a declined confirmation that deletes nothing. */
    @Test
    void structuredResultAndDeclinedConfirmationOverStdio() {
        ServerParameters server = serverParameters("--sandbox", "--data-dir", work.resolve("data").toString());
        List<String> questions = new ArrayList<>();
        McpSyncClient client = McpClient.sync(new StdioClientTransport(server, new JacksonMcpJsonMapper(JSON)))
                .requestTimeout(Duration.ofMinutes(1)).initializationTimeout(Duration.ofMinutes(1))
                .capabilities(McpSchema.ClientCapabilities.builder().elicitation().build())
                .elicitation(request -> {
                    questions.add(request.message());
                    return new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.DECLINE, null);
                })
                .build();
        try {
            client.initialize();
            String workspaceId = ToolCalls.ok(client, "list_workspaces", Map.of()).path("workspaces").get(0).path("id").asText();
            String sheetId = ToolCalls.ok(client, "list_workspace_sheets", Map.of("workspace_id", workspaceId))
                    .path("sheets").get(0).path("id").asText();
            McpSchema.Tool rowIdsTool = client.listTools().tools().stream()
                    .filter(tool -> tool.name().equals("get_all_row_ids")).findFirst().orElseThrow();
            McpSchema.CallToolResult rowIds = ToolCalls.call(client, "get_all_row_ids", Map.of("sheet_id", sheetId));
            assertThat(OutputSchemas.problems(rowIdsTool, rowIds)).isEmpty();
            int rows = ToolCalls.ok(client, "get_all_row_ids", Map.of("sheet_id", sheetId)).path("total_count").asInt();
            String firstRow = ToolCalls.ok(client, "get_all_row_ids", Map.of("sheet_id", sheetId)).path("row_ids").get(0).asText();

            String declined = ToolCalls.error(client, "smartsheet_delete", Map.of("sheet_id", sheetId, "row_ids", List.of(firstRow)));

            assertThat(questions).singleElement().asString().contains("Delete 1 row(s)");
            assertThat(declined).contains("Nothing was changed");
            assertThat(ToolCalls.ok(client, "get_all_row_ids", Map.of("sheet_id", sheetId)).path("total_count").asInt()).isEqualTo(rows);
        } finally {
            client.closeGracefully();
        }
    }

    /** The read, search and user tools over stdio, as over HTTP: pages that continue by cursor without overlap. */
    private static void readsTheDemoSheetPageByPageAndFindsItBySearch(McpSyncClient client) {
        String workspaceId = ToolCalls.ok(client, "list_workspaces", Map.of()).path("workspaces").get(0).path("id").asText();
        JsonNode sheet = ToolCalls.ok(client, "list_workspace_sheets", Map.of("workspace_id", workspaceId)).path("sheets").get(0);
        String sheetId = sheet.path("id").asText();
        Map<String, Object> read = new HashMap<>(Map.of("sheet_id", sheetId, "columns", List.of("Feedback"), "max_chars", 2_000));

        JsonNode first = ToolCalls.ok(client, "get_sheet", read);
        read.put("cursor", first.path("cursor").asText());
        JsonNode second = ToolCalls.ok(client, "get_sheet", read);

        assertThat(first.path("rows").size()).isPositive();
        assertThat(first.path("cursor").asText()).as("520 rows do not fit 2,000 characters").isNotEmpty();
        assertThat(second.path("rows").get(0).path("row_number").asInt())
                .isEqualTo(first.path("rows").get(first.path("rows").size() - 1).path("row_number").asInt() + 1);
        JsonNode found = ToolCalls.ok(client, "search", Map.of("query", sheet.path("name").asText()));
        assertThat(found.path("results").findValuesAsText("id")).contains(sheetId);
        assertThat(ToolCalls.ok(client, "get_current_user", Map.of()).path("email").asText()).contains("@");
        discussesAndAttachesOnTheSheet(client, sheetId);
    }

    /** The collaboration and cross-sheet reference tools over stdio: a discussion, an attachment's bytes both ways. */
    private static void discussesAndAttachesOnTheSheet(McpSyncClient client, String sheetId) {
        ToolCalls.ok(client, "smartsheet_create_discussion", Map.of("sheet_id", sheetId, "discussion_type", "sheet",
                "comment_text", "Reviewed over stdio"));
        JsonNode discussions = ToolCalls.ok(client, "smartsheet_get_discussions", Map.of("sheet_id", sheetId,
                "discussion_type", "sheet", "include_comments", true));
        assertThat(discussions.path("discussions").findValuesAsText("text")).contains("Reviewed over stdio");

        byte[] bytes = "bytes over stdio\n".getBytes(StandardCharsets.UTF_8);
        String attachmentId = ToolCalls.ok(client, "smartsheet_upload_attachment", Map.of("sheet_id", sheetId,
                "attachment_type", "sheet", "content_base64", Base64.getEncoder().encodeToString(bytes), "file_name", "note.txt"))
                .path("attachment").path("id").asText();
        JsonNode downloaded = ToolCalls.ok(client, "smartsheet_download_attachment", Map.of("sheet_id", sheetId,
                "attachment_id", attachmentId));
        assertThat(Base64.getDecoder().decode(downloaded.path("content_base64").asText())).isEqualTo(bytes);
        assertThat(ToolCalls.ok(client, "smartsheet_get_sheet_cross_references", Map.of("sheet_id", sheetId)).isObject()).isTrue();
    }

    @Test
    void stdoutCarriesOnlyProtocolMessagesAndClosingStdinEndsTheServer() throws Exception {
        Process server = new ProcessBuilder(command("--sandbox", "--data-dir", work.resolve("data").toString()))
                .redirectError(work.resolve("stderr.log").toFile())
                .start();
        try (OutputStream stdin = server.getOutputStream();
             BufferedReader stdout = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            send(stdin, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
            List<JsonNode> messages = new ArrayList<>();
            messages.add(readMessage(stdout));
            send(stdin, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            send(stdin, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
            messages.add(readMessage(stdout));
            send(stdin, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"get_column_map\",\"arguments\":{\"sheet_id\":\"1\"}}}");
            messages.add(readMessage(stdout));
            send(stdin, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"no_such_tool\",\"arguments\":{}}}");
            messages.add(readMessage(stdout));

            assertThat(messages).allSatisfy(message -> assertThat(message.path("jsonrpc").asText()).isEqualTo("2.0"));
            assertThat(messages.get(1).path("result").path("tools")).isNotEmpty();
            assertThat(messages.get(2).path("result").path("isError").asBoolean()).isTrue();
            assertThat(messages.get(3).has("error")).as("unknown tool is a JSON-RPC error").isTrue();
        }
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("server exits when stdin closes").isTrue();
    }

    /**
     * notifications/cancelled over stdio: a {@code wait: true} start_batch_analysis answers at once
     * (the job goes on); the server logs the cancellation once at INFO, and the SDK, which never
     * sees the notification, does not warn that it has no handler for it.
     */
    @Test
    void cancellingAWaitingCallOverStdioAnswersItEarlyAndIsLoggedOnce() throws Exception {
        Path stderr = work.resolve("stderr.log");
        ProcessBuilder builder = new ProcessBuilder(command("--sandbox", "--data-dir", work.resolve("data").toString()))
                .redirectError(stderr.toFile());
        builder.environment().put("SANDBOX_AZURE_LATENCY_MS", "200"); // 520 rows: a job of minutes
        builder.environment().remove("LOG_FORMAT");
        builder.environment().remove("LOG_LEVEL");
        Process server = builder.start();
        try (OutputStream stdin = server.getOutputStream()) {
            StdoutMessages stdout = new StdoutMessages(server);
            send(stdin, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
            stdout.response(1, Duration.ofMinutes(1));
            send(stdin, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            String workspaceId = callTool(stdin, stdout, 2, "list_workspaces", Map.of())
                    .path("workspaces").get(0).path("id").asText();
            String sheetId = callTool(stdin, stdout, 3, "list_workspace_sheets", Map.of("workspace_id", workspaceId))
                    .path("sheets").get(0).path("id").asText();

            send(stdin, request(4, "tools/call", Map.of("name", "start_batch_analysis", "arguments", Map.of(
                    "sheet_id", sheetId, "type", "sentiment", "sourceColumns", List.of("Feedback"),
                    "targetColumn", "Sentiment", "batchSize", 10, "wait", true))));
            Thread.sleep(2_000);
            assertThat(stdout.responseWithin(4, Duration.ZERO)).as("the call waits for the job").isNull();

            long cancelledAt = System.nanoTime();
            Map<String, Object> cancel = Map.of("jsonrpc", "2.0", "method", "notifications/cancelled",
                    "params", Map.of("requestId", 4, "reason", "user pressed stop"));
            send(stdin, JSON.writeValueAsString(cancel));
            send(stdin, JSON.writeValueAsString(cancel)); // a client repeating itself: still one log line
            JsonNode answer = stdout.response(4, Duration.ofSeconds(10));

            assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt)).isLessThan(Duration.ofSeconds(3));
            JsonNode status = JSON.readTree(answer.path("result").path("content").get(0).path("text").asText());
            assertThat(status.path("note").asText()).contains("cancelled");
            String jobId = status.path("jobId").asText();
            assertThat(callTool(stdin, stdout, 5, "get_job_status", Map.of("jobId", jobId)).path("status").asText())
                    .as("the job goes on").isIn("queued", "running");
            callTool(stdin, stdout, 6, "cancel_batch_analysis", Map.of("jobId", jobId));
        }
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("server exits when stdin closes").isTrue();

        String log = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(log.lines().filter(line -> line.contains("cancelled by the client")).toList())
                .as("the cancellation logged once at INFO:%n%s", log)
                .singleElement().asString().contains(" INFO ").contains("start_batch_analysis").contains("user pressed stop");
        assertThat(log).doesNotContain("No handler registered for notification method");
    }

    /** A {@code tools/call} that must succeed; its structuredContent. */
    private static JsonNode callTool(OutputStream stdin, StdoutMessages stdout, int id, String tool, Map<String, Object> arguments)
            throws Exception {
        send(stdin, request(id, "tools/call", Map.of("name", tool, "arguments", arguments)));
        JsonNode result = stdout.response(id, Duration.ofMinutes(1)).path("result");
        assertThat(result.path("isError").asBoolean()).as(tool + ": " + result).isFalse();
        return result.path("structuredContent");
    }

    private static String request(int id, String method, Map<String, Object> params) throws Exception {
        return JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", id, "method", method, "params", params));
    }

    /** The server's stdout read on a thread of its own: every line must be JSON-RPC; responses kept by id. */
    private static final class StdoutMessages {

        private final Map<Integer, JsonNode> responses = new ConcurrentHashMap<>();
        private final List<String> notJson = new CopyOnWriteArrayList<>();

        StdoutMessages(Process server) {
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        JsonNode message;
                        try {
                            message = JSON.readTree(line);
                        } catch (Exception e) {
                            notJson.add(line);
                            continue;
                        }
                        if (message.has("id") && (message.has("result") || message.has("error"))) {
                            responses.put(message.path("id").asInt(), message);
                        }
                    }
                } catch (Exception closed) {
                    // the server ended
                }
            }, "stdio-test-reader");
            reader.setDaemon(true);
            reader.start();
        }

        JsonNode response(int id, Duration timeout) throws InterruptedException {
            JsonNode response = responseWithin(id, timeout);
            assertThat(response).as("a response to request %s within %s", id, timeout).isNotNull();
            return response;
        }

        /** The response to request {@code id}, or null when none came within {@code timeout}. */
        JsonNode responseWithin(int id, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                assertThat(notJson).as("stdout carries only protocol messages").isEmpty();
                JsonNode response = responses.get(id);
                if (response != null || System.nanoTime() >= deadline) return response;
                Thread.sleep(20);
            }
        }
    }

    private static void send(OutputStream stdin, String line) throws Exception {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** The next stdout line; it must be JSON-RPC, never a log line. */
    private static JsonNode readMessage(BufferedReader stdout) throws Exception {
        String line = stdout.readLine();
        assertThat(line).as("a message on stdout").isNotNull();
        return JSON.readTree(line);
    }

    /** The README's launch command with these arguments. */
    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(AppProcess.launchCommand(AppProcess.jar()));
        command.addAll(List.of(args));
        return command;
    }

    private static ServerParameters serverParameters(String... args) {
        List<String> command = command(args);
        return ServerParameters.builder(command.get(0)).args(command.subList(1, command.size())).build();
    }
}
