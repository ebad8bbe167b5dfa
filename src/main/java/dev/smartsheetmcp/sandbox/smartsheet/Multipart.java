package dev.smartsheetmcp.sandbox.smartsheet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a multipart/form-data body into its parts, byte for byte (RFC 7578). */
final class Multipart {

    record Part(String name, String fileName, String contentType, byte[] content) {
    }

    private Multipart() {
    }

    static List<Part> parse(byte[] body, String contentType) {
        String boundary = parameter(contentType, "boundary");
        if (boundary == null) throw ApiError.unparsable("multipart/form-data without a boundary");
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] separator = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        if (at < 0) throw ApiError.unparsable("multipart body without its boundary");
        List<Part> parts = new ArrayList<>();
        int position = at + delimiter.length;
        while (position + 1 < body.length && !(body[position] == '-' && body[position + 1] == '-')) {
            position = skipLine(body, position);
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), position);
            if (headersEnd < 0) throw ApiError.unparsable("multipart part without headers");
            Map<String, String> headers = headers(new String(body, position, headersEnd - position, StandardCharsets.UTF_8));
            int contentStart = headersEnd + 4;
            int contentEnd = indexOf(body, separator, contentStart);
            if (contentEnd < 0) throw ApiError.unparsable("multipart part without its closing boundary");
            String disposition = headers.getOrDefault("content-disposition", "");
            parts.add(new Part(parameter(disposition, "name"), parameter(disposition, "filename"),
                    headers.get("content-type"), Arrays.copyOfRange(body, contentStart, contentEnd)));
            position = contentEnd + separator.length;
        }
        return parts;
    }

    /** A parameter of a header value such as {@code form-data; name="file"; filename="a.txt"}, unquoted. */
    static String parameter(String headerValue, String name) {
        for (String piece : headerValue.split(";")) {
            String trimmed = piece.trim();
            int eq = trimmed.indexOf('=');
            if (eq < 0 || !trimmed.substring(0, eq).trim().equalsIgnoreCase(name)) continue;
            String value = trimmed.substring(eq + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) value = value.substring(1, value.length() - 1);
            return value;
        }
        return null;
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : block.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return headers;
    }

    private static int skipLine(byte[] body, int from) {
        int end = indexOf(body, new byte[] {'\r', '\n'}, from);
        return end < 0 ? body.length : end + 2;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
