package dev.smartsheetmcp.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * {@code tools.read-only}: only tools annotated {@code readOnlyHint: true} are listed and run. A
 * client that calls a writing tool anyway (from an old list, or by name) gets a tool error that
 * says why; the call does not reach its route.
 */
final class ReadOnlyMode {

    private final boolean enabled;

    ReadOnlyMode(boolean enabled) {
        this.enabled = enabled;
    }

    static boolean writes(McpSchema.Tool tool) {
        return tool.annotations() == null || !Boolean.TRUE.equals(tool.annotations().readOnlyHint());
    }

    boolean isVisible(McpTransportContext context, McpSchema.Tool tool) {
        return !enabled || !writes(tool);
    }

    SyncToolSpecification apply(SyncToolSpecification tool) {
        if (!enabled || !writes(tool.tool())) return tool;
        return new SyncToolSpecification(tool.tool(), (session, request) -> McpSchema.CallToolResult.builder().isError(true)
                .addTextContent(request.name() + " writes, and this server is read-only (tools.read-only, TOOLS_READ_ONLY):"
                        + " only tools that read are available").build());
    }
}
