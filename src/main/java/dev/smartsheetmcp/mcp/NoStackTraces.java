package dev.smartsheetmcp.mcp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A Jackson mix-in for every Throwable: the MCP SDK's HTTP transport writes its McpError
 * objects as JSON, and without this each transport-level error answer would carry a stack trace.
 */
@JsonIgnoreProperties({"stackTrace", "suppressed", "cause", "localizedMessage"})
abstract class NoStackTraces {
}
