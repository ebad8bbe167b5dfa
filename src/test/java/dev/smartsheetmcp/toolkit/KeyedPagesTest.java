package dev.smartsheetmcp.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Pages of a list read whole on every call, continued after the key of the last item answered. */
class KeyedPagesTest {

    private static final Function<Map<String, Object>, String> KEY = item -> String.valueOf(item.get("id"));

    @Test
    void continuesAfterTheLastKeyEvenWhenItemsAreAddedOrRemovedBeforeIt() {
        List<Map<String, Object>> items = items(0, 30);
        Map<String, Object> arguments = new HashMap<>(Map.of("folder_id", "1"));
        KeyedPages.Page<Map<String, Object>> first = KeyedPages.page("t", arguments, items, KEY, new AnswerBudget(200, 0));
        assertThat(first.cursor()).isNotNull();
        int taken = first.items().size();

        List<Map<String, Object>> changed = new ArrayList<>(items);
        changed.add(0, Map.of("id", "new", "name", "inserted before"));
        changed.remove(1);
        arguments.put("cursor", first.cursor());
        KeyedPages.Page<Map<String, Object>> second = KeyedPages.page("t", arguments, changed, KEY, new AnswerBudget(200, 0));

        assertThat(second.items().get(0).get("id")).isEqualTo(items.get(taken).get("id"));
    }

    @Test
    void startsAtTheRecordedPositionWhenTheLastKeyIsGone() {
        List<Map<String, Object>> items = items(0, 30);
        Map<String, Object> arguments = new HashMap<>();
        KeyedPages.Page<Map<String, Object>> first = KeyedPages.page("t", arguments, items, KEY, new AnswerBudget(200, 0));
        List<Map<String, Object>> changed = new ArrayList<>(items);
        changed.remove(first.items().size() - 1);
        arguments.put("cursor", first.cursor());

        KeyedPages.Page<Map<String, Object>> second = KeyedPages.page("t", arguments, changed, KEY, new AnswerBudget(200, 0));

        assertThat(second.start()).isEqualTo(first.items().size());
    }

    @Test
    void refusesACursorOfAnotherTool() {
        String cursor = KeyedPages.page("a", new HashMap<>(), items(0, 30), KEY, new AnswerBudget(100, 0)).cursor();
        assertThatThrownBy(() -> KeyedPages.page("b", new HashMap<>(Map.of("cursor", cursor)), items(0, 30), KEY,
                new AnswerBudget(100, 0))).hasMessageContaining("another tool");
    }

    private static List<Map<String, Object>> items(int from, int to) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = from; i < to; i++) items.add(Map.of("id", "item-" + i, "name", "Item number " + i));
        return items;
    }
}
