package dev.smartsheetmcp.toolkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typed access to a tool call's arguments. The SDK has already checked them against the
 * tool's JSON schema; this adds what a schema cannot say well (ids that fit in 64 bits, for
 * one) and fails with {@link ToolException#invalidArgument} naming the field.
 */
public final class ToolArguments {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,19}");

    private final Map<String, Object> values;

    private ToolArguments(Map<String, Object> values) {
        this.values = values;
    }

    @SuppressWarnings("unchecked")
    public static ToolArguments of(Object body) {
        return new ToolArguments(body instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
    }

    /** A required Smartsheet id given as a string (or integer) of digits. */
    public long id(String name) {
        return optionalId(name).orElseThrow(() -> missing(name));
    }

    public Optional<Long> optionalId(String name) {
        Object value = values.get(name);
        return value == null ? Optional.empty() : Optional.of(parseId(name, value));
    }

    public List<Long> ids(String name) {
        List<Long> ids = new ArrayList<>();
        List<?> items = list(name);
        for (int i = 0; i < items.size(); i++) {
            ids.add(parseId(name + "[" + i + "]", items.get(i)));
        }
        return ids;
    }

    public String text(String name) {
        return optionalText(name).orElseThrow(() -> missing(name));
    }

    public Optional<String> optionalText(String name) {
        Object value = values.get(name);
        if (value == null) return Optional.empty();
        if (!(value instanceof String text)) throw ToolException.invalidArgument(name, "must be a string");
        return Optional.of(text);
    }

    /** A string that must not be blank. */
    public String nonBlankText(String name) {
        String text = text(name);
        if (text.isBlank()) throw ToolException.invalidArgument(name, "must not be empty");
        return text;
    }

    public boolean flag(String name, boolean fallback) {
        Object value = values.get(name);
        if (value == null) return fallback;
        if (!(value instanceof Boolean flag)) throw ToolException.invalidArgument(name, "must be true or false");
        return flag;
    }

    public Optional<Integer> optionalInt(String name) {
        Object value = values.get(name);
        if (value == null) return Optional.empty();
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return Optional.of(number.intValue());
        }
        throw ToolException.invalidArgument(name, "must be a whole number");
    }

    public List<?> list(String name) {
        Object value = values.get(name);
        if (value == null) throw missing(name);
        if (!(value instanceof List<?> list)) throw ToolException.invalidArgument(name, "must be an array");
        return list;
    }

    public Optional<List<?>> optionalList(String name) {
        return values.get(name) == null ? Optional.empty() : Optional.of(list(name));
    }

    /** A list of column titles (non-blank strings), in order, each once; absent gives an empty list. */
    public List<String> titles(String name) {
        List<String> titles = new ArrayList<>();
        List<?> raw = optionalList(name).orElse(List.of());
        for (int i = 0; i < raw.size(); i++) {
            if (!(raw.get(i) instanceof String title) || title.isBlank()) {
                throw ToolException.invalidArgument(name + "[" + i + "]", "must be a column title");
            }
            if (!titles.contains(title)) titles.add(title);
        }
        return titles;
    }

    /** A nested object; absent gives an empty one. */
    public ToolArguments object(String name) {
        Object value = values.get(name);
        if (value == null) return new ToolArguments(Map.of());
        if (!(value instanceof Map<?, ?>)) throw ToolException.invalidArgument(name, "must be an object");
        return of(value);
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    public Map<String, Object> asMap() {
        return values;
    }

    private static long parseId(String name, Object value) {
        String text = String.valueOf(value).trim();
        if (value instanceof Number number && !(value instanceof Long || value instanceof Integer)) {
            throw ToolException.invalidArgument(name, "must be an id given as a string of digits, got " + number);
        }
        if (!DIGITS.matcher(text).matches()) {
            throw ToolException.invalidArgument(name, "must be a Smartsheet id (digits only), got '" + shorten(text) + "'");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ToolException.invalidArgument(name, "is larger than a 64-bit Smartsheet id");
        }
    }

    private static ToolException missing(String name) {
        return ToolException.invalidArgument(name, "is required");
    }

    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
