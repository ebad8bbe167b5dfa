package dev.smartsheetmcp.workspaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.toolkit.ToolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks on a new sheet that hold even where the tool's JSON schema is not applied. */
class NewSheetTest {

    @Test
    void firstColumnIsSentAsThePrimaryColumnAndOptionsOnlyWhereGiven() {
        NewSheet sheet = NewSheet.from(arguments(" Tracker ", List.of(
                Map.of("title", " Task ", "type", "TEXT_NUMBER"),
                Map.of("title", "Status", "type", "PICKLIST", "options", List.of("Open", "Closed")),
                Map.of("title", "Due", "type", "DATE", "options", List.of()))));

        assertThat(sheet.requestBody()).isEqualTo(Map.of("name", "Tracker", "columns", List.of(
                Map.of("title", "Task", "type", "TEXT_NUMBER", "primary", true),
                Map.of("title", "Status", "type", "PICKLIST", "options", List.of("Open", "Closed")),
                Map.of("title", "Due", "type", "DATE"))));
    }

    @Test
    void refusesNoColumns() {
        assertRefused(arguments("S", List.of()), "'columns'", "at least one column");
    }

    @Test
    void refusesMoreThan400Columns() {
        List<Object> columns = new ArrayList<>();
        for (int i = 0; i < 401; i++) columns.add(Map.of("title", "C" + i, "type", "TEXT_NUMBER"));
        assertRefused(arguments("S", columns), "'columns'", "at most 400");
    }

    @Test
    void refusesAnUnknownTypeNamingTheColumn() {
        assertRefused(arguments("S", List.of(Map.of("title", "Task", "type", "TEXT_NUMBER"), Map.of("title", "X", "type", "DURATION"))),
                "'columns[1].type'", "DURATION");
    }

    @Test
    void refusesAColumnThatIsNotAnObjectOrLacksItsType() {
        assertRefused(arguments("S", List.of("Task")), "'columns[0]'", "object");
        assertRefused(arguments("S", List.of(Map.of("title", "Task"))), "'columns[0].type'", "required");
    }

    @Test
    void refusesBlankOptionsNamingThem() {
        assertRefused(arguments("S", List.of(Map.of("title", "Task", "type", "TEXT_NUMBER"),
                Map.of("title", "Status", "type", "PICKLIST", "options", List.of("Open", " ")))), "'columns[1].options[1]'", "empty");
    }

    @Test
    void titlesDifferingOnlyInSurroundingBlanksAreDuplicates() {
        assertRefused(arguments("S", List.of(Map.of("title", "Task", "type", "TEXT_NUMBER"), Map.of("title", "Task ", "type", "DATE"))),
                "'columns[1].title'", "unique");
    }

    private static ToolArguments arguments(String name, List<?> columns) {
        return ToolArguments.of(Map.of("workspace_id", "1", "name", name, "columns", columns));
    }

    private static void assertRefused(ToolArguments arguments, String field, String problem) {
        assertThatThrownBy(() -> NewSheet.from(arguments)).isInstanceOf(ToolException.class)
                .hasMessageContaining(field).hasMessageContaining(problem);
    }
}
