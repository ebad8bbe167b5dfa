package dev.smartsheetmcp.sandbox.smartsheet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One routed API call: path variables, query parameters and the JSON body. */
final class ApiRequest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> pathVariables;
    private final Map<String, String> query;
    private final byte[] body;
    private final User caller;
    private final Map<String, String> headers;

    ApiRequest(Map<String, String> pathVariables, String rawQuery, byte[] body, User caller) {
        this(pathVariables, rawQuery, body, caller, Map.of());
    }

    /** {@code headers}: the request's headers by lower-case name (first value). */
    ApiRequest(Map<String, String> pathVariables, String rawQuery, byte[] body, User caller, Map<String, String> headers) {
        this.pathVariables = pathVariables;
        this.query = parseQuery(rawQuery);
        this.body = body;
        this.caller = caller;
        this.headers = headers;
    }

    /** A request header by lower-case name, or null. */
    String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    /** The body's bytes as sent (a file upload). */
    byte[] rawBody() {
        return body;
    }

    /** The user whose access token made the request. */
    User caller() {
        return caller;
    }

    /** A numeric id from the path; a malformed one names nothing, so it is "Not Found". */
    long pathId(String name) {
        try {
            return Long.parseLong(pathVariables.get(name));
        } catch (NumberFormatException e) {
            throw ApiError.notFound();
        }
    }

    String query(String name) {
        return query.get(name);
    }

    boolean flag(String name) {
        return "true".equalsIgnoreCase(query.get(name));
    }

    /** A positive whole-number parameter, or null when absent. */
    Integer positiveInt(String name) {
        String raw = query.get(name);
        if (raw == null) return null;
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= 1) return value;
        } catch (NumberFormatException e) {
            // falls through to the same answer as a value below 1
        }
        throw ApiError.invalidParameter(raw, name);
    }

    /** A comma-separated id list, or null when absent. */
    List<Long> ids(String name) {
        String raw = query.get(name);
        if (raw == null) return null;
        List<Long> ids = new ArrayList<>();
        for (String part : raw.split(",")) {
            if (part.isBlank()) continue;
            try {
                ids.add(Long.parseLong(part.trim()));
            } catch (NumberFormatException e) {
                throw ApiError.invalidParameter(raw, name);
            }
        }
        return ids;
    }

    /** The comma-separated words of include or exclude. */
    Set<String> words(String name) {
        String raw = query.get(name);
        if (raw == null) return Set.of();
        Set<String> words = new LinkedHashSet<>();
        Arrays.stream(raw.split(",")).map(String::trim).filter(word -> !word.isEmpty()).forEach(words::add);
        return words;
    }

    JsonNode body() {
        if (body.length == 0) throw new ApiError(400, 1024, "The HTTP request body is required for this Method.");
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.unparsable(e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiError.unparsable(e.getMessage());
        }
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) return params;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }
}
