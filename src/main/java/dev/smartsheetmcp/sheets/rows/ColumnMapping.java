package dev.smartsheetmcp.sheets.rows;

import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.toolkit.ToolException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code column_map} argument of the write tools: field name (in practice the column
 * title, as get_column_map gives it) to column id. Ids must be digits.
 */
final class ColumnMapping {

    private final Map<String, Long> ids;

    private ColumnMapping(Map<String, Long> ids) {
        this.ids = ids;
    }

    static ColumnMapping of(ToolArguments arguments) {
        if (!arguments.has("column_map")) throw ToolException.invalidArgument("column_map", "is required");
        Map<String, Long> ids = new LinkedHashMap<>();
        arguments.object("column_map").asMap().forEach((key, value) -> ids.put(key, Ids.parse(value, "column_map." + key)));
        return new ColumnMapping(ids);
    }

    boolean has(String key) {
        return ids.containsKey(key);
    }

    /** The column id of {@code key}; an error naming {@code field} when column_map lacks it. */
    long id(String key, String field) {
        Long id = ids.get(key);
        if (id == null) {
            throw ToolException.invalidArgument(field, "'" + key + "' is not a key of column_map (keys: "
                    + String.join(", ", ids.keySet()) + "); call get_column_map for the sheet's column titles");
        }
        return id;
    }
}
