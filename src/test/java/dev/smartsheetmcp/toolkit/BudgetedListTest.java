package dev.smartsheetmcp.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Taking items until the size budget, then answering a cursor that continues after the last one. */
class BudgetedListTest {

    private static final List<Map<String, Object>> ITEMS = items(200);

    @Test
    void pagesThroughAListWithinTheBudgetWithoutDuplicateOrGap() {
        Map<String, Object> arguments = new HashMap<>(Map.of("workspace_id", "9007199254740993", "max_chars", 1500));
        List<Object> seen = new ArrayList<>();
        int pages = 0;
        while (true) {
            BudgetedList<Map<String, Object>> page = BudgetedList.of("list_things", arguments, 20_000);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("things", List.of());
            answer.put("total_count", ITEMS.size());
            page.frame(answer).offerAll(page.remainder(ITEMS, item -> (String) item.get("id"), "thing"));
            answer.put("things", page.items());
            page.finish(answer, item -> (String) item.get("id"));
            pages++;
            assertThat(AnswerBudget.jsonLength(answer)).as("page " + pages).isLessThanOrEqualTo(1500);
            page.items().forEach(item -> seen.add(item.get("id")));
            if (!answer.containsKey("cursor")) break;
            assertThat(page.answeredSoFar()).isEqualTo(seen.size());
            arguments.put("cursor", answer.get("cursor"));
        }
        assertThat(pages).isGreaterThan(5);
        assertThat(seen).isEqualTo(ITEMS.stream().map(item -> item.get("id")).toList());
    }

    @Test
    void aListThatFitsHasNoCursor() {
        BudgetedList<Map<String, Object>> page = BudgetedList.of("list_things", Map.of(), 20_000);
        Map<String, Object> answer = new LinkedHashMap<>(Map.of("things", List.of()));
        page.frame(answer).offerAll(ITEMS.subList(0, 10));

        assertThat(page.full()).isFalse();
        assertThat(page.finish(answer, item -> (String) item.get("id"))).doesNotContainKey("cursor");
        assertThat(page.fromStart()).isTrue();
    }

    @Test
    void refusesABudgetOutOfRangeNamingMaxChars() {
        assertThatThrownBy(() -> BudgetedList.of("list_things", Map.of("max_chars", 10), 20_000))
                .hasMessage("Invalid argument 'max_chars': must be between 1000 and 1000000 characters, got 10");
    }

    @Test
    void aCursorWhoseItemIsGoneIsStaleAndAForeignOneIsRefused() {
        String cursor = Cursor.encode("list_things", Map.of(), Map.of("after", "gone", "n", 3));
        BudgetedList<Object> page = BudgetedList.of("list_things", Map.of("cursor", cursor), 20_000);
        assertThatThrownBy(() -> page.remainder(ITEMS, item -> (String) item.get("id"), "thing"))
                .hasMessageStartingWith("Invalid argument 'cursor': is stale: the thing the previous page ended with");

        assertThatThrownBy(() -> BudgetedList.of("list_other", Map.of("cursor", cursor), 20_000))
                .hasMessageStartingWith("Invalid argument 'cursor': comes from another tool");
        String noPosition = Cursor.encode("list_things", Map.of(), Map.of("page", 2));
        assertThatThrownBy(() -> BudgetedList.of("list_things", Map.of("cursor", noPosition), 20_000))
                .hasMessageStartingWith("Invalid argument 'cursor': is not a cursor this server answered");
    }

    private static List<Map<String, Object>> items(int count) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) items.add(Map.of("id", Long.toString(9007199254740993L + i), "name", "Item " + i));
        return items;
    }
}
