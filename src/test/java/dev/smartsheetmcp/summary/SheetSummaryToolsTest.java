package dev.smartsheetmcp.summary;

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

/** get_sheet_summary and update_sheet_summary against the Smartsheet emulator. */
@SandboxApplication
class SheetSummaryToolsTest {

    private static final long TWO_TO_THE_53 = 1L << 53;
    private static final String UNKNOWN = "9007199254740995";

    private static SandboxApp app;
    private static McpSyncClient client;
    private static SmartsheetEmulator smartsheet;
    private static long workspaceId;

    @BeforeAll
    static void setUp() {
        smartsheet = app.sandbox().smartsheet();
        workspaceId = app.sandbox().demo().workspaceId();
    }

    @Test
    void addsFieldsThenSetsTheirValuesByTitleAndReadsThemBack() {
        String sheet = newSheet("Project");
        JsonNode added = ToolCalls.ok(client, "update_sheet_summary", Map.of("sheet_id", sheet, "add_fields", List.of(
                Map.of("title", "Status", "type", "PICKLIST", "options", List.of("On track", "Late"), "value", "On track"),
                Map.of("title", "Budget", "value", 1200),
                Map.of("title", "Approved", "type", "CHECKBOX", "value", false),
                Map.of("title", "Owner", "type", "CONTACT_LIST"))));

        assertThat(added.path("added").findValuesAsText("title")).containsExactly("Status", "Budget", "Approved", "Owner");
        assertThat(Long.parseLong(added.path("added").get(0).path("id").asText())).isGreaterThan(TWO_TO_THE_53);

        JsonNode updated = ToolCalls.ok(client, "update_sheet_summary", Map.of("sheet_id", sheet,
                "values", Map.of("Status", "Late", "Approved", true, "Owner", "ada@example.com")));

        assertThat(updated.path("updated")).hasSize(3);
        assertThat(updated.path("added")).isEmpty();
        JsonNode summary = ToolCalls.ok(client, "get_sheet_summary", Map.of("sheet_id", sheet));
        assertThat(summary.path("total_count").asInt()).isEqualTo(4);
        assertThat(summary.path("fields").findValuesAsText("title")).containsExactly("Status", "Budget", "Approved", "Owner");
        assertThat(field(summary, "Status").path("value").asText()).isEqualTo("Late");
        assertThat(field(summary, "Status").path("type").asText()).isEqualTo("PICKLIST");
        assertThat(field(summary, "Status").path("options").toString()).contains("On track", "Late");
        assertThat(field(summary, "Budget").path("value").asText()).isEqualTo("1200");
        assertThat(field(summary, "Approved").path("value").asText()).isEqualTo("true");
        assertThat(field(summary, "Owner").path("object_value").path("email").asText()).isEqualTo("ada@example.com");
        assertThat(field(summary, "Owner").path("id").isTextual()).isTrue();
    }

    @Test
    void anUnknownTitleIsRefusedNamingItAndTheFieldsThereBeforeAnyWrite() {
        String sheet = newSheet("Refusals");
        ToolCalls.ok(client, "update_sheet_summary", Map.of("sheet_id", sheet, "add_fields", List.of(Map.of("title", "Status"))));
        smartsheet.resetCounters();

        String unknown = ToolCalls.error(client, "update_sheet_summary", Map.of("sheet_id", sheet,
                "values", Map.of("Stauts", "x"), "add_fields", List.of(Map.of("title", "Notes"))));
        String taken = ToolCalls.error(client, "update_sheet_summary", Map.of("sheet_id", sheet,
                "values", Map.of("Status", "x"), "add_fields", List.of(Map.of("title", "Status"))));

        assertThat(unknown).contains("values.Stauts").contains("Status");
        assertThat(taken).contains("add_fields[0].title").contains("already");
        assertThat(smartsheet.requestCount("PUT /sheets/{sheetId}/summary/fields")).isZero();
        assertThat(smartsheet.requestCount("POST /sheets/{sheetId}/summary/fields")).isZero();
        assertThat(ToolCalls.ok(client, "get_sheet_summary", Map.of("sheet_id", sheet)).path("fields")).hasSize(1);
    }

    @Test
    void valuesMustSuitTheFieldType() {
        String sheet = newSheet("Types");
        ToolCalls.ok(client, "update_sheet_summary", Map.of("sheet_id", sheet, "add_fields", List.of(
                Map.of("title", "Done", "type", "CHECKBOX"), Map.of("title", "Lead", "type", "CONTACT_LIST"))));

        assertThat(ToolCalls.error(client, "update_sheet_summary", Map.of("sheet_id", sheet, "values", Map.of("Done", "yes"))))
                .contains("values.Done").contains("true or false");
        assertThat(ToolCalls.error(client, "update_sheet_summary", Map.of("sheet_id", sheet, "values", Map.of("Lead", "Ada"))))
                .contains("values.Lead").contains("email");
        assertThat(ToolCalls.error(client, "update_sheet_summary", Map.of("sheet_id", sheet, "add_fields",
                List.of(Map.of("title", "Size", "options", List.of("S", "M")))))).contains("add_fields[0].options");
        assertThat(ToolCalls.error(client, "update_sheet_summary", Map.of("sheet_id", sheet))).contains("values");
    }

    @Test
    void unknownAndInaccessibleSheetsAreSmartsheetErrors() {
        String hidden = newSheet("Hidden");
        smartsheet.denyAccess(Long.parseLong(hidden));

        assertThat(ToolCalls.error(client, "get_sheet_summary", Map.of("sheet_id", UNKNOWN))).contains("Smartsheet error 1006");
        assertThat(ToolCalls.error(client, "get_sheet_summary", Map.of("sheet_id", hidden))).contains("Smartsheet error 1004");
        assertThat(ToolCalls.error(client, "update_sheet_summary", Map.of("sheet_id", UNKNOWN, "values", Map.of("A", "b"))))
                .contains("1006");
        assertThat(ToolCalls.error(client, "get_sheet_summary", Map.of("sheet_id", "12ab"))).contains("sheet_id");
    }

    @Test
    void aSheetWithoutSummaryFieldsHasNone() {
        JsonNode summary = ToolCalls.ok(client, "get_sheet_summary", Map.of("sheet_id", newSheet("Empty")));

        assertThat(summary.path("fields")).isEmpty();
        assertThat(summary.path("total_count").asInt()).isZero();
    }

    private static String newSheet(String name) {
        return Long.toString(smartsheet.createSheet(workspaceId, name, List.of(ColumnSpec.primary("Name")), List.of()));
    }

    private static JsonNode field(JsonNode summary, String title) {
        for (JsonNode field : summary.path("fields")) if (field.path("title").asText().equals(title)) return field;
        throw new AssertionError("no field " + title + " in " + summary);
    }
}
