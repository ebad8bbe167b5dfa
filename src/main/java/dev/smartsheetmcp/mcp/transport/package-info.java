/**
 * The MCP transports: stdio (standard streams kept for the protocol, end of input) and Streamable
 * HTTP on the embedded Jetty server, with its security (bearer token, Origin and Host checks, body
 * size limit).
 */
package dev.smartsheetmcp.mcp.transport;
