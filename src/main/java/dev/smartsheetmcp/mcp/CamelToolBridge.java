package dev.smartsheetmcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import dev.smartsheetmcp.toolkit.CallCancellation;
import dev.smartsheetmcp.toolkit.ToolException;
import dev.smartsheetmcp.toolkit.ToolHeaders;
import dev.smartsheetmcp.upstream.CallKind;

/**
 * The one bridge between the MCP SDK and Camel: a tool call becomes a message on
 * {@code direct:tool-<name>} with the arguments as its body, and the route's answer (or
 * failure) becomes the tool result. Failures the caller can act on ({@link ToolException})
 * keep their message; anything else is reported by reference only, and logged here.
 */
final class CamelToolBridge {

    /** Headers a tool route may read. */
    static final String TOOL_HEADER = ToolHeaders.TOOL;
    static final String SESSION_HEADER = ToolHeaders.SESSION;
    static final String PROGRESS_TOKEN_HEADER = "McpProgressToken";
    /** Exchange property holding the {@link McpSyncServerExchange}, for progress notifications. */
    static final String MCP_EXCHANGE_PROPERTY = "McpServerExchange";

    private static final Logger LOG = LoggerFactory.getLogger(CamelToolBridge.class);

    private final StartedRoutes routes;
    private final McpJsonMapper json;
    private final InFlightCalls calls;

    CamelToolBridge(StartedRoutes routes, McpJsonMapper json, InFlightCalls calls) {
        this.routes = routes;
        this.json = json;
        this.calls = calls;
    }

    SyncToolSpecification specification(McpSchema.Tool tool) {
        return new SyncToolSpecification(tool, (exchange, request) -> call(tool, exchange, request));
    }

    private McpSchema.CallToolResult call(McpSchema.Tool definition, McpSyncServerExchange session, McpSchema.CallToolRequest request) {
        String tool = definition.name();
        MDC.put(TOOL_HEADER, tool);
        MDC.put(SESSION_HEADER, session.sessionId());
        CallCancellation cancellation = calls.started(request);
        try {
            Exchange result = routes.producer().request("direct:tool-" + tool, exchange -> {
                exchange.getIn().setBody(request.arguments() == null ? Map.of() : request.arguments());
                exchange.getIn().setHeader(TOOL_HEADER, tool);
                exchange.getIn().setHeader(SESSION_HEADER, session.sessionId());
                exchange.getIn().setHeader(PROGRESS_TOKEN_HEADER, request.progressToken());
                exchange.setProperty(MCP_EXCHANGE_PROPERTY, session);
                exchange.setProperty(CallCancellation.PROPERTY, cancellation);
                CallKind.markInteractive(exchange);
            });
            return result.getException() == null ? success(definition, result.getMessage().getBody()) : failure(tool, result.getException());
        } catch (ToolException stillStarting) {
            return failure(tool, stillStarting);
        } finally {
            calls.finished(request);
            MDC.remove(TOOL_HEADER);
            MDC.remove(SESSION_HEADER);
        }
    }

    /**
     * The answer as text, and, for a tool that declares an {@code outputSchema}, the same answer as
     * {@code structuredContent} (the SDK checks it against the schema before it leaves). An answer
     * that is not text already becomes a JSON tree once: the text is written from it, and the
     * schema check and the answer's JSON-RPC message read the same tree.
     */
    private McpSchema.CallToolResult success(McpSchema.Tool tool, Object body) {
        try {
            if (body instanceof String text) {
                return result(text, tool.outputSchema() == null ? null : json.readValue(text, JsonNode.class));
            }
            JsonNode answer = json.convertValue(body, JsonNode.class);
            return result(json.writeValueAsString(answer), tool.outputSchema() == null ? null : answer);
        } catch (IOException e) {
            throw new IllegalStateException("tool answer could not be written as JSON", e);
        }
    }

    private static McpSchema.CallToolResult result(String text, JsonNode structured) {
        McpSchema.CallToolResult.Builder result = McpSchema.CallToolResult.builder().addTextContent(text).isError(false);
        if (structured != null) result.structuredContent(structured);
        return result.build();
    }

    private static McpSchema.CallToolResult failure(String tool, Throwable error) {
        ToolException known = findToolException(error);
        if (known == null && error instanceof CallNotPermittedException open) {
            known = new ToolException("'" + open.getCausingCircuitBreakerName() + "' is temporarily unavailable:"
                    + " its circuit breaker opened after repeated failures; calls resume once it recovers");
        }
        String message;
        if (known != null) {
            message = known.getMessage();
            LOG.info("Tool {} failed: {}", tool, message);
        } else {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            message = "Internal error in " + tool + " (reference " + reference + "); the server log has the details";
            LOG.error("Tool {} failed unexpectedly (reference {})", tool, reference, error);
        }
        return McpSchema.CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    private static ToolException findToolException(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ToolException tool) return tool;
        }
        return null;
    }
}
