package dev.smartsheetmcp.app.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>}, except the health
 * probes ({@code /health}, {@code /health/...}), which load balancers call without credentials.
 * Tokens are compared as SHA-256 digests with {@link MessageDigest#isEqual}, so the time taken
 * says nothing about the token; neither the token nor the presented value is ever logged.
 */
final class BearerTokenAuth extends Handler.Wrapper {

    private static final String SCHEME = "bearer ";
    private static final String CHALLENGE = "Bearer realm=\"smartsheet-mcp-pipeline\"";

    private final byte[] expectedDigest;

    BearerTokenAuth(String token, Handler next) {
        super(next);
        this.expectedDigest = sha256(token);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (isHealthProbe(request.getHttpURI().getCanonicalPath())) {
            return super.handle(request, response, callback);
        }
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, CHALLENGE);
            JsonErrorResponse.send(response, callback, 401, "unauthorized",
                    "This server requires the header Authorization: Bearer <MCP_AUTH_TOKEN>");
            return true;
        }
        if (!MessageDigest.isEqual(expectedDigest, sha256(authorization.substring(SCHEME.length()).trim()))) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, CHALLENGE + ", error=\"invalid_token\"");
            JsonErrorResponse.send(response, callback, 401, "invalid_token", "The bearer token is not valid");
            return true;
        }
        return super.handle(request, response, callback);
    }

    static boolean isHealthProbe(String path) {
        return path != null && (path.equals("/health") || path.startsWith("/health/"));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
