package dev.smartsheetmcp.mcp.transport;

import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses with 403 a request whose {@code Origin} header is not on the allow-list, as the MCP
 * specification requires of Streamable HTTP servers against DNS rebinding: a web page from a
 * foreign site must not drive a server on this machine through the browser. Requests without
 * an Origin (MCP clients, curl, probes) pass.
 */
final class OriginCheck extends Handler.Wrapper {

    private static final Logger LOG = LoggerFactory.getLogger(OriginCheck.class);

    private final List<OriginPattern> allowed;

    OriginCheck(List<OriginPattern> allowed, Handler next) {
        super(next);
        this.allowed = List.copyOf(allowed);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null || allowed.stream().anyMatch(pattern -> pattern.matches(origin))) {
            return super.handle(request, response, callback);
        }
        LOG.warn("Refused a request to {} from Origin {} (not in http.allowed-origins)",
                request.getHttpURI().getCanonicalPath(), printable(origin));
        JsonErrorResponse.send(response, callback, 403, "forbidden_origin",
                "Origin " + printable(origin) + " is not allowed; add it to MCP_ALLOWED_ORIGINS to allow it");
        return true;
    }

    /** An Origin header is attacker-chosen: keep it short and on one line in logs and answers. */
    private static String printable(String origin) {
        String oneLine = origin.replaceAll("[^\\x20-\\x7e]", "?");
        return oneLine.length() > 100 ? oneLine.substring(0, 100) + "..." : oneLine;
    }
}
