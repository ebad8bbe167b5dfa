package dev.smartsheetmcp.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the user to confirm a call of a tool that loses data ({@code tools.confirm-destructive.tools})
 * through MCP elicitation, when the client declared that it supports elicitation: the question names
 * what will be lost, as the route {@code direct:confirm-<tool>} words it from the call's arguments
 * (a tool without such a route is described by its arguments). Only an explicit confirmation runs
 * the call; a decline, a dismissal or an unchecked box changes nothing and answers a tool error
 * saying so. A client without elicitation is not asked (it has its own approval of tool calls).
 */
final class DestructiveConfirmation {

    static final String CONFIRM_FIELD = "confirm";

    private static final Logger LOG = LoggerFactory.getLogger(DestructiveConfirmation.class);

    private final Set<String> tools;
    private final ConfirmationMessages messages;

    DestructiveConfirmation(Set<String> tools, ConfirmationMessages messages) {
        this.tools = tools;
        this.messages = messages;
    }

    SyncToolSpecification apply(SyncToolSpecification tool) {
        if (!tools.contains(tool.tool().name())) return tool;
        return new SyncToolSpecification(tool.tool(), (session, request) -> {
            if (!canAsk(session)) return tool.callHandler().apply(session, request);
            String question;
            try {
                question = messages.describe(request.name(), request.arguments() == null ? Map.of() : request.arguments());
            } catch (ConfirmationMessages.Refused refused) {
                return refused.result();
            }
            McpSchema.ElicitResult answer = session.createElicitation(McpSchema.ElicitRequest.builder(question, schema(question)).build());
            if (confirmed(answer)) return tool.callHandler().apply(session, request);
            LOG.info("{} not run: the user answered {} to the confirmation", request.name(), answer.action());
            return McpSchema.CallToolResult.builder().isError(true).addTextContent("Nothing was changed: the user did not"
                    + " confirm " + request.name() + " (" + answer.action().name().toLowerCase() + ")").build();
        });
    }

    private static boolean canAsk(McpSyncServerExchange session) {
        return session.getClientCapabilities() != null && session.getClientCapabilities().elicitation() != null;
    }

    private static boolean confirmed(McpSchema.ElicitResult answer) {
        return answer.action() == McpSchema.ElicitResult.Action.ACCEPT && answer.content() != null
                && Boolean.TRUE.equals(answer.content().get(CONFIRM_FIELD));
    }

    /** One required boolean, as elicitation allows: a client shows it as a checkbox under the question. */
    private static Map<String, Object> schema(String question) {
        return Map.of("type", "object",
                "properties", Map.of(CONFIRM_FIELD, Map.of("type", "boolean", "title", "Yes, go ahead", "description", question)),
                "required", java.util.List.of(CONFIRM_FIELD));
    }
}
