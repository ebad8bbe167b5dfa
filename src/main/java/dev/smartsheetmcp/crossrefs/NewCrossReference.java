package dev.smartsheetmcp.crossrefs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sheets.SheetColumns;
import dev.smartsheetmcp.smartsheet.BulkWriteResults;
import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.toolkit.ToolException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Variable;

/** Steps of {@code smartsheet_create_cross_reference}: the arguments, the plan, the rows, the answer. */
public final class NewCrossReference {

    /** The call: formulas go into {@code targetColumnId} of {@code sheetId}, reading {@code sourceColumnId} of {@code targetSheetId}. */
    public record Request(long sheetId, long targetSheetId, long sourceColumnId, long targetColumnId, Long lookupColumnId,
                          FormulaType type, String customFormula, List<Long> rowIds) {
    }

    private int pageSize = 5000;

    public void setPageSize(int pageSize) { this.pageSize = pageSize; }

    public Request read(@Body Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        long sheetId = args.id("sheet_id");
        long targetSheetId = args.id("target_sheet_id");
        if (sheetId == targetSheetId) {
            throw ToolException.invalidArgument("target_sheet_id", "is the sheet itself; a cross-sheet reference points at another sheet");
        }
        if (!args.has("formula_config")) throw ToolException.invalidArgument("formula_config", "is required");
        ToolArguments config = args.object("formula_config");
        FormulaType type = type(config.text("formula_type"));
        String custom = config.optionalText("custom_formula").map(String::strip).orElse(null);
        if (type == FormulaType.CUSTOM && (custom == null || !custom.startsWith("="))) {
            throw ToolException.invalidArgument("formula_config.custom_formula", "is required for CUSTOM and must start with '='");
        }
        List<Long> rowIds = args.has("row_ids") ? args.ids("row_ids") : null;
        if (rowIds != null && rowIds.isEmpty()) throw ToolException.invalidArgument("row_ids", "must name at least one row, or be left out for every row");
        return new Request(sheetId, targetSheetId, config.id("source_column_id"), config.id("target_column_id"),
                config.optionalId("lookup_column_id").orElse(null), type, custom, rowIds);
    }

    private static FormulaType type(String name) {
        try {
            return FormulaType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw ToolException.invalidArgument("formula_config.formula_type", "must be one of " + Arrays.toString(FormulaType.values()));
        }
    }

    public CrossReferencePlan plan(@Variable("request") Request request, @Variable("source") JsonNode source,
                                   @Variable("columns") JsonNode columns, @Variable("sheetReferences") SheetReferences existing) {
        return new CrossReferencePlan(request, source, SheetColumns.of(columns), existing);
    }

    public String newReferenceBody(@Variable("request") Request request, @Body CrossReferencePlan.Reference reference)
            throws JsonProcessingException {
        return reference.body(request.targetSheetId());
    }

    public boolean readsEveryRow(@Variable("request") Request request, @Variable("plan") CrossReferencePlan plan) {
        if (request.rowIds() != null) plan.rowIds(request.rowIds());
        return request.rowIds() == null;
    }

    public RowIds everyRow(@Variable("columns") JsonNode columns) {
        return new RowIds(SheetColumns.of(columns).primary().id(), pageSize);
    }

    public List<Map<String, Object>> rows(@Variable("plan") CrossReferencePlan plan, @Variable("rowIds") RowIds rowIds) {
        if (rowIds != null) plan.rowIds(rowIds.ids());
        return plan.rows();
    }

    public void written(@Variable("plan") CrossReferencePlan plan, @Body BulkWriteResults results) {
        plan.written(results);
    }

    public Map<String, Object> answer(@Variable("plan") CrossReferencePlan plan) {
        return plan.answer();
    }
}
