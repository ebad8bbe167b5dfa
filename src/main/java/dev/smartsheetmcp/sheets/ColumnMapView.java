package dev.smartsheetmcp.sheets;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code get_column_map}: the title-to-id map that the write tools take, what
 * each column accepts, a few sample rows, and hints for writing. Keys follow the existing
 * Smartsheet MCP server so prompts written for it keep working.
 */
public final class ColumnMapView {

    public Map<String, Object> describe(JsonNode sheet) {
        SheetColumns columns = SheetColumns.of(sheet);
        Map<String, String> columnMap = new LinkedHashMap<>();
        Map<String, Object> columnInfo = new LinkedHashMap<>();
        for (SheetColumns.Column column : columns.all()) {
            columnMap.put(column.title(), Long.toString(column.id()));
            columnInfo.put(column.title(), info(column));
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("success", true);
        view.put("sheet_id", sheet.path("id").asText());
        view.put("sheet_name", sheet.path("name").asText());
        view.put("row_count", sheet.path("totalRowCount").asLong());
        view.put("column_map", columnMap);
        view.put("column_info", columnInfo);
        view.put("sample_data", samples(sheet, columns));
        view.put("usage_example", usageExample(columns, columnMap));
        view.put("usage_hints", usageHints(columns));
        return view;
    }

    private static Map<String, Object> info(SheetColumns.Column column) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("id", Long.toString(column.id()));
        info.put("type", column.systemColumnType() != null ? column.systemColumnType()
                : column.formula() != null ? "FORMULA" : column.type());
        info.put("column_type", column.type());
        info.put("primary", column.primary());
        info.put("system_managed", !column.writable());
        if (column.systemColumnType() != null) info.put("system_column_type", column.systemColumnType());
        if (column.formula() != null) info.put("formula", column.formula());
        if (!column.options().isEmpty()) info.put("options", column.options());
        if (column.multiValue()) info.put("multi_value", true);
        return info;
    }

    private static List<Map<String, Object>> samples(JsonNode sheet, SheetColumns columns) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode row : sheet.path("rows")) {
            Map<String, Object> sample = new LinkedHashMap<>();
            sample.put("__id", row.path("id").asText());
            for (JsonNode cell : row.path("cells")) {
                columns.byId(cell.path("columnId").asLong()).ifPresent(column ->
                        sample.put(column.title(), cell.hasNonNull("value") ? cell.get("value") : null));
            }
            rows.add(sample);
        }
        return rows;
    }

    private static Map<String, Object> usageExample(SheetColumns columns, Map<String, String> columnMap) {
        Map<String, Object> row = new LinkedHashMap<>();
        columns.all().stream().filter(SheetColumns.Column::writable)
                .forEach(column -> row.put(column.title(), exampleValue(column)));
        return Map.of("column_map", columnMap, "row_data", List.of(row));
    }

    private static Object exampleValue(SheetColumns.Column column) {
        return switch (column.type()) {
            case "CHECKBOX" -> true;
            case "DATE" -> "2026-01-31";
            case "PICKLIST" -> column.options().isEmpty() ? "option" : column.options().get(0);
            case "MULTI_PICKLIST" -> column.options().isEmpty() ? List.of("option") : column.options().subList(0, 1);
            case "CONTACT_LIST" -> "person@example.com";
            default -> "sample_value";
        };
    }

    private static List<String> usageHints(SheetColumns columns) {
        List<String> hints = new ArrayList<>();
        hints.add("Pass column titles as keys of row_data / data and this column_map to smartsheet_write or smartsheet_update.");
        hints.add("Columns with system_managed=true (system columns and column formulas) cannot be written; they are skipped.");
        hints.add("Cell values are limited to 4,000 characters. Dates are ISO 8601 (YYYY-MM-DD). CHECKBOX takes true/false.");
        if (columns.all().stream().anyMatch(SheetColumns.Column::multiValue)) {
            hints.add("MULTI_PICKLIST columns take an array of option strings.");
        }
        if (columns.all().stream().anyMatch(column -> "PICKLIST".equals(column.type()))) {
            hints.add("PICKLIST columns accept one of their options; smartsheet_search matches them exactly.");
        }
        return hints;
    }
}
