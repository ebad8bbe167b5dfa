package dev.smartsheetmcp.sheets.columns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sheets.SheetColumns;
import java.util.Set;
import org.apache.camel.Body;
import org.apache.camel.Variable;

/**
 * Steps of the route {@code columns-scan-formulas}, which pages through a sheet filling the
 * {@link FormulaScan} held in exchange variable {@code references}.
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

    public boolean hasMorePages(@Variable("references") FormulaScan scan) {
        return scan.hasMorePages();
    }

    public String nextPageQuery(@Variable("references") FormulaScan scan) {
        return scan.nextPageQuery();
    }

    public void readPage(@Variable("references") FormulaScan scan, @Body JsonNode page) {
        scan.readPage(page);
    }
}
