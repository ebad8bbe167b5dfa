package dev.smartsheetmcp.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The size budget, the cursor and text cutting that every paged tool answer uses. */
class AnswerBudgetTest {

    @Test
    void takesItemsWhileTheAnswerStaysWithinTheBudgetAndAlwaysTheFirst() {
        AnswerBudget budget = new AnswerBudget(100, 20);
        Map<String, String> item = Map.of("text", "x".repeat(20)); // {"text":"xxx…"} = 31 chars, 32 with a comma

        assertThat(budget.tryTake(item)).isTrue();
        assertThat(budget.tryTake(item)).isTrue();
        assertThat(budget.tryTake(item)).as("20 + 3 x 32 > 100").isFalse();
        assertThat(budget.taken()).isEqualTo(2);
        assertThat(budget.usedChars()).isEqualTo(84);

        AnswerBudget tiny = new AnswerBudget(10, 0);
        assertThat(tiny.tryTake(item)).as("the first item always goes, so a page makes progress").isTrue();
        assertThat(tiny.tryTake(Map.of())).isFalse();
    }

    @Test
    void maxCharsIsTheCallsOwnWithinItsRangeOrTheDefault() {
        assertThat(AnswerBudget.maxChars(ToolArguments.of(Map.of()), 20_000)).isEqualTo(20_000);
        assertThat(AnswerBudget.maxChars(ToolArguments.of(Map.of("max_chars", 1_000)), 20_000)).isEqualTo(1_000);
        assertThatThrownBy(() -> AnswerBudget.maxChars(ToolArguments.of(Map.of("max_chars", 10)), 20_000))
                .hasMessage("Invalid argument 'max_chars': must be between 1000 and 1000000 characters, got 10");
        assertThatThrownBy(() -> AnswerBudget.maxChars(ToolArguments.of(Map.of("max_chars", 2_000_000)), 20_000))
                .hasMessageContaining("got 2000000");
    }

    @Test
    void countsCharactersNotUtf16Units() {
        assertThat(AnswerBudget.jsonLength("😀é")).isEqualTo(4);
    }

    @Test
    void cutsLongTextAtACharacterBoundaryWithAMarker() {
        assertThat(TextCut.cut("short", 10)).isEqualTo("short");
        assertThat(TextCut.cut("😀😀😀", 2)).isEqualTo("😀😀… [cut: 1 more characters]");
        assertThat(TextCut.cut("a😀b", 1)).isEqualTo("a… [cut: 2 more characters]");
        assertThat(TextCut.cut(null, 3)).isNull();
    }

    @Test
    void aCursorContinuesOnlyTheToolAndArgumentsThatAnsweredIt() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("sheet_id", "9007199254740993");
        arguments.put("filter", List.of(Map.of("column", "Status", "operator", "equals", "value", "Open")));
        arguments.put("max_chars", 500);
        String cursor = Cursor.encode("get_sheet", arguments, Map.of("after_row_id", 9007199254740993L));

        Map<String, Object> nextPage = new LinkedHashMap<>(arguments);
        nextPage.put("max_chars", 2000);
        nextPage.put("cursor", cursor);
        JsonNode position = Cursor.decode("get_sheet", nextPage, cursor);
        assertThat(position.path("after_row_id").asLong()).isEqualTo(9007199254740993L);

        assertThatThrownBy(() -> Cursor.decode("get_report", nextPage, cursor))
                .hasMessageStartingWith("Invalid argument 'cursor': comes from another tool ('get_sheet')");
        Map<String, Object> otherFilter = new LinkedHashMap<>(nextPage);
        otherFilter.put("filter", List.of());
        assertThatThrownBy(() -> Cursor.decode("get_sheet", otherFilter, cursor))
                .hasMessageStartingWith("Invalid argument 'cursor': was answered for other arguments");
        assertThatThrownBy(() -> Cursor.decode("get_sheet", nextPage, "not-a-cursor!"))
                .hasMessage("Invalid argument 'cursor': is not a cursor this server answered; pass it back unchanged");
    }
}
