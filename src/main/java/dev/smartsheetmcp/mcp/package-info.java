/**
 * The MCP server: the tool catalog (JSON schemas and annotations), the bridge that hands each
 * {@code tools/call} to its Camel route {@code direct:tool-<name>}, progress notifications, the
 * per-session call limit and the server's lifecycle; resources, resource templates, prompts and
 * completions, each handed to its Camel route ({@code McpFeatures}), and resource subscriptions.
 * Its transports live in {@code mcp.transport}.
 */
package dev.smartsheetmcp.mcp;
