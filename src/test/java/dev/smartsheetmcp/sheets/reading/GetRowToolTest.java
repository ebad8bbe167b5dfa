package dev.smartsheetmcp.sheets.reading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.smartsheet.ColumnSpec;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.SandboxApplication;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** get_row against the Smartsheet emulator: every cell with its column type, discussions and attachments. */
@SandboxApplication
class GetRowToolTest {

    private static SandboxApp app;
    private static McpSyncClient client;
    private static SmartsheetEmulator smartsheet;
    private static long sheetId;
    private static List<Long> rowIds;

    @BeforeAll
    static void setUp() {
        smartsheet = app.sandbox().smartsheet();
        sheetId = smartsheet.createSheet(null, "One row", List.of(ColumnSpec.primary("Name"), ColumnSpec.of("Due", "DATE"),
                        ColumnSpec.of("Done", "CHECKBOX"), ColumnSpec.of("Owner", "CONTACT_LIST"), ColumnSpec.text("Story"),
                        ColumnSpec.system("Created", "CREATED_DATE")),
                List.of(Map.of("Name", "parent"),
                        Map.of("Name", "child", "Due", "2026-03-05", "Done", true,
                                "Owner", Map.of("email", "ann@example.com", "name", "Ann"), "Story", "ü".repeat(4000))));
        rowIds = smartsheet.rowIds(sheetId);
        smartsheet.indent(sheetId, rowIds.get(0), rowIds.get(1));
        for (int i = 0; i < 3; i++) smartsheet.addRowDiscussion(sheetId, rowIds.get(1), "Question " + i + " " + "?".repeat(200));
        smartsheet.addRowAttachment(sheetId, rowIds.get(1), "plan.pdf", "application/pdf", 12);
    }

    private static JsonNode cell(JsonNode row, String column) {
        for (JsonNode cell : row.path("cells")) if (cell.path("column").asText().equals(column)) return cell;
        throw new AssertionError("no cell " + column + " in " + row);
    }

    @Test
    void answersEveryCellWithItsColumnTypeAndTheRowsParent() {
        JsonNode row = ToolCalls.ok(client, "get_row", Map.of("sheet_id", Long.toString(sheetId), "row_id", Long.toString(rowIds.get(1))));

        assertThat(row.path("row_id").asText()).isEqualTo(Long.toString(rowIds.get(1)));
        assertThat(row.path("row_number").asInt()).isEqualTo(2);
        assertThat(row.path("parent_id").asText()).isEqualTo(Long.toString(rowIds.get(0)));
        assertThat(row.path("cells")).hasSize(6);
        assertThat(cell(row, "Due").path("type").asText()).isEqualTo("DATE");
        assertThat(cell(row, "Due").path("value").asText()).isEqualTo("2026-03-05");
        assertThat(cell(row, "Done").path("value").asBoolean()).isTrue();
        assertThat(cell(row, "Owner").path("value").asText()).isEqualTo("Ann");
        assertThat(cell(row, "Owner").path("raw_value").asText()).isEqualTo("ann@example.com");
        assertThat(cell(row, "Created").path("type").asText()).isEqualTo("CREATED_DATE");
        assertThat(cell(row, "Story").path("value").asText()).endsWith("more characters]");
        assertThat(cell(row, "Name").path("column_id").isTextual()).isTrue();
        assertThat(row.has("discussion_count")).isFalse();
    }

    @Test
    void countsOrListsDiscussionsAndAttachmentsWithinTheBudget() {
        Map<String, Object> counts = Map.of("sheet_id", Long.toString(sheetId), "row_id", Long.toString(rowIds.get(1)),
                "include", List.of("discussions", "attachments"));
        JsonNode counted = ToolCalls.ok(client, "get_row", counts);
        assertThat(counted.path("discussion_count").asInt()).isEqualTo(3);
        assertThat(counted.path("attachment_count").asInt()).isEqualTo(1);
        assertThat(counted.has("discussions")).isFalse();

        JsonNode listed = ToolCalls.ok(client, "get_row", Map.of("sheet_id", Long.toString(sheetId), "row_id",
                Long.toString(rowIds.get(1)), "include", List.of("discussions", "attachments"), "details", "lists"));
        assertThat(listed.path("discussions")).hasSize(3);
        assertThat(listed.path("discussions").get(0).path("title").asText()).startsWith("Question 0");
        assertThat(listed.path("discussions").get(0).path("comment_count").asInt()).isEqualTo(1);
        assertThat(listed.path("attachments").get(0).path("name").asText()).isEqualTo("plan.pdf");
        assertThat(listed.path("attachments").get(0).path("size_in_kb").asInt()).isEqualTo(12);

        String small = ToolCalls.text(ToolCalls.call(client, "get_row", Map.of("sheet_id", Long.toString(sheetId), "row_id",
                Long.toString(rowIds.get(1)), "include", List.of("discussions"), "details", "lists", "max_chars", 1500)));
        assertThat(small.length()).isLessThanOrEqualTo(1500);
        assertThat(small).contains("discussions_left_out");
    }

    @Test
    void unknownRowsSheetsAndBadIdsAreErrors() {
        assertThat(ToolCalls.error(client, "get_row", Map.of("sheet_id", Long.toString(sheetId), "row_id", "9007199254740995")))
                .contains("Smartsheet error 1006");
        assertThat(ToolCalls.error(client, "get_row", Map.of("sheet_id", "9007199254740995", "row_id", Long.toString(rowIds.get(0)))))
                .contains("Smartsheet error 1006");
        assertThat(ToolCalls.error(client, "get_row", Map.of("sheet_id", Long.toString(sheetId), "row_id", "12ab")))
                .contains("row_id");
        long hidden = smartsheet.createSheet(null, "Hidden", List.of(ColumnSpec.primary("Name")), List.of(Map.of("Name", "x")));
        long hiddenRow = smartsheet.rowIds(hidden).get(0);
        smartsheet.denyAccess(hidden);
        assertThat(ToolCalls.error(client, "get_row", Map.of("sheet_id", Long.toString(hidden), "row_id", Long.toString(hiddenRow))))
                .contains("Smartsheet error 1004");
    }
}
