package dev.smartsheetmcp.resources;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code smartsheet://{sheet_id}/summary}: the sheet's shape, every column's figures, its hierarchy and progress. */
final class SummaryView extends SheetView {

    private List<ColumnFigures> figures;
    private final Map<Long, Integer> depths = new HashMap<>();
    private int maxDepth;
    private long complete;
    private String lastModified;

    SummaryView(long sheetId, int pageSize, int maxChars) {
        super(sheetId, pageSize, maxChars);
    }

    @Override
    void accept(RowCells row) {
        if (figures == null) figures = columns.all().stream().map(ColumnFigures::new).toList();
        figures.forEach(column -> column.accept(row));
        int depth = row.parentId() == null ? 0 : depths.getOrDefault(row.parentId(), 0) + 1;
        depths.put(row.id(), depth);
        maxDepth = Math.max(maxDepth, depth);
        if (project.complete(row)) complete++;
        if (row.modifiedAt() != null && (lastModified == null || row.modifiedAt().compareTo(lastModified) > 0)) {
            lastModified = row.modifiedAt();
        }
    }

    @Override
    Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("column_count", columns.all().size());
        figures.put("project_columns", project.roles());
        figures.put("hierarchy", Map.of("max_depth", maxDepth, "top_level_rows", depths.values().stream().filter(d -> d == 0).count()));
        figures.put("rows_complete", complete);
        figures.put("percent_rows_complete", rowsRead == 0 ? 0 : Math.round(complete * 1000.0 / rowsRead) / 10.0);
        if (lastModified != null) figures.put("last_row_modified_at", lastModified);
        return figures;
    }

    @Override
    Map<String, ItemList> lists() {
        ItemList columnViews = items();
        if (figures == null) figures = columns.all().stream().map(ColumnFigures::new).toList();
        figures.forEach(column -> columnViews.add(column.view(rowsRead)));
        return Map.of("columns", columnViews);
    }
}
