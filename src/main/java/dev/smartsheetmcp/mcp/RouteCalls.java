package dev.smartsheetmcp.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.smartsheetmcp.toolkit.ToolException;
import dev.smartsheetmcp.upstream.CallKind;

/**
 * Resources, prompts and completions reach their Camel routes through here: a body and headers
 * in, the route's answer out (as JSON text when asked). A failure the caller can act on
 * ({@link ToolException}) becomes an invalid-params error with its message; anything else an
 * internal error by reference only, logged here.
 */
final class RouteCalls {

    private static final Logger LOG = LoggerFactory.getLogger(RouteCalls.class);

    private final StartedRoutes routes;
    private final McpJsonMapper json;

    RouteCalls(StartedRoutes routes, McpJsonMapper json) {
        this.routes = routes;
        this.json = json;
    }

    Object call(String route, Object body, Map<String, Object> headers, String what) {
        ProducerTemplate producer;
        try {
            producer = routes.producer();
        } catch (ToolException stillStarting) {
            throw failure(what, stillStarting);
        }
        Exchange result = producer.request(route, exchange -> {
            exchange.getIn().setBody(body);
            exchange.getIn().setHeaders(new java.util.HashMap<>(headers));
            CallKind.markInteractive(exchange);
        });
        if (result.getException() != null) throw failure(what, result.getException());
        return result.getMessage().getBody();
    }

    String callForText(String route, Object body, Map<String, Object> headers, String what) {
        Object answer = call(route, body, headers, what);
        try {
            return answer instanceof String text ? text : json.writeValueAsString(answer);
        } catch (IOException e) {
            throw new IllegalStateException(what + ": answer could not be written as JSON", e);
        }
    }

    <T> T convert(Object answer, Class<T> type) {
        return json.convertValue(answer, type);
    }

    private static McpError failure(String what, Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ToolException known) {
                LOG.info("{} failed: {}", what, known.getMessage());
                return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(known.getMessage()).build();
            }
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("{} failed unexpectedly (reference {})", what, reference, error);
        return McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
                .message("Internal error in " + what + " (reference " + reference + "); the server log has the details").build();
    }
}
