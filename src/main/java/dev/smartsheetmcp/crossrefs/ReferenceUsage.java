package dev.smartsheetmcp.crossrefs;

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
 * Where a sheet's formulas name cross-sheet references: column formulas from the columns, cell
 * formulas read page by page (only the columns that can hold one), by reference name.
 */
final class ReferenceUsage implements PagedRead {

    /** A formula naming one or more references: a column formula ({@code rowId} null) or a cell formula. */
    record Formula(Long rowId, long columnId, String column, String formula) {
    }

    private final Map<Long, SheetColumns.Column> cellColumns = new LinkedHashMap<>();
    private final Map<String, List<Formula>> byName = new LinkedHashMap<>();
    private final Map<String, String> spelling = new LinkedHashMap<>();
    private final SheetPager pager;

    ReferenceUsage(SheetColumns columns, int pageSize) {
        for (SheetColumns.Column column : columns.all()) {
            if (column.formula() != null) note(new Formula(null, column.id(), column.title(), column.formula()));
            else if (column.systemColumnType() == null) cellColumns.put(column.id(), column);
        }
        String columnIds = cellColumns.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
        this.pager = new SheetPager("columnIds=" + columnIds + "&exclude=nonexistentCells", pageSize);
    }

    @Override
    public boolean morePages() {
        return !cellColumns.isEmpty() && pager.hasMore();
    }

    @Override
    public String nextPageQuery() {
        return pager.nextQuery();
    }

    @Override
    public void takePage(JsonNode page) {
        for (JsonNode row : pager.take(page)) {
            for (JsonNode cell : row.path("cells")) {
                SheetColumns.Column column = cellColumns.get(cell.path("columnId").asLong());
                String formula = cell.path("formula").asText(null);
                if (column != null && formula != null) note(new Formula(row.path("id").asLong(), column.id(), column.title(), formula));
            }
        }
    }

    private void note(Formula formula) {
        for (String name : ReferenceNames.in(formula.formula())) {
            spelling.putIfAbsent(ReferenceNames.key(name), name);
            byName.computeIfAbsent(ReferenceNames.key(name), key -> new ArrayList<>()).add(formula);
        }
    }

    /** The formulas naming the reference (any case). */
    List<Formula> of(String name) {
        return byName.getOrDefault(ReferenceNames.key(name), List.of());
    }

    /** The titles of the columns whose formulas (column or cell) name the reference, in the order found. */
    Set<String> columnsUsing(String name) {
        Set<String> titles = new LinkedHashSet<>();
        of(name).forEach(formula -> titles.add(formula.column()));
        return titles;
    }

    /** Every name the formulas use, as first written. */
    List<String> names() {
        return new ArrayList<>(spelling.values());
    }

    int formulaCount() {
        Set<Formula> all = new LinkedHashSet<>();
        byName.values().forEach(all::addAll);
        return all.size();
    }
}
