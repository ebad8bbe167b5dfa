package dev.smartsheetmcp.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncListFilter;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;

/**
 * The settings that guard tool calls, applied to every tool: read-only mode ({@code tools.read-only})
 * and the confirmation of destructive calls ({@code tools.confirm-destructive},
 * {@code tools.confirm-destructive.tools}).
 */
final class ToolSafety {

    private final ReadOnlyMode readOnly;
    private final DestructiveConfirmation confirmation;

    private ToolSafety(ReadOnlyMode readOnly, DestructiveConfirmation confirmation) {
        this.readOnly = readOnly;
        this.confirmation = confirmation;
    }

    static ToolSafety from(CamelContext context, StartedRoutes routes) {
        boolean readOnly = Boolean.parseBoolean(property(context, "tools.read-only"));
        boolean confirm = Boolean.parseBoolean(property(context, "tools.confirm-destructive"));
        Set<String> confirmed = !confirm ? Set.of() : Arrays.stream(property(context, "tools.confirm-destructive.tools").split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).collect(Collectors.toUnmodifiableSet());
        return new ToolSafety(new ReadOnlyMode(readOnly),
                new DestructiveConfirmation(confirmed, new ConfirmationMessages(context, routes)));
    }

    List<SyncToolSpecification> apply(List<SyncToolSpecification> tools) {
        return tools.stream().map(confirmation::apply).map(readOnly::apply).toList();
    }

    McpSyncListFilter<McpSchema.Tool> listFilter() {
        return readOnly::isVisible;
    }

    private static String property(CamelContext context, String key) {
        return context.resolvePropertyPlaceholders("{{" + key + "}}").trim();
    }
}
