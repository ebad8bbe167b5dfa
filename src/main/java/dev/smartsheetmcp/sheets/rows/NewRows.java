package dev.smartsheetmcp.sheets.rows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.toolkit.ToolException;
import dev.smartsheetmcp.sheets.SheetColumns.Column;
import dev.smartsheetmcp.smartsheet.BulkWriteResults;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * smartsheet_write: checks the arguments ({@link #read}), turns the rows into Smartsheet rows
 * against one read of the mapped columns, skipping duplicates ({@link #plan}), and shapes the
 * answer of the add ({@link #answer}). Nothing is sent unless every row is valid.
 */
public final class NewRows {

    private int rowsPerRequest = 500;

    /** Smartsheet's rows per add request, as the client chunks them (smartsheet.rows-per-request). */
    public void setRowsPerRequest(int rowsPerRequest) {
        this.rowsPerRequest = rowsPerRequest;
    }

    /** The checked arguments and the read they need. */
    public record Request(long sheetId, List<Map<String, Object>> rows, ColumnMapping mapping, boolean skipDuplicates,
                          RowPosition position, Set<Long> columnIds) {

        /** Only the written columns; every row when duplicates are checked, else a single one. */
        public String sheetQuery() {
            String ids = columnIds.stream().map(String::valueOf).collect(Collectors.joining(","));
            return "columnIds=" + ids + "&level=2&include=objectValue" + (skipDuplicates ? "" : "&pageSize=1&page=1");
        }
    }

    /** The rows to send, with where each came from, and what was left out. */
    public record Plan(int requested, List<Map<String, Object>> rows, List<Integer> inputIndexes,
                       List<Map<String, Object>> duplicates, List<Map<String, Object>> notSent,
                       List<Map<String, Object>> skippedColumns) {
    }

    @SuppressWarnings("unchecked")
    public Request read(Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        long sheetId = args.id("sheet_id");
        ColumnMapping mapping = ColumnMapping.of(args);
        List<?> items = args.list("row_data");
        if (items.isEmpty()) throw ToolException.invalidArgument("row_data", "must hold at least one row");
        List<Map<String, Object>> rows = new ArrayList<>();
        Set<Long> columnIds = new LinkedHashSet<>();
        RowPosition position = null;
        for (int i = 0; i < items.size(); i++) {
            String field = "row_data[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> item)) throw ToolException.invalidArgument(field, "must be an object of column title to value");
            Map<String, Object> row = (Map<String, Object>) item;
            RowPosition here = RowPosition.of(row, mapping, field);
            if (position == null) position = here;
            else if (!position.samePlace(here)) {
                throw ToolException.invalidArgument(field, "all rows of one call must go to the same place (Smartsheet's rule); row_data[0] has "
                        + position.describe() + ", this row has " + here.describe());
            }
            for (String key : row.keySet()) {
                if (!RowPosition.isPositionKey(key, mapping)) columnIds.add(mapping.id(key, field + "." + key));
            }
            rows.add(row);
        }
        if (columnIds.isEmpty()) throw ToolException.invalidArgument("row_data", "the rows name no columns to write");
        if (rows.size() > rowsPerRequest && position.reversesAcrossRequests()) {
            throw ToolException.invalidArgument("row_data", "more than " + rowsPerRequest + " rows cannot be placed with "
                    + position.describe() + ": Smartsheet takes " + rowsPerRequest + " rows a request and each request would land above the previous one; "
                    + "write them in calls of at most " + rowsPerRequest + " rows, or at the bottom");
        }
        return new Request(sheetId, rows, mapping, args.flag("skip_duplicates", true), position, columnIds);
    }

    public Plan plan(Request request, JsonNode sheet) {
        WriteColumns columns = WriteColumns.of(sheet);
        Map<Long, Column> byId = new HashMap<>();
        Map<String, Map<String, Object>> skipped = new LinkedHashMap<>();
        List<List<Map<String, Object>>> cellsByRow = new ArrayList<>();
        List<Map<Long, String>> comparables = new ArrayList<>();
        for (int i = 0; i < request.rows().size(); i++) {
            List<Map<String, Object>> cells = new ArrayList<>();
            Map<Long, String> comparable = new HashMap<>();
            for (Map.Entry<String, Object> entry : request.rows().get(i).entrySet()) {
                String key = entry.getKey();
                if (RowPosition.isPositionKey(key, request.mapping())) continue;
                String field = "row_data[" + i + "]." + key;
                Column column = columns.require(request.mapping().id(key, field), key, field);
                String notWritable = WriteColumns.whyNotWritable(column);
                if (notWritable != null) {
                    skipped.putIfAbsent(key, Map.of("column", key, "reason", notWritable));
                    continue;
                }
                if (comparable.containsKey(column.id())) {
                    throw ToolException.invalidArgument(field, "writes column '" + column.title() + "' a second time in this row");
                }
                Map<String, Object> cell = CellValues.cell(column, columns.validated(column), entry.getValue(), field);
                byId.put(column.id(), column);
                comparable.put(column.id(), CellValues.comparable(column, entry.getValue()));
                if (!CellValues.isEmpty(entry.getValue())) cells.add(cell);
            }
            cellsByRow.add(cells);
            comparables.add(comparable);
        }
        DuplicateIndex duplicates = request.skipDuplicates() ? new DuplicateIndex(sheet.path("rows"), byId) : null;
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Integer> inputIndexes = new ArrayList<>();
        List<Map<String, Object>> duplicateRows = new ArrayList<>();
        List<Map<String, Object>> notSent = new ArrayList<>();
        for (int i = 0; i < cellsByRow.size(); i++) {
            if (cellsByRow.get(i).isEmpty()) {
                notSent.add(failure(i, "no value to write: every field is empty or names a column that cannot be written"));
                continue;
            }
            if (duplicates != null) {
                String duplicateOf = duplicates.duplicateOf(comparables.get(i));
                if (duplicateOf != null) {
                    duplicateRows.add(Map.of("index", i, "duplicate_of", duplicateOf));
                    continue;
                }
                duplicates.accept(comparables.get(i), i);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            request.position().applyTo(row);
            row.put("cells", cellsByRow.get(i));
            rows.add(row);
            inputIndexes.add(i);
        }
        return new Plan(request.rows().size(), rows, inputIndexes, duplicateRows, notSent, List.copyOf(skipped.values()));
    }

    /** The tool's answer; when rows were sent and none was added, a tool error carrying the same JSON. */
    public Map<String, Object> answer(Plan plan, BulkWriteResults results) {
        List<String> rowIds = new ArrayList<>();
        List<Map<String, Object>> failed = new ArrayList<>(plan.notSent());
        if (results != null) {
            Set<Integer> failedSent = new LinkedHashSet<>();
            for (BulkWriteResults.FailedRow row : results.failed()) {
                failedSent.add(row.index());
                failed.add(failure(plan.inputIndexes().get(row.index()), describe(row)));
            }
            List<JsonNode> written = results.written();
            int next = 0;
            for (int sent = 0; sent < plan.rows().size() && next < written.size(); sent++) {
                if (!failedSent.contains(sent)) rowIds.add(written.get(next++).path("id").asText());
            }
        }
        failed.sort((a, b) -> Integer.compare((Integer) a.get("index"), (Integer) b.get("index")));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("message", message(plan, rowIds.size(), failed.size()));
        answer.put("rows_added", rowIds.size());
        answer.put("row_ids", rowIds);
        answer.put("duplicates_skipped", plan.duplicates());
        answer.put("failed", failed);
        answer.put("skipped_columns", plan.skippedColumns());
        if (rowIds.isEmpty() && !failed.isEmpty()) throw ResultError.of(answer);
        return answer;
    }

    private static String message(Plan plan, int added, int failed) {
        StringBuilder text = new StringBuilder(added > 0 ? "Successfully added " + added + " of " + plan.requested() + " rows"
                : "No rows added (" + plan.requested() + " given)");
        if (!plan.duplicates().isEmpty()) text.append("; ").append(plan.duplicates().size()).append(" skipped as duplicates");
        if (failed > 0) text.append("; ").append(failed).append(" failed");
        return text.toString();
    }

    static Map<String, Object> failure(int index, String error) {
        Map<String, Object> failure = new LinkedHashMap<>();
        failure.put("index", index);
        failure.put("error", error);
        return failure;
    }

    static String describe(BulkWriteResults.FailedRow row) {
        return row.errorCode() == 0 ? row.message() : "Smartsheet error " + row.errorCode() + ": " + row.message();
    }
}
