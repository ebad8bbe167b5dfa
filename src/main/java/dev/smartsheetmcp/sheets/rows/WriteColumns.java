package dev.smartsheetmcp.sheets.rows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.toolkit.ToolException;
import dev.smartsheetmcp.sheets.SheetColumns;
import dev.smartsheetmcp.sheets.SheetColumns.Column;
import java.util.HashSet;
import java.util.Set;

/**
 * The columns a write touches, as a sheet read answered them, with what decides whether and
 * how a value may go in: system and formula columns, and picklist validation.
 */
final class WriteColumns {

    private final SheetColumns columns;
    private final Set<Long> validated = new HashSet<>();

    private WriteColumns(JsonNode sheetOrColumns) {
        this.columns = SheetColumns.of(sheetOrColumns);
        JsonNode list = sheetOrColumns.isArray() ? sheetOrColumns
                : sheetOrColumns.has("columns") ? sheetOrColumns.path("columns") : sheetOrColumns.path("data");
        for (JsonNode column : list) {
            if (column.path("validation").asBoolean(false)) validated.add(column.path("id").asLong());
        }
    }

    /** From a Sheet (its {@code columns}) or a columns list. */
    static WriteColumns of(JsonNode sheetOrColumns) {
        return new WriteColumns(sheetOrColumns);
    }

    SheetColumns all() {
        return columns;
    }

    /** The column with {@code id}; an error naming {@code field} when the sheet has none. */
    Column require(long id, String key, String field) {
        return columns.byId(id).orElseThrow(() -> ToolException.invalidArgument(field,
                "column_map gives '" + key + "' the id " + id + ", which names no column of this sheet"));
    }

    boolean validated(Column column) {
        return validated.contains(column.id());
    }

    /** Why a column cannot be written: "system column (CREATED_DATE)" or "column formula"; null when it can. */
    static String whyNotWritable(Column column) {
        if (column.systemColumnType() != null) return "system column (" + column.systemColumnType() + ")";
        if (column.formula() != null) return "computed by a column formula";
        return null;
    }
}
