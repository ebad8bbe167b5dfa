package dev.smartsheetmcp.sheets;

import dev.smartsheetmcp.sheets.columns.AddColumn;
import dev.smartsheetmcp.sheets.columns.DeleteColumn;
import dev.smartsheetmcp.sheets.columns.FormulaScans;
import dev.smartsheetmcp.sheets.columns.RenameColumn;
import dev.smartsheetmcp.sheets.reading.ReadLimits;
import dev.smartsheetmcp.sheets.reading.RowReading;
import dev.smartsheetmcp.sheets.reading.SheetReading;
import dev.smartsheetmcp.sheets.rows.ConditionalUpdate;
import dev.smartsheetmcp.sheets.rows.NewRows;
import dev.smartsheetmcp.sheets.rows.RowDeletion;
import dev.smartsheetmcp.sheets.rows.RowIdListing;
import dev.smartsheetmcp.sheets.rows.RowUpdates;
import dev.smartsheetmcp.sheets.search.SheetSearch;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;

/**
 * The sheet tools' beans, by the names {@code routes/tools-*.yaml} use: argument reading, the
 * column map, column edits and formula scans, row writes, updates, deletions and id listing,
 * search, and reading rows (get_sheet, get_row).
 */
public final class SheetsConfiguration implements CamelConfiguration {

    @PropertyInject("tools.columns.max-per-sheet")
    private int maxColumnsPerSheet;
    @PropertyInject("tools.columns.formula-scan-page-size")
    private int formulaScanPageSize;
    @PropertyInject("smartsheet.rows-per-request")
    private int rowsPerRequest;
    @PropertyInject("tools.rows.page-size")
    private int rowsPageSize;
    @PropertyInject("tools.rows.ids-max-answer-chars")
    private int rowIdsMaxAnswerChars;
    @PropertyInject("tools.search.max-answer-chars")
    private int searchMaxAnswerChars;
    @PropertyInject("tools.search.page-size")
    private int searchPageSize;
    @PropertyInject("tools.search.max-match-details")
    private int searchMaxMatchDetails;
    @PropertyInject("tools.search.context-chars")
    private int searchContextChars;
    @PropertyInject("tools.search.regex-time-limit-ms")
    private long searchRegexTimeLimitMillis;
    @PropertyInject("tools.max-answer-chars")
    private int maxAnswerChars;
    @PropertyInject("tools.max-cell-chars")
    private int maxCellChars;
    @PropertyInject("tools.url-lookup.page-size")
    private int urlLookupPageSize;
    @PropertyInject("tools.url-lookup.max-pages")
    private int urlLookupMaxPages;

    @Override
    public void configure(CamelContext camel) {
        Registry registry = camel.getRegistry();
        registry.bind("toolArguments", new ToolArgumentReader());
        registry.bind("columnMapView", new ColumnMapView());
        AddColumn addColumn = new AddColumn();
        addColumn.setMaxColumns(maxColumnsPerSheet);
        registry.bind("addColumn", addColumn);
        registry.bind("deleteColumn", new DeleteColumn());
        registry.bind("renameColumn", new RenameColumn());
        FormulaScans formulaScans = new FormulaScans();
        formulaScans.setPageSize(formulaScanPageSize);
        registry.bind("formulaScans", formulaScans);
        NewRows newRows = new NewRows();
        newRows.setRowsPerRequest(rowsPerRequest);
        registry.bind("newRows", newRows);
        registry.bind("rowUpdates", new RowUpdates());
        registry.bind("rowDeletion", new RowDeletion());
        ConditionalUpdate conditionalUpdate = new ConditionalUpdate();
        conditionalUpdate.setPageSize(rowsPageSize);
        registry.bind("conditionalUpdate", conditionalUpdate);
        RowIdListing rowIdListing = new RowIdListing();
        rowIdListing.setPageSize(rowsPageSize);
        rowIdListing.setDefaultMaxChars(rowIdsMaxAnswerChars);
        registry.bind("rowIdListing", rowIdListing);
        registry.bind("sheetSearch", sheetSearch());
        ReadLimits readLimits = new ReadLimits(maxAnswerChars, maxCellChars, rowsPageSize);
        registry.bind("sheetReading", new SheetReading(readLimits, urlLookupPageSize, urlLookupMaxPages));
        registry.bind("rowReading", new RowReading(readLimits));
    }

    private SheetSearch sheetSearch() {
        SheetSearch search = new SheetSearch();
        search.setPageSize(searchPageSize);
        search.setMaxMatchDetails(searchMaxMatchDetails);
        search.setContextChars(searchContextChars);
        search.setRegexTimeLimitMillis(searchRegexTimeLimitMillis);
        search.setDefaultMaxChars(searchMaxAnswerChars);
        return search;
    }
}
