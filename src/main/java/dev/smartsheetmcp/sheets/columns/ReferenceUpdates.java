package dev.smartsheetmcp.sheets.columns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smartsheetmcp.sheets.SheetColumns;
import dev.smartsheetmcp.smartsheet.BulkWriteResults;
import dev.smartsheetmcp.toolkit.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What became of the formulas that named a column before it was renamed. Smartsheet rewrites
 * them itself; any it left naming the old title are rewritten here (column formulas with an
 * Update Column, cell formulas with one bulk Update Rows), and the report says who did which.
 */
public final class ReferenceUpdates {

    static final String BY_SMARTSHEET = "smartsheet";
    static final String BY_THIS_TOOL = "smartsheet_mcp";
    static final String FAILED = "failed";
    private static final ObjectMapper JSON = Json.MAPPER;

    /** One column formula to rewrite. */
    public record ColumnFix(long columnId, String formula) {

        public String requestBody() throws JsonProcessingException {
            return JSON.writeValueAsString(Map.of("formula", formula));
        }
    }

    private final List<Map<String, Object>> report = new ArrayList<>();
    private final Map<Long, Map<String, Object>> columnEntries = new LinkedHashMap<>();
    private final List<ColumnFix> columnFixes = new ArrayList<>();
    private final Map<Long, Map<String, Object>> rowsToWrite = new LinkedHashMap<>();
    private final Map<Long, List<Map<String, Object>>> rowEntries = new LinkedHashMap<>();

    ReferenceUpdates(FormulaScan before, FormulaScan after, SheetColumns columnsNow, String newTitle) {
        FormulaReferences oldTitle = after.references();
        for (FormulaScan.ColumnFormula found : before.columnFormulas()) {
            Optional<SheetColumns.Column> now = columnsNow.byId(found.columnId());
            String current = now.map(SheetColumns.Column::formula).orElse(null);
            boolean stale = after.columnFormulas().stream().anyMatch(left -> left.columnId() == found.columnId());
            addColumnEntry(found.columnId(), found.column(), found.formula(), current, stale, oldTitle, newTitle);
        }
        for (FormulaScan.ColumnFormula left : after.columnFormulas()) {
            if (!columnEntries.containsKey(left.columnId())) {
                addColumnEntry(left.columnId(), left.column(), left.formula(), left.formula(), true, oldTitle, newTitle);
            }
        }
        List<String> staleCells = after.cellFormulas().stream().map(FormulaScan.CellFormula::key).toList();
        for (FormulaScan.CellFormula found : before.cellFormulas()) {
            String current = after.currentFormula(found);
            addCellEntry(found, found.formula(), current, staleCells.contains(found.key()), oldTitle, newTitle);
        }
        List<String> seen = before.cellFormulas().stream().map(FormulaScan.CellFormula::key).toList();
        for (FormulaScan.CellFormula left : after.cellFormulas()) {
            if (!seen.contains(left.key())) addCellEntry(left, left.formula(), left.formula(), true, oldTitle, newTitle);
        }
    }

    private void addColumnEntry(long columnId, String column, String oldFormula, String current, boolean stale,
                                FormulaReferences oldTitle, String newTitle) {
        Map<String, Object> entry = entry("column_formula", column, oldFormula);
        if (stale) {
            String rewritten = oldTitle.rewrite(current, newTitle);
            entry.put("new_formula", rewritten);
            entry.put("updated_by", BY_THIS_TOOL);
            columnFixes.add(new ColumnFix(columnId, rewritten));
        } else {
            entry.put("new_formula", current);
            entry.put("updated_by", BY_SMARTSHEET);
        }
        columnEntries.put(columnId, entry);
        report.add(entry);
    }

    private void addCellEntry(FormulaScan.CellFormula cell, String oldFormula, String current, boolean stale,
                              FormulaReferences oldTitle, String newTitle) {
        Map<String, Object> entry = entry("cell_formula", cell.column(), oldFormula);
        entry.put("row_id", Long.toString(cell.rowId()));
        if (stale) {
            String rewritten = oldTitle.rewrite(current, newTitle);
            entry.put("new_formula", rewritten);
            entry.put("updated_by", BY_THIS_TOOL);
            Map<String, Object> row = rowsToWrite.computeIfAbsent(cell.rowId(), id -> newRow(id));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> cells = (List<Map<String, Object>>) row.get("cells");
            cells.add(Map.of("columnId", cell.columnId(), "formula", rewritten));
            rowEntries.computeIfAbsent(cell.rowId(), id -> new ArrayList<>()).add(entry);
        } else {
            entry.put("new_formula", current);
            entry.put("updated_by", BY_SMARTSHEET);
        }
        report.add(entry);
    }

    private static Map<String, Object> newRow(long rowId) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", rowId);
        row.put("cells", new ArrayList<Map<String, Object>>());
        return row;
    }

    private static Map<String, Object> entry(String kind, String column, String oldFormula) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kind", kind);
        entry.put("column", column);
        entry.put("old_formula", oldFormula);
        return entry;
    }

    public List<ColumnFix> columnFixes() {
        return columnFixes;
    }

    /** The Update Rows body for the cell formulas to rewrite (empty when Smartsheet did them all). */
    public List<Map<String, Object>> rows() {
        return new ArrayList<>(rowsToWrite.values());
    }

    void columnFixFailed(long columnId, String error) {
        Map<String, Object> entry = columnEntries.get(columnId);
        entry.put("updated_by", FAILED);
        entry.put("error", error);
    }

    void rowsWritten(BulkWriteResults results) {
        List<Long> rowIds = new ArrayList<>(rowsToWrite.keySet());
        for (BulkWriteResults.FailedRow failed : results.failed()) {
            for (Map<String, Object> entry : rowEntries.getOrDefault(rowIds.get(failed.index()), List.of())) {
                entry.put("updated_by", FAILED);
                entry.put("error", failed.message());
            }
        }
    }

    List<Map<String, Object>> report() {
        return report;
    }
}
