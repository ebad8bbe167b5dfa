package dev.smartsheetmcp.mcp.transport;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * One entry of the Origin allow-list: {@code scheme://host}, {@code scheme://host:port} or
 * {@code scheme://host:*} (any port). Browsers send origins without a path and without the
 * scheme's default port, so an entry without a port matches the default port only.
 */
public record OriginPattern(String scheme, String host, Integer port) {

    private static final String ANY_PORT = ":*";

    /** Parses an allow-list entry; the message of the exception says what is wrong without repeating it. */
    public static OriginPattern parse(String entry) {
        String text = entry.trim();
        boolean anyPort = text.endsWith(ANY_PORT);
        OriginPattern origin = parseOrigin(anyPort ? text.substring(0, text.length() - ANY_PORT.length()) : text);
        if (origin == null) {
            throw new IllegalArgumentException("is not an origin of the form http(s)://host[:port|:*]");
        }
        return anyPort ? new OriginPattern(origin.scheme, origin.host, null) : origin;
    }

    /** Whether the value of an Origin header is this entry; a malformed or {@code null} origin never is. */
    public boolean matches(String originHeader) {
        OriginPattern origin = parseOrigin(originHeader.trim());
        return origin != null && origin.scheme.equals(scheme) && origin.host.equals(host)
                && (port == null || port.equals(origin.port));
    }

    private static OriginPattern parseOrigin(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                    && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            if (!web || !bare || uri.getHost() == null) return null;
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return new OriginPattern(scheme, uri.getHost().toLowerCase(Locale.ROOT), port);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
