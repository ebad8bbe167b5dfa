package dev.smartsheetmcp.sheets.columns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sheets.SheetColumns;
import java.util.Set;
import org.apache.camel.Body;
import org.apache.camel.Variable;

/**
 * The {@link FormulaScan} of a column edit: which formulas to look for, before a delete or a rename
 * and after a rename; {@code direct:smartsheet-read-pages} fills it page by page.
 */
public final class FormulaScans {

    private int pageSize = 5000;

    public void setPageSize(int pageSize) { this.pageSize = pageSize; }

    /** Formulas that would break if the column went away: every formula outside that column. */
    public FormulaScan beforeDelete(@Variable("target") SheetColumns.Column target, @Variable("columns") JsonNode columns) {
        return new FormulaScan(target.title(), SheetColumns.of(columns), target.id(), pageSize, Set.of());
    }

    /** Formulas naming the column's current title, anywhere in the sheet. */
    public FormulaScan beforeRename(@Variable("target") SheetColumns.Column target, @Variable("columns") JsonNode columns) {
        return new FormulaScan(target.title(), SheetColumns.of(columns), null, pageSize, Set.of());
    }

    /** After the rename: formulas still naming the old title, and what the cells found before hold now. */
    public FormulaScan afterRename(@Variable("target") SheetColumns.Column target, @Variable("before") FormulaScan before,
                                   @Body JsonNode columnsNow) {
        return new FormulaScan(target.title(), SheetColumns.of(columnsNow), null, pageSize, before.watchKeys());
    }
}
