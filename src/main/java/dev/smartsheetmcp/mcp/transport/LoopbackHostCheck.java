package dev.smartsheetmcp.mcp.transport;

import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * On a server bound to loopback, refuses with 403 a request whose {@code Host} is not a loopback
 * name. A DNS-rebinding page reaches 127.0.0.1 under its own host name, and its same-origin GETs
 * carry no Origin header, so this is what keeps it from reading pages such as {@code /jobs} when
 * no token is set.
 */
final class LoopbackHostCheck extends Handler.Wrapper {

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    LoopbackHostCheck(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String host = request.getHttpURI().getHost();
        if (host != null && LOOPBACK_NAMES.contains(host.toLowerCase(Locale.ROOT))) {
            return super.handle(request, response, callback);
        }
        JsonErrorResponse.send(response, callback, 403, "forbidden_host",
                "This server listens on loopback only and answers requests addressed to localhost, 127.0.0.1 or [::1]");
        return true;
    }
}
