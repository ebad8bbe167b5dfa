package dev.smartsheetmcp.toolkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Pages a list that the upstream answers whole on every call (a folder's contents, Smartsheet-wide
 * search results): each call reads the list again and answers the items after the cursor, as many
 * as fit the {@link AnswerBudget}. The cursor holds the key of the last item answered and its
 * position; the next page starts right after that key, so items added or removed before it cause
 * no duplicate and no gap. When the key is gone, the page starts at the position instead.
 */
public final class KeyedPages {

    /** One page: its items, the index of its first item, and the cursor for the next page (null when done). */
    public record Page<T>(List<T> items, int start, String cursor) {
    }

    private KeyedPages() {
    }

    /**
     * The page of {@code items} (already in answer form) that {@code tool}'s call with
     * {@code arguments} asks for: from its {@code cursor} argument, if any, within {@code budget}.
     */
    public static <T> Page<T> page(String tool, Map<String, Object> arguments, List<T> items,
                                   Function<T, String> key, AnswerBudget budget) {
        int start = start(tool, arguments, items, key);
        List<T> taken = new ArrayList<>();
        int next = start;
        while (next < items.size() && budget.tryTake(items.get(next))) {
            taken.add(items.get(next));
            next++;
        }
        String cursor = null;
        if (next < items.size()) {
            Map<String, Object> position = new LinkedHashMap<>();
            position.put("after", key.apply(items.get(next - 1)));
            position.put("offset", next);
            cursor = Cursor.encode(tool, arguments, position);
        }
        return new Page<>(taken, start, cursor);
    }

    private static <T> int start(String tool, Map<String, Object> arguments, List<T> items, Function<T, String> key) {
        Object cursor = arguments.get(Cursor.ARGUMENT);
        if (cursor == null) return 0;
        if (!(cursor instanceof String text)) throw ToolException.invalidArgument(Cursor.ARGUMENT, "must be a string");
        JsonNode position = Cursor.decode(tool, arguments, text);
        String after = position.path("after").asText(null);
        if (after == null || !position.path("offset").canConvertToInt()) {
            throw ToolException.invalidArgument(Cursor.ARGUMENT, "is not a cursor this tool answered; pass it back unchanged");
        }
        for (int i = 0; i < items.size(); i++) {
            if (after.equals(key.apply(items.get(i)))) return i + 1;
        }
        return Math.min(Math.max(0, position.path("offset").asInt()), items.size());
    }
}
