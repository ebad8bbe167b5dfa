package dev.smartsheetmcp.sheets.columns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sheets.SheetColumns;
import dev.smartsheetmcp.sheets.SheetPager;
import dev.smartsheetmcp.smartsheet.PagedRead;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The formulas of a sheet that reference one column by title: column formulas from the
 * columns, cell formulas read page by page (only columns that can hold a cell formula). It
 * can also remember the current formula of chosen cells, to see what a rename changed.
 */
public final class FormulaScan implements PagedRead {

    /** A column formula that references the column. */
    public record ColumnFormula(long columnId, String column, String formula) {
    }

    /** A cell formula that references the column. */
    public record CellFormula(long rowId, long columnId, String column, String formula) {

        String key() {
            return rowId + ":" + columnId;
        }
    }

    private final FormulaReferences references;
    private final Map<Long, SheetColumns.Column> cellColumns = new LinkedHashMap<>();
    private final int pageSize;
    private final Set<String> watched;
    private final Map<String, String> watchedFormulas = new LinkedHashMap<>();
    private final List<ColumnFormula> columnFormulas = new ArrayList<>();
    private final List<CellFormula> cellFormulas = new ArrayList<>();
    private SheetPager pager;

    FormulaScan(String title, SheetColumns columns, Long skippedColumnId, int pageSize, Set<String> watched) {
        this.references = new FormulaReferences(title);
        this.pageSize = pageSize;
        this.watched = watched;
        for (SheetColumns.Column column : columns.all()) {
            if (skippedColumnId != null && column.id() == skippedColumnId) continue;
            if (column.formula() != null) {
                if (references.foundIn(column.formula())) {
                    columnFormulas.add(new ColumnFormula(column.id(), column.title(), column.formula()));
                }
            } else if (column.systemColumnType() == null) {
                cellColumns.put(column.id(), column); // may hold cell formulas
            }
        }
    }

    /** Pages of only the columns that can hold a cell formula. */
    private SheetPager pager() {
        if (pager == null) {
            String columnIds = cellColumns.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
            pager = new SheetPager("columnIds=" + columnIds + "&exclude=nonexistentCells", pageSize);
        }
        return pager;
    }

    @Override
    public boolean morePages() {
        return !cellColumns.isEmpty() && pager().hasMore();
    }

    @Override
    public String nextPageQuery() {
        return pager().nextQuery();
    }

    @Override
    public void takePage(JsonNode page) {
        for (JsonNode row : pager().take(page)) {
            for (JsonNode cell : row.path("cells")) {
                SheetColumns.Column column = cellColumns.get(cell.path("columnId").asLong());
                String formula = cell.path("formula").asText(null);
                if (column == null) continue;
                CellFormula found = new CellFormula(row.path("id").asLong(), column.id(), column.title(), formula);
                if (watched.contains(found.key())) watchedFormulas.put(found.key(), formula);
                if (references.foundIn(formula)) cellFormulas.add(found);
            }
        }
    }

    public List<ColumnFormula> columnFormulas() {
        return columnFormulas;
    }

    public List<CellFormula> cellFormulas() {
        return cellFormulas;
    }

    public boolean isEmpty() {
        return columnFormulas.isEmpty() && cellFormulas.isEmpty();
    }

    /** The formula a watched cell holds now (null when it holds none). */
    String currentFormula(CellFormula cell) {
        return watchedFormulas.get(cell.key());
    }

    FormulaReferences references() {
        return references;
    }

    /** The columns whose formulas (column or cell) reference the column, in sheet order. */
    Set<String> referencingColumns() {
        Set<String> titles = new LinkedHashSet<>();
        columnFormulas.forEach(found -> titles.add(found.column()));
        cellFormulas.forEach(found -> titles.add(found.column()));
        return titles;
    }

    Set<String> watchKeys() {
        Set<String> keys = new LinkedHashSet<>();
        cellFormulas.forEach(found -> keys.add(found.key()));
        return keys;
    }
}
