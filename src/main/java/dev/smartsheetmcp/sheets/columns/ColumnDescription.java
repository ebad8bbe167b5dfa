package dev.smartsheetmcp.sheets.columns;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A column as the column tools report it: ids as strings, keys as in get_column_map's column_info. */
final class ColumnDescription {

    private ColumnDescription() {
    }

    static Map<String, Object> of(JsonNode column) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("id", column.path("id").asText());
        info.put("title", column.path("title").asText());
        String system = column.path("systemColumnType").asText(null);
        String formula = column.path("formula").asText(null);
        info.put("type", system != null ? system : formula != null ? "FORMULA" : column.path("type").asText());
        info.put("column_type", column.path("type").asText());
        info.put("index", column.path("index").asInt());
        info.put("primary", column.path("primary").asBoolean(false));
        info.put("system_managed", system != null || formula != null);
        if (formula != null) info.put("formula", formula);
        List<String> options = new ArrayList<>();
        column.path("options").forEach(option -> options.add(option.asText()));
        if (!options.isEmpty()) info.put("options", options);
        if (column.has("validation")) info.put("validation", column.path("validation").asBoolean());
        return info;
    }
}
