package dev.smartsheetmcp.sheets.rows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.toolkit.ToolException;
import dev.smartsheetmcp.sheets.SheetColumns.Column;
import dev.smartsheetmcp.smartsheet.BulkWriteResults;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * smartsheet_update: partial row updates by column title. Every update is checked before
 * anything is sent: row ids, titles, columns that cannot be written, values. Rows Smartsheet
 * refuses (an unknown row id, say) come back one by one in {@code failed}.
 */
public final class RowUpdates {

    /** The checked arguments: row ids and their data, in call order. */
    public record Request(long sheetId, List<Long> rowIds, List<Map<String, Object>> data, ColumnMapping mapping,
                          Set<Long> columnIds) {

        /** The written columns' metadata only: one row at most comes along. */
        public String sheetQuery() {
            return "columnIds=" + columnIds.stream().map(String::valueOf).collect(Collectors.joining(","))
                    + "&level=2&pageSize=1&page=1";
        }
    }

    @SuppressWarnings("unchecked")
    public Request read(Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        long sheetId = args.id("sheet_id");
        ColumnMapping mapping = ColumnMapping.of(args);
        List<?> updates = args.list("updates");
        if (updates.isEmpty()) throw ToolException.invalidArgument("updates", "must hold at least one update");
        List<Long> rowIds = new ArrayList<>();
        List<Map<String, Object>> data = new ArrayList<>();
        Set<Long> columnIds = new LinkedHashSet<>();
        for (int i = 0; i < updates.size(); i++) {
            String field = "updates[" + i + "]";
            if (!(updates.get(i) instanceof Map<?, ?> update)) throw ToolException.invalidArgument(field, "must be an object {row_id, data}");
            rowIds.add(Ids.parse(update.get("row_id"), field + ".row_id"));
            if (!(update.get("data") instanceof Map<?, ?> values)) throw ToolException.invalidArgument(field + ".data", "must be an object of column title to value");
            if (values.isEmpty()) throw ToolException.invalidArgument(field + ".data", "must name at least one column");
            for (Object key : values.keySet()) columnIds.add(mapping.id(String.valueOf(key), field + ".data." + key));
            data.add((Map<String, Object>) values);
        }
        return new Request(sheetId, rowIds, data, mapping, columnIds);
    }

    /** The Smartsheet rows {id, cells} to send, in call order. */
    public List<Map<String, Object>> rows(Request request, JsonNode sheet) {
        WriteColumns columns = WriteColumns.of(sheet);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < request.rowIds().size(); i++) {
            List<Map<String, Object>> cells = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            for (Map.Entry<String, Object> entry : request.data().get(i).entrySet()) {
                String field = "updates[" + i + "].data." + entry.getKey();
                Column column = columns.require(request.mapping().id(entry.getKey(), field), entry.getKey(), field);
                String notWritable = WriteColumns.whyNotWritable(column);
                if (notWritable != null) {
                    throw ToolException.invalidArgument(field, "column '" + column.title() + "' cannot be written: " + notWritable);
                }
                if (!seen.add(column.id())) throw ToolException.invalidArgument(field, "updates column '" + column.title() + "' a second time in this row");
                cells.add(CellValues.cell(column, columns.validated(column), entry.getValue(), field));
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", request.rowIds().get(i));
            row.put("cells", cells);
            rows.add(row);
        }
        return rows;
    }

    /** The tool's answer; when no row was updated, a tool error carrying the same JSON. */
    public Map<String, Object> answer(Request request, BulkWriteResults results) {
        List<String> rowIds = new ArrayList<>();
        results.written().forEach(row -> rowIds.add(row.path("id").asText()));
        List<Map<String, Object>> failed = new ArrayList<>();
        for (BulkWriteResults.FailedRow row : results.failed()) {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("row_id", Long.toString(request.rowIds().get(row.index())));
            failure.put("error", NewRows.describe(row));
            failed.add(failure);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("message", rowIds.isEmpty() ? "No rows updated (" + request.rowIds().size() + " given)"
                : "Successfully updated " + rowIds.size() + " of " + request.rowIds().size() + " rows"
                + (failed.isEmpty() ? "" : "; " + failed.size() + " failed"));
        answer.put("rows_updated", rowIds.size());
        answer.put("row_ids", rowIds);
        answer.put("failed", failed);
        if (rowIds.isEmpty()) throw ResultError.of(answer);
        return answer;
    }
}
