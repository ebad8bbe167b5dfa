package dev.smartsheetmcp.mcp.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smartsheetmcp.toolkit.Json;

/**
 * Looks at each JSON-RPC message a client sends before the MCP SDK reads it, which tells a tool
 * call neither its request id nor of a {@code notifications/cancelled}: a {@code tools/call} gets
 * its call key (the session and request id) in {@code params._meta}, and a cancellation is handed
 * to the listener and consumed, so the SDK does not warn about a notification it has no handler for.
 */
public final class CallMessages {

    /** The {@code _meta} key of a call's key in a {@code tools/call}. */
    public static final String CALL_KEY = "dev.smartsheetmcp/call";

    /** Hears the cancellation of the call with this key. */
    public interface CancelListener {
        void cancelled(String callKey, String reason);
    }

    private final CancelListener listener;

    public CallMessages(CancelListener listener) {
        this.listener = listener;
    }

    /** The message to pass on, or null when it was a cancellation, now handled. Not JSON-RPC: passed on as it is. */
    public String inspect(String session, String message) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(message);
        } catch (Exception notJson) {
            return message;
        }
        if (!(node instanceof ObjectNode object)) return message;
        String method = object.path("method").asText("");
        if (method.equals("notifications/cancelled")) {
            JsonNode params = object.path("params");
            listener.cancelled(key(session, params.path("requestId")), params.path("reason").asText(null));
            return null;
        }
        if (method.equals("tools/call") && object.has("id") && object.path("params").isObject()) {
            ObjectNode params = (ObjectNode) object.get("params");
            JsonNode meta = params.path("_meta");
            ObjectNode withKey = meta.isObject() ? (ObjectNode) meta : params.putObject("_meta");
            withKey.put(CALL_KEY, key(session, object.get("id")));
            return object.toString();
        }
        return message;
    }

    private static String key(String session, JsonNode requestId) {
        return session + "/" + requestId.toString();
    }
}
