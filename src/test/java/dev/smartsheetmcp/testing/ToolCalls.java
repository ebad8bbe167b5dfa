package dev.smartsheetmcp.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Calls a tool through an MCP client session and reads its answer as JSON or as an error text. */
public final class ToolCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ToolCalls() {
    }

    public static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    /** The JSON answer of a call that must succeed. */
    public static JsonNode ok(McpSyncClient client, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = call(client, tool, arguments);
        if (Boolean.TRUE.equals(result.isError())) {
            throw new AssertionError(tool + " failed: " + text(result));
        }
        try {
            return JSON.readTree(text(result));
        } catch (Exception e) {
            throw new AssertionError(tool + " answered no JSON: " + text(result), e);
        }
    }

    /** The JSON answer of a call that must succeed with an answer of at most {@code maxChars} characters. */
    public static JsonNode okWithin(McpSyncClient client, String tool, Map<String, Object> arguments, int maxChars) {
        McpSchema.CallToolResult result = call(client, tool, arguments);
        if (Boolean.TRUE.equals(result.isError())) throw new AssertionError(tool + " failed: " + text(result));
        String text = text(result);
        int length = text.codePointCount(0, text.length());
        if (length > maxChars) throw new AssertionError(tool + " answered " + length + " characters, over max_chars " + maxChars);
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(tool + " answered no JSON: " + text, e);
        }
    }

    /**
     * Every page of a listing tool, following its cursor from a first call with {@code arguments}
     * and {@code max_chars}; each answer is checked to stay within max_chars.
     */
    public static List<JsonNode> pages(McpSyncClient client, String tool, Map<String, Object> arguments, int maxChars) {
        Map<String, Object> call = new HashMap<>(arguments);
        call.put("max_chars", maxChars);
        List<JsonNode> pages = new ArrayList<>();
        while (true) {
            JsonNode page = okWithin(client, tool, call, maxChars);
            pages.add(page);
            if (!page.hasNonNull("cursor")) return pages;
            if (pages.size() > 10_000) throw new AssertionError(tool + " never stops answering a cursor");
            call.put("cursor", page.path("cursor").asText());
        }
    }

    /** The error text of a call that must fail as a tool error (isError: true). */
    public static String error(McpSyncClient client, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = call(client, tool, arguments);
        if (!Boolean.TRUE.equals(result.isError())) {
            throw new AssertionError(tool + " was expected to fail but answered: " + text(result));
        }
        return text(result);
    }

    public static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }
}
