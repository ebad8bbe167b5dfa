package dev.smartsheetmcp.mcp.transport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>}, except the health
 * probes ({@code /health}, {@code /health/...}), which load balancers call without credentials.
 * A browser cannot send a bearer header when opening a page such as {@code /jobs}, so the token
 * is also accepted as the password of HTTP Basic authentication (any user name): the browser
 * asks for it once and sends it with the page's own requests.
 * Tokens are compared as SHA-256 digests with {@link MessageDigest#isEqual}, so the time taken
 * says nothing about the token; neither the token nor the presented value is ever logged.
 */
final class BearerTokenAuth extends Handler.Wrapper {

    private static final String BEARER = "bearer ";
    private static final String BASIC = "basic ";
    private static final String REALM = "realm=\"smartsheet-mcp-pipeline\"";

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
        String presented = authorization == null ? null : presentedToken(authorization);
        if (presented == null) {
            challenge(response, "");
            JsonErrorResponse.send(response, callback, 401, "unauthorized",
                    "This server requires the header Authorization: Bearer <MCP_AUTH_TOKEN>");
            return true;
        }
        if (!MessageDigest.isEqual(expectedDigest, sha256(presented))) {
            challenge(response, ", error=\"invalid_token\"");
            JsonErrorResponse.send(response, callback, 401, "invalid_token", "The bearer token is not valid");
            return true;
        }
        return super.handle(request, response, callback);
    }

    static boolean isHealthProbe(String path) {
        return path != null && (path.equals("/health") || path.startsWith("/health/"));
    }

    /** The token a Bearer or Basic authorization carries, or null when it carries none. */
    private static String presentedToken(String authorization) {
        String scheme = authorization.toLowerCase(Locale.ROOT);
        if (scheme.startsWith(BEARER)) return authorization.substring(BEARER.length()).trim();
        if (!scheme.startsWith(BASIC)) return null;
        try {
            String credentials = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return colon < 0 ? null : credentials.substring(colon + 1);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static void challenge(Response response, String bearerError) {
        response.getHeaders().add(HttpHeader.WWW_AUTHENTICATE, "Bearer " + REALM + bearerError);
        response.getHeaders().add(HttpHeader.WWW_AUTHENTICATE, "Basic " + REALM + ", charset=\"UTF-8\"");
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
