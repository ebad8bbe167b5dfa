package dev.smartsheetmcp.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most {@code limit} tool calls in progress per MCP session: one client over HTTP cannot take
 * every worker thread from the others. A call over the limit is refused at once, as a tool error
 * the client can retry, and does not reach its route.
 */
final class SessionCallLimit {

    private static final Logger LOG = LoggerFactory.getLogger(SessionCallLimit.class);

    private final int limit;
    private final ConcurrentMap<String, Integer> inProgress = new ConcurrentHashMap<>();

    SessionCallLimit(int limit) {
        this.limit = limit;
    }

    SyncToolSpecification apply(SyncToolSpecification tool) {
        return new SyncToolSpecification(tool.tool(), (session, request) -> call(tool.callHandler(), session, request));
    }

    private McpSchema.CallToolResult call(
            BiFunction<McpSyncServerExchange, McpSchema.CallToolRequest, McpSchema.CallToolResult> handler,
            McpSyncServerExchange session, McpSchema.CallToolRequest request) {
        String sessionId = session.sessionId();
        if (!tryAcquire(sessionId)) {
            LOG.info("Refused {}: {} tool calls already in progress in MCP session {}", request.name(), limit, sessionId);
            return McpSchema.CallToolResult.builder().isError(true).addTextContent("Too many tool calls in progress in"
                    + " this session (at most " + limit + " at once, MCP_MAX_CONCURRENT_CALLS_PER_SESSION); retry "
                    + request.name() + " when one of them has finished").build();
        }
        try {
            return handler.apply(session, request);
        } finally {
            release(sessionId);
        }
    }

    private boolean tryAcquire(String sessionId) {
        AtomicBoolean acquired = new AtomicBoolean();
        inProgress.compute(sessionId, (id, count) -> {
            int current = count == null ? 0 : count;
            if (current >= limit) return count;
            acquired.set(true);
            return current + 1;
        });
        return acquired.get();
    }

    private void release(String sessionId) {
        inProgress.computeIfPresent(sessionId, (id, count) -> count == 1 ? null : count - 1);
    }
}
