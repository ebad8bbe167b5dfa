package dev.smartsheetmcp.sheets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.toolkit.ToolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The columns of a sheet as Smartsheet describes them, found by title or by id. */
public final class SheetColumns {

    /** One column; {@code writable} is false for system columns and columns with a column formula. */
    public record Column(long id, String title, String type, String systemColumnType, String formula,
                         List<String> options, boolean primary, int index) {

        public boolean writable() {
            return systemColumnType == null && formula == null;
        }

        public boolean multiValue() {
            return "MULTI_PICKLIST".equals(type) || "MULTI_CONTACT_LIST".equals(type);
        }
    }

    private final Map<String, Column> byTitle = new LinkedHashMap<>();
    private final Map<Long, Column> byId = new LinkedHashMap<>();

    private SheetColumns(List<Column> columns) {
        columns.forEach(column -> {
            byTitle.put(column.title(), column);
            byId.put(column.id(), column);
        });
    }

    /** From a Sheet (its {@code columns}) or from a columns array. */
    public static SheetColumns of(JsonNode sheetOrColumns) {
        JsonNode columns = sheetOrColumns.isArray() ? sheetOrColumns
                : sheetOrColumns.has("columns") ? sheetOrColumns.path("columns") : sheetOrColumns.path("data");
        List<Column> parsed = new ArrayList<>();
        for (JsonNode column : columns) {
            List<String> options = new ArrayList<>();
            column.path("options").forEach(option -> options.add(option.asText()));
            parsed.add(new Column(column.path("id").asLong(), column.path("title").asText(),
                    column.path("type").asText("TEXT_NUMBER"), textOrNull(column, "systemColumnType"),
                    textOrNull(column, "formula"), List.copyOf(options), column.path("primary").asBoolean(false),
                    column.path("index").asInt(parsed.size())));
        }
        return new SheetColumns(parsed);
    }

    public List<Column> all() {
        return List.copyOf(byTitle.values());
    }

    public Optional<Column> byTitle(String title) {
        return Optional.ofNullable(byTitle.get(title));
    }

    public Optional<Column> byId(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The column titled {@code title}; otherwise an error naming {@code field} and the titles there are. */
    public Column requireTitle(String title, String field) {
        return byTitle(title).orElseThrow(() -> ToolException.invalidArgument(field,
                "no column titled '" + title + "' in this sheet (columns: " + String.join(", ", byTitle.keySet()) + ")"));
    }

    public Column requireId(long id, String field) {
        return byId(id).orElseThrow(() -> ToolException.invalidArgument(field, "no column with id " + id + " in this sheet"));
    }

    public Column primary() {
        return byTitle.values().stream().filter(Column::primary).findFirst()
                .orElseGet(() -> byTitle.values().iterator().next());
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }
}
