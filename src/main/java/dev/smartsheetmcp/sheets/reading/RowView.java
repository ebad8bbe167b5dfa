package dev.smartsheetmcp.sheets.reading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.toolkit.TextCut;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One row of a sheet or report as a read tool answers it: ids as strings of digits (they are
 * 64-bit), its row number, its parent where it has one, and its cells by column title with the
 * value people see; {@code values} adds the raw value where it differs (a contact's email behind
 * its name, a number behind its formatting, the items of a multi-select). Empty cells are left
 * out; long text is cut with a marker.
 */
public final class RowView {

    /** A column of the answer: the key its cells carry ({@code columnId}, or a report's {@code virtualColumnId}) and its title. */
    public record OutputColumn(long key, String title) {
    }

    private final List<OutputColumn> columns;
    private final String cellKey;
    private final int cellChars;
    private final Set<String> include;

    /**
     * @param cellKey   the cell attribute that names its column: {@code columnId} or {@code virtualColumnId}
     * @param cellChars characters a cell's text keeps before it is cut
     * @param include   {@code discussions} and {@code attachments}: their counts on each row
     */
    public RowView(List<OutputColumn> columns, String cellKey, int cellChars, Set<String> include) {
        this.columns = columns;
        this.cellKey = cellKey;
        this.cellChars = cellChars;
        this.include = include;
    }

    /** A row's cells by the key of their column. */
    public Map<Long, JsonNode> cells(JsonNode row) {
        Map<Long, JsonNode> cells = new HashMap<>();
        for (JsonNode cell : row.path("cells")) cells.put(cell.path(cellKey).asLong(), cell);
        return cells;
    }

    public Map<String, Object> render(JsonNode row, Map<Long, JsonNode> cells) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("row_id", row.path("id").asText());
        if (row.hasNonNull("sheetId")) view.put("sheet_id", row.path("sheetId").asText());
        view.put("row_number", row.path("rowNumber").asLong());
        if (row.hasNonNull("parentId")) view.put("parent_id", row.path("parentId").asText());
        Map<String, Object> shown = new LinkedHashMap<>();
        Map<String, Object> raw = new LinkedHashMap<>();
        for (OutputColumn column : columns) {
            JsonNode cell = cells.get(column.key());
            Object display = display(cell);
            if (display == null) continue;
            shown.put(column.title(), display);
            Object value = raw(cell, display);
            if (value != null) raw.put(column.title(), value);
        }
        view.put("cells", shown);
        if (!raw.isEmpty()) view.put("values", raw);
        if (include.contains("discussions")) view.put("discussion_count", row.path("discussions").size());
        if (include.contains("attachments")) view.put("attachment_count", row.path("attachments").size());
        return view;
    }

    /** What people see in the cell: its display value, else its value; null when empty. */
    Object display(JsonNode cell) {
        if (cell == null) return null;
        JsonNode display = cell.get("displayValue");
        if (display != null && display.isTextual() && !display.asText().isEmpty()) return cut(display.asText());
        JsonNode value = cell.get("value");
        if (value == null || value.isNull() || value.isTextual() && value.asText().isEmpty()) return null;
        return value.isTextual() ? cut(value.asText()) : value;
    }

    /** The raw value where it differs from what is shown; null when it does not. */
    Object raw(JsonNode cell, Object display) {
        JsonNode objectValue = cell.get("objectValue");
        if (objectValue != null && objectValue.has("values")) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : objectValue.path("values")) {
                items.add(cut(item.isObject() ? item.path("email").asText(item.path("name").asText()) : item.asText()));
            }
            return items;
        }
        JsonNode value = cell.get("value");
        if (value == null || value.isNull()) return null;
        if (display instanceof JsonNode) return null;
        String text = value.asText();
        if (text.equals(display) || cut(text).equals(display)) return null;
        return value.isTextual() ? cut(text) : value;
    }

    private String cut(String text) {
        return TextCut.cut(text, cellChars);
    }
}
