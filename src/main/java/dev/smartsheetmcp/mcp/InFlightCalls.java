package dev.smartsheetmcp.mcp;

import dev.smartsheetmcp.mcp.transport.CallMessages;
import dev.smartsheetmcp.toolkit.CallCancellation;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tool calls in progress, by call key, so that a {@code notifications/cancelled} reaches the
 * call it names: its {@link CallCancellation} is set once and logged once. A cancellation of a call
 * that already finished (or never was) is normal in the protocol's race, and only logged at debug.
 */
final class InFlightCalls implements CallMessages.CancelListener {

    private static final Logger LOG = LoggerFactory.getLogger(InFlightCalls.class);

    private record Call(String tool, CallCancellation cancellation) {
    }

    private final Map<String, Call> calls = new ConcurrentHashMap<>();

    /** The call's cancellation, registered under its key until {@link #finished}; a fresh one when it has no key. */
    CallCancellation started(McpSchema.CallToolRequest request) {
        CallCancellation cancellation = new CallCancellation();
        String key = key(request);
        if (key != null) calls.put(key, new Call(request.name(), cancellation));
        return cancellation;
    }

    void finished(McpSchema.CallToolRequest request) {
        String key = key(request);
        if (key != null) calls.remove(key);
    }

    @Override
    public void cancelled(String callKey, String reason) {
        Call call = calls.get(callKey);
        if (call == null) {
            LOG.debug("Cancellation of {} ignored: no such call in progress", callKey);
        } else if (call.cancellation().cancel()) {
            LOG.info("Tool call {} ({}) cancelled by the client{}", callKey, call.tool(), reason == null ? "" : ": " + reason);
        }
    }

    private static String key(McpSchema.CallToolRequest request) {
        return request.meta() == null ? null : (String) request.meta().get(CallMessages.CALL_KEY);
    }
}
