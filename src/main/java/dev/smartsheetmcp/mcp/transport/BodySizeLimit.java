package dev.smartsheetmcp.mcp.transport;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's request size limit (413 by Content-Length before the body is read, and a failed read
 * once a streamed body passes the limit) on every path but the MCP endpoint. The MCP SDK's
 * servlet enforces the same limit itself ({@code maxRequestSize}) and answers 413 in both
 * cases; Jetty's failed read would reach it as an I/O error and come back as a 500.
 */
final class BodySizeLimit extends SizeLimitHandler {

    private final String mcpEndpoint;

    BodySizeLimit(long maxRequestBytes, String mcpEndpoint) {
        super(maxRequestBytes, -1);
        this.mcpEndpoint = mcpEndpoint;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (mcpEndpoint.equals(request.getHttpURI().getCanonicalPath())) {
            return getHandler().handle(request, response, callback);
        }
        return super.handle(request, response, callback);
    }
}
