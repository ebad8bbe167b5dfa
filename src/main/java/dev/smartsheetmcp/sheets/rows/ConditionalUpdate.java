package dev.smartsheetmcp.sheets.rows;

import dev.smartsheetmcp.sheets.SheetPager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.toolkit.ToolException;
import dev.smartsheetmcp.sheets.SheetColumns.Column;
import dev.smartsheetmcp.smartsheet.BulkWriteResults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * smartsheet_bulk_update: rules of AND-ed conditions and the updates to make where they hold.
 * Everything is checked against the sheet's columns before a row is read; then the sheet is
 * read page by page, only the columns the conditions look at, and the matching rows are
 * written in batches. The per-call state is a {@link BulkUpdateRun}.
 */
public final class ConditionalUpdate {

    private int pageSize = 5000;

    /** Rows per page when reading the sheet (tools.rows.page-size). */
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    /** One rule: all conditions must hold; then its cells are written. */
    record Rule(List<Condition> conditions, List<Map<String, Object>> cells) {

        boolean matches(Map<Long, JsonNode> cells) {
            for (Condition condition : conditions) {
                if (!condition.test(cells.get(condition.column().id()))) return false;
            }
            return true;
        }
    }

    /** Checks the options; the rules need the columns, read next. */
    public long sheetId(Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        long sheetId = args.id("sheet_id");
        ToolArguments options = args.object("options");
        int batchSize = options.optionalInt("batchSize").orElse(500);
        if (batchSize < 1 || batchSize > 500) throw ToolException.invalidArgument("options.batchSize", "must be between 1 and 500 (Smartsheet's maximum per request)");
        options.flag("lenientMode", false);
        if (args.list("rules").isEmpty()) throw ToolException.invalidArgument("rules", "must hold at least one rule");
        return sheetId;
    }

    /** Checks every rule against the sheet's columns and starts the run; nothing has been written yet. */
    public BulkUpdateRun start(Map<String, Object> arguments, JsonNode columnList) {
        ToolArguments args = ToolArguments.of(arguments);
        WriteColumns columns = WriteColumns.of(columnList);
        List<?> rawRules = args.list("rules");
        List<Rule> rules = new ArrayList<>();
        Set<Long> conditionColumns = new LinkedHashSet<>();
        for (int i = 0; i < rawRules.size(); i++) {
            String field = "rules[" + i + "]";
            if (!(rawRules.get(i) instanceof Map<?, ?> rule)) throw ToolException.invalidArgument(field, "must be an object {conditions, updates}");
            List<Condition> conditions = new ArrayList<>();
            List<?> rawConditions = list(rule.get("conditions"), field + ".conditions");
            for (int j = 0; j < rawConditions.size(); j++) {
                Condition condition = Condition.of(rawConditions.get(j), columns.all(), field + ".conditions[" + j + "]");
                conditions.add(condition);
                conditionColumns.add(condition.column().id());
            }
            List<?> rawUpdates = list(rule.get("updates"), field + ".updates");
            if (rawUpdates.isEmpty()) throw ToolException.invalidArgument(field + ".updates", "must hold at least one update");
            Map<Long, Map<String, Object>> cells = new LinkedHashMap<>();
            for (int j = 0; j < rawUpdates.size(); j++) {
                String updateField = field + ".updates[" + j + "]";
                if (!(rawUpdates.get(j) instanceof Map<?, ?> update)) throw ToolException.invalidArgument(updateField, "must be an object {columnId, value}");
                Column column = columns.all().requireId(Ids.parse(update.get("columnId"), updateField + ".columnId"), updateField + ".columnId");
                String notWritable = WriteColumns.whyNotWritable(column);
                if (notWritable != null) {
                    throw ToolException.invalidArgument(updateField + ".columnId", "column '" + column.title() + "' cannot be written: " + notWritable);
                }
                cells.put(column.id(), CellValues.cell(column, columns.validated(column), update.get("value"), updateField + ".value"));
            }
            rules.add(new Rule(List.copyOf(conditions), List.copyOf(cells.values())));
        }
        if (conditionColumns.isEmpty()) conditionColumns.add(columns.all().primary().id());
        String query = "columnIds=" + conditionColumns.stream().map(String::valueOf).collect(Collectors.joining(","))
                + "&include=objectValue&level=2";
        ToolArguments options = args.object("options");
        return new BulkUpdateRun(rules, new SheetPager(query, pageSize), options.optionalInt("batchSize").orElse(500),
                options.flag("lenientMode", false));
    }

    public void recordBatch(BulkUpdateRun run, BulkWriteResults results) {
        run.record(results);
    }

    public Map<String, Object> answer(BulkUpdateRun run) {
        return run.answer();
    }

    private static List<?> list(Object value, String field) {
        if (value == null) throw ToolException.invalidArgument(field, "is required");
        if (!(value instanceof List<?> list)) throw ToolException.invalidArgument(field, "must be an array");
        return list;
    }
}
