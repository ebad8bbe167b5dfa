package dev.smartsheetmcp.toolkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The opaque {@code cursor} a tool answers when an answer stopped at its size budget: where the
 * next page starts, bound to the tool and to the arguments of the call that made it. A cursor
 * given to another tool, or with other arguments, or damaged, is refused with an error that
 * names the {@code cursor} argument.
 *
 * <p>Encoded as base64url JSON: {@code {"t": tool, "a": hash of the arguments, "p": position}}.
 */
public final class Cursor {

    public static final String ARGUMENT = "cursor";
    /** Arguments that size a page but not what it lists: a cursor stays valid when they change. */
    private static final Set<String> PAGE_SIZING = Set.of(ARGUMENT, "max_chars", "page_size");

    private Cursor() {
    }

    /** A cursor for {@code tool} continuing at {@code position}, for a call with {@code arguments}. */
    public static String encode(String tool, Map<String, Object> arguments, Map<String, Object> position) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("t", tool);
        node.put("a", fingerprint(arguments));
        node.set("p", Json.MAPPER.valueToTree(position));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position in {@code cursor}, checked to come from {@code tool} called with the same
     * {@code arguments} ({@code cursor}, {@code max_chars} and {@code page_size} aside).
     */
    public static JsonNode decode(String tool, Map<String, Object> arguments, String cursor) {
        JsonNode node = parse(cursor);
        if (!tool.equals(node.path("t").asText())) {
            throw ToolException.invalidArgument(ARGUMENT, "comes from another tool ('" + node.path("t").asText()
                    + "'); pass the cursor to the tool that answered it");
        }
        if (!fingerprint(arguments).equals(node.path("a").asText())) {
            throw ToolException.invalidArgument(ARGUMENT, "was answered for other arguments; call again with"
                    + " the same arguments as the call that answered it, or without a cursor to start over");
        }
        return node.path("p");
    }

    private static JsonNode parse(String cursor) {
        try {
            JsonNode node = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(cursor));
            if (node != null && node.isObject() && node.has("t") && node.has("p")) return node;
        } catch (IllegalArgumentException | java.io.IOException e) {
            // reported below, without echoing what was given
        }
        throw ToolException.invalidArgument(ARGUMENT, "is not a cursor this server answered; pass it back unchanged");
    }

    /** A short hash of the arguments that shape the answer, in a stable order. */
    private static String fingerprint(Map<String, Object> arguments) {
        Map<String, Object> shaping = new TreeMap<>(arguments);
        shaping.keySet().removeAll(PAGE_SIZING);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    Json.MAPPER.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsBytes(shaping));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
