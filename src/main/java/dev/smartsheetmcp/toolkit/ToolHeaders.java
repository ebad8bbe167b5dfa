package dev.smartsheetmcp.toolkit;

/**
 * Headers (and MDC keys) every tool call's exchange carries from the MCP bridge: the tool's name
 * and the MCP session, read by the routes, the logs and the tool-call metrics.
 */
public final class ToolHeaders {

    public static final String TOOL = "McpTool";
    public static final String SESSION = "McpSessionId";

    private ToolHeaders() {}
}
