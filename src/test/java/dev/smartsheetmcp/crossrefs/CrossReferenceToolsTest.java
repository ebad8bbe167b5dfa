package dev.smartsheetmcp.crossrefs;

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

/** The four cross-sheet reference tools on live, broken and repaired references, against the Smartsheet emulator. */
// source sheets are deleted in the emulator behind the server's back: nothing kept, so that shows at once
@SandboxApplication({"smartsheet.metadata-cache.ttl-ms=0"})
class CrossReferenceToolsTest {

    private static final long TWO_TO_THE_53 = 1L << 53;
    private static final String UNKNOWN = "9007199254740995";

    private static SandboxApp app;
    private static McpSyncClient client;
    private static SmartsheetEmulator smartsheet;
    private static long workspaceId;

    @BeforeAll
    static void setUp() {
        smartsheet = app.sandbox().smartsheet();
        workspaceId = smartsheet.createWorkspace("Cross refs");
    }

    private static long prices(String name) {
        return smartsheet.createSheet(workspaceId, name, List.of(ColumnSpec.primary("SKU"), ColumnSpec.text("Price")),
                List.of(Map.of("SKU", "A-1", "Price", 10), Map.of("SKU", "B-2", "Price", 20)));
    }

    private static long orders(String name) {
        return smartsheet.createSheet(workspaceId, name, List.of(ColumnSpec.primary("SKU"), ColumnSpec.text("Unit price")),
                List.of(Map.of("SKU", "A-1"), Map.of("SKU", "B-2"), Map.of("SKU", "A-1")));
    }

