package dev.smartsheetmcp.mcp;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.Exchange;

/**
 * Sends {@code notifications/progress} to the MCP client whose tool call is being served, when
 * that call carried a progressToken; otherwise does nothing.
 */
public final class ProgressReporter {

    private ProgressReporter() {
    }

    public static boolean canReport(Exchange exchange) {
        return exchange.getMessage().getHeader(CamelToolBridge.PROGRESS_TOKEN_HEADER) != null
                && exchange.getProperty(CamelToolBridge.MCP_EXCHANGE_PROPERTY) instanceof McpSyncServerExchange;
    }

    public static void report(Exchange exchange, double progress, Double total, String message) {
        if (!canReport(exchange)) return;
        Object token = exchange.getMessage().getHeader(CamelToolBridge.PROGRESS_TOKEN_HEADER);
        McpSyncServerExchange session = exchange.getProperty(CamelToolBridge.MCP_EXCHANGE_PROPERTY, McpSyncServerExchange.class);
        session.progressNotification(new McpSchema.ProgressNotification(token, progress, total, message));
    }
}
