package dev.smartsheetmcp.toolkit;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Keeps a tool's answer within {@code max_chars} characters of JSON, so it fits a model's
 * context. A tool offers its items one by one; an item is taken while the answer stays within
 * the budget. The first item is always taken, so every page makes progress (cut long text with
 * {@link TextCut} so one item stays small). A tool that stops early answers a {@link Cursor}.
 */
public final class AnswerBudget {

    /** The {@code max_chars} a call may ask for: from a useful page to what no model context holds. */
    public static final int MIN_MAX_CHARS = 1_000;
    public static final int MAX_MAX_CHARS = 1_000_000;

    private final int maxChars;
    private int usedChars;
    private int taken;

    /** {@code reservedChars}: what the answer holds besides the items (totals, cursor, field names). */
    public AnswerBudget(int maxChars, int reservedChars) {
        if (maxChars <= 0) throw new IllegalArgumentException("maxChars must be positive");
        this.maxChars = maxChars;
        this.usedChars = reservedChars;
    }

    /** The call's {@code max_chars} argument, checked to be in range, or {@code fallback} (the configured default). */
    public static int maxChars(ToolArguments arguments, int fallback) {
        int maxChars = arguments.optionalInt("max_chars").orElse(fallback);
        if (maxChars < MIN_MAX_CHARS || maxChars > MAX_MAX_CHARS) {
            throw ToolException.invalidArgument("max_chars", "must be between " + MIN_MAX_CHARS + " and " + MAX_MAX_CHARS
                    + " characters, got " + maxChars);
        }
        return maxChars;
    }

    /** Takes {@code item} (counting its JSON and a separator) when it fits, or when it is the first. */
    public boolean tryTake(Object item) {
        int size = jsonLength(item) + 1;
        if (taken > 0 && usedChars + size > maxChars) return false;
        usedChars += size;
        taken++;
        return true;
    }

    public int taken() {
        return taken;
    }

    public int usedChars() {
        return usedChars;
    }

    public int maxChars() {
        return maxChars;
    }

    /** Characters of {@code value} as JSON, counted in code points, as a reader counts characters. */
    public static int jsonLength(Object value) {
        try {
            String json = Json.MAPPER.writeValueAsString(value);
            return json.codePointCount(0, json.length());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON: " + value.getClass().getName(), e);
        }
    }
}
