package dev.smartsheetmcp.mcp;

import dev.smartsheetmcp.toolkit.Json;
import dev.smartsheetmcp.toolkit.ToolException;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;

/**
 * The question that asks to confirm a destructive call: the route {@code direct:confirm-<tool>}
 * answers it from the call's arguments (reading what will be lost, such as the column's title or
 * the job's progress), or, for a tool without that route, the tool's name and arguments.
 */
class ConfirmationMessages {

    private final CamelContext context;
    private final StartedRoutes routes;

    ConfirmationMessages(CamelContext context, StartedRoutes routes) {
        this.context = context;
        this.routes = routes;
    }

    String describe(String tool, Map<String, Object> arguments) {
        if (context.getRoute("confirm-" + tool) == null) return generic(tool, arguments);
        Exchange described = routes.producer().request("direct:confirm-" + tool, exchange -> exchange.getIn().setBody(arguments));
        if (described.getException() != null) throw new Refused(tool, described.getException());
        return described.getMessage().getBody(String.class);
    }

    private static String generic(String tool, Map<String, Object> arguments) {
        try {
            return "Run " + tool + " with " + Json.MAPPER.writeValueAsString(arguments) + "? This cannot be undone.";
        } catch (Exception e) {
            return "Run " + tool + "? This cannot be undone.";
        }
    }

    /** The call cannot even be described (an unknown column or job): it fails as the call itself would, unasked. */
    static final class Refused extends RuntimeException {

        private final String tool;

        Refused(String tool, Throwable cause) {
            super(cause);
            this.tool = tool;
        }

        McpSchema.CallToolResult result() {
            String message = null;
            for (Throwable cause = getCause(); cause != null && message == null; cause = cause.getCause()) {
                if (cause instanceof ToolException known) message = known.getMessage();
            }
            return McpSchema.CallToolResult.builder().isError(true)
                    .addTextContent(message != null ? message : tool + " could not be prepared; nothing was changed").build();
        }
    }
}
