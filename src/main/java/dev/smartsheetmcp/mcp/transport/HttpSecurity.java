package dev.smartsheetmcp.mcp.transport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.eclipse.jetty.server.Handler;

/**
 * The checks every request on the HTTP port passes before it reaches {@code /mcp} or a Camel
 * route, in this order: Host on a loopback-bound server (403), Origin allow-list (403), bearer
 * token when one is set (401), body size (413). The settings are checked at start-up by the configuration validator.
 */
public final class HttpSecurity {

    public static final String AUTH_TOKEN = "http.auth-token";
    public static final String ALLOWED_ORIGINS = "http.allowed-origins";
    public static final String MAX_REQUEST_BYTES = "http.max-request-bytes";

    private final String authToken;
    private final List<OriginPattern> allowedOrigins;
    private final long maxRequestBytes;

    private HttpSecurity(String authToken, List<OriginPattern> allowedOrigins, long maxRequestBytes) {
        this.authToken = authToken;
        this.allowedOrigins = allowedOrigins;
        this.maxRequestBytes = maxRequestBytes;
    }

    public static HttpSecurity from(Function<String, String> property) {
        return new HttpSecurity(property.apply(AUTH_TOKEN), origins(property.apply(ALLOWED_ORIGINS)),
                Long.parseLong(property.apply(MAX_REQUEST_BYTES).trim()));
    }

    /** Parses the comma-separated allow-list; an entry that is not an origin throws, naming its position. */
    public static List<OriginPattern> origins(String list) {
        List<String> entries = Arrays.stream(list.split(",")).map(String::trim).filter(entry -> !entry.isEmpty()).toList();
        List<OriginPattern> origins = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            try {
                origins.add(OriginPattern.parse(entries.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("entry " + (i + 1) + " " + e.getMessage(), e);
            }
        }
        return List.copyOf(origins);
    }

    public boolean authenticates() {
        return authToken != null && !authToken.isEmpty();
    }

    public long maxRequestBytes() {
        return maxRequestBytes;
    }

    /**
     * {@code application} behind the checks; the MCP SDK's servlet at {@code mcpEndpoint} limits its
     * own bodies. A server bound to loopback also checks the Host header.
     */
    public Handler protect(Handler application, String mcpEndpoint, boolean loopbackBound) {
        BodySizeLimit sized = new BodySizeLimit(maxRequestBytes, mcpEndpoint);
        sized.setHandler(application);
        Handler authenticated = authenticates() ? new BearerTokenAuth(authToken, sized) : sized;
        Handler originChecked = new OriginCheck(allowedOrigins, authenticated);
        return loopbackBound ? new LoopbackHostCheck(originChecked) : originChecked;
    }
}