    private static JsonNode create(long sheet, long source, String type, Map<String, Object> extra) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                "source_column_id", Long.toString(smartsheet.columnId(source, "Price")),
                "target_column_id", Long.toString(smartsheet.columnId(sheet, "Unit price")), "formula_type", type));
        config.putAll(extra);
        return ToolCalls.ok(client, "smartsheet_create_cross_reference", Map.of("sheet_id", Long.toString(sheet),
                "target_sheet_id", Long.toString(source), "formula_config", config));
    }

    @Test
    void createsTheReferencesAndWritesTheFormulaIntoEveryRowThenListsThemWithDetails() {
        long source = prices("Price List");
        long sheet = orders("Orders");

        JsonNode created = create(sheet, source, "INDEX_MATCH", Map.of());

        assertThat(source).isGreaterThan(TWO_TO_THE_53);
        assertThat(created.path("formula").asText())
                .isEqualTo("=INDEX({Price List Price}, MATCH([SKU]@row, {Price List SKU}, 0))");
        assertThat(created.path("references").findValuesAsText("name")).containsExactly("Price List Price", "Price List SKU");
        assertThat(created.path("rows_written").asInt()).isEqualTo(3);
        assertThat(create(sheet, source, "COUNTIF", Map.of()).path("references").get(0).path("created").asBoolean())
                .as("a reference over the same column is used again").isFalse();

        JsonNode listed = ToolCalls.ok(client, "smartsheet_get_sheet_cross_references", Map.of("sheet_id", Long.toString(sheet)));

        assertThat(listed.path("total_count").asInt()).isEqualTo(2);
        JsonNode values = listed.path("references").get(0);
        assertThat(Long.parseLong(values.path("id").asText())).isGreaterThan(TWO_TO_THE_53);
        assertThat(values.path("status").asText()).isEqualTo("OK");
        assertThat(values.path("source_sheet").path("id").asText()).isEqualTo(Long.toString(source));
        assertThat(values.path("source_sheet").path("name").asText()).isEqualTo("Price List");
        assertThat(values.path("range").path("start_column").path("title").asText()).isEqualTo("Price");
        assertThat(values.path("used_by_columns").get(0).asText()).isEqualTo("Unit price");
        assertThat(values.path("formulas_using_it").asInt()).isEqualTo(3);
        JsonNode brief = ToolCalls.ok(client, "smartsheet_get_sheet_cross_references",
                Map.of("sheet_id", Long.toString(sheet), "include_details", false));
        assertThat(brief.path("references").get(0).has("used_by_columns")).isFalse();
    }

    @Test
    void validatesLiveReferencesThenReportsABrokenSourceAndRepairsAMisspelledName() {
        long source = prices("Catalogue");
        long sheet = orders("Invoices");
        create(sheet, source, "CUSTOM", Map.of("custom_formula", "=COUNT({REFERENCE}) + COUNT({catalogue   price})"));

        JsonNode found = ToolCalls.ok(client, "smartsheet_validate_cross_references", Map.of("sheet_id", Long.toString(sheet)));

        assertThat(found.path("valid").asBoolean()).isFalse();
        JsonNode misspelled = found.path("problems").get(0);
        assertThat(misspelled.path("kind").asText()).isEqualTo("unknown_reference");
        assertThat(misspelled.path("formulas_using_it").asInt()).isEqualTo(3);
        assertThat(misspelled.path("repair").asText()).contains("{Catalogue Price}");

        JsonNode fixed = ToolCalls.ok(client, "smartsheet_validate_cross_references",
                Map.of("sheet_id", Long.toString(sheet), "fix_broken", true));

        assertThat(fixed.path("repaired").asInt()).isEqualTo(1);
        assertThat(fixed.path("problems").get(0).path("repaired").asBoolean()).isTrue();
        assertThat(ToolCalls.ok(client, "smartsheet_validate_cross_references", Map.of("sheet_id", Long.toString(sheet)))
                .path("valid").asBoolean()).isTrue();

        smartsheet.deleteSheet(source);
        JsonNode broken = ToolCalls.ok(client, "smartsheet_validate_cross_references",
                Map.of("sheet_id", Long.toString(sheet), "fix_broken", true));

        JsonNode gone = broken.path("problems").get(0);
        assertThat(gone.path("kind").asText()).isEqualTo("source_sheet_gone");
        assertThat(gone.path("problem").asText()).contains("1006");
        assertThat(gone.path("repaired").asBoolean()).isFalse();
        assertThat(gone.path("why_not").asText()).contains("source sheet");
        assertThat(broken.path("not_repaired").asInt()).isEqualTo(1);
    }

    @Test
    void findsTheSheetsWhoseReferencesPointAtATargetAndSaysHowManyItScanned() {
        long source = prices("Rates");
        long sheet = orders("Quotes");
        orders("Unrelated");
        create(sheet, source, "VLOOKUP", Map.of());

        JsonNode answer = ToolCalls.ok(client, "smartsheet_find_sheet_references",
                Map.of("target_sheet_id", Long.toString(source), "workspace_id", Long.toString(workspaceId)));

        assertThat(answer.path("referencing_sheets").findValuesAsText("sheet_id")).containsExactly(Long.toString(sheet));
        assertThat(answer.path("referencing_sheets").get(0).path("references").get(0).path("name").asText())
                .isEqualTo("Rates SKU to Price");
        assertThat(answer.path("sheets_scanned").asInt()).isEqualTo(answer.path("sheets_in_scope").asInt()).isGreaterThan(1);
        assertThat(answer.path("complete").asBoolean()).isTrue();
    }

    @Test
    void errorsNameTheProblem() {
        long source = prices("Costs");
        long sheet = orders("Bills");
        String price = Long.toString(smartsheet.columnId(source, "Price"));
        String target = Long.toString(smartsheet.columnId(sheet, "Unit price"));

        assertThat(ToolCalls.error(client, "smartsheet_get_sheet_cross_references", Map.of("sheet_id", UNKNOWN)))
                .contains("Smartsheet error 1006");
        assertThat(ToolCalls.error(client, "smartsheet_validate_cross_references", Map.of("sheet_id", "abc"))).contains("sheet_id");
        assertThat(ToolCalls.error(client, "smartsheet_create_cross_reference", Map.of("sheet_id", Long.toString(sheet),
                "target_sheet_id", Long.toString(source), "formula_config", Map.of("source_column_id", target,
                        "target_column_id", target, "formula_type", "SUMIF")))).contains("source_column_id");
        assertThat(ToolCalls.error(client, "smartsheet_create_cross_reference", Map.of("sheet_id", Long.toString(sheet),
                "target_sheet_id", Long.toString(source), "formula_config", Map.of("source_column_id", price,
                        "target_column_id", target, "formula_type", "CUSTOM", "custom_formula", "=1")))).contains("{REFERENCE}");
        assertThat(ToolCalls.error(client, "smartsheet_create_cross_reference", Map.of("sheet_id", Long.toString(sheet),
                "target_sheet_id", UNKNOWN, "formula_config", Map.of("source_column_id", price,
                        "target_column_id", target, "formula_type", "COUNTIF")))).contains("Smartsheet error 1006");
        assertThat(ToolCalls.error(client, "smartsheet_find_sheet_references", Map.of("target_sheet_id", Long.toString(source),
                "cursor", "nonsense"))).contains("cursor");
    }
}
