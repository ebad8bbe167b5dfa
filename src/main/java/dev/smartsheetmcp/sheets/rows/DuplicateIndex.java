package dev.smartsheetmcp.sheets.rows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sheets.SheetColumns.Column;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds new rows whose written fields all equal those of a row already in the sheet, or of
 * an earlier new row of the same call. Values are compared as {@link CellValues#comparable}
 * makes them (5, "5" and 5.0 agree; text is case-sensitive; an empty cell equals an empty
 * value). One index per set of written columns, built on first use from the rows read.
 */
final class DuplicateIndex {

    private final JsonNode existingRows;
    private final Map<Long, Column> columns;
    private final Map<List<Long>, Map<List<String>, String>> indexes = new HashMap<>();
    private final List<Accepted> accepted = new ArrayList<>();

    private record Accepted(Map<Long, String> values, String description) {
    }

    /** @param existingRows the {@code rows} of a sheet read holding (at least) every written column */
    DuplicateIndex(JsonNode existingRows, Map<Long, Column> columns) {
        this.existingRows = existingRows;
        this.columns = columns;
    }

    /**
     * What {@code values} (column id to comparable text) duplicates: "row &lt;id&gt;" or
     * "row_data[i]"; null when it is new.
     */
    String duplicateOf(Map<Long, String> values) {
        List<Long> columnIds = List.copyOf(new TreeMap<>(values).keySet());
        if (columnIds.isEmpty()) return null;
        return indexes.computeIfAbsent(columnIds, this::build).get(project(values, columnIds));
    }

    /** Remembers a row that will be written, so that later rows of the call are checked against it. */
    void accept(Map<Long, String> values, int index) {
        Accepted row = new Accepted(values, "row_data[" + index + "]");
        accepted.add(row);
        indexes.forEach((columnIds, byProjection) -> byProjection.putIfAbsent(project(row.values(), columnIds), row.description()));
    }

    private Map<List<String>, String> build(List<Long> columnIds) {
        Map<List<String>, String> index = new HashMap<>();
        for (JsonNode row : existingRows) {
            Map<Long, JsonNode> cells = new HashMap<>();
            for (JsonNode cell : row.path("cells")) cells.put(cell.path("columnId").asLong(), cell);
            List<String> projection = new ArrayList<>(columnIds.size());
            for (Long id : columnIds) projection.add(CellValues.comparable(columns.get(id), cells.get(id)));
            index.putIfAbsent(projection, "row " + row.path("id").asText());
        }
        for (Accepted row : accepted) index.putIfAbsent(project(row.values(), columnIds), row.description());
        return index;
    }

    /** A new row's values on some columns; a column it does not write is empty there. */
    private List<String> project(Map<Long, String> values, List<Long> columnIds) {
        List<String> projection = new ArrayList<>(columnIds.size());
        for (Long id : columnIds) {
            String value = values.get(id);
            projection.add(value != null ? value : CellValues.comparable(columns.get(id), (Object) null));
        }
        return projection;
    }
}
