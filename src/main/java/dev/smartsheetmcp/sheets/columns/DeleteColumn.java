package dev.smartsheetmcp.sheets.columns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.toolkit.ToolException;
import dev.smartsheetmcp.sheets.SheetColumns;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Body;
import org.apache.camel.Variable;

/** Steps of {@code smartsheet_delete_column}: which column, whether formulas still need it, the answer. */
public final class DeleteColumn {

    private static final int ROWS_NAMED = 10;

    public record Request(long sheetId, long columnId, boolean validateDependencies) {
    }

    public Request read(@Body Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        return new Request(args.id("sheet_id"), args.id("column_id"), args.flag("validate_dependencies", true));
    }

    /** The column to delete; not the primary column, which Smartsheet never deletes. */
    public SheetColumns.Column target(@Variable("request") Request request, @Variable("columns") JsonNode columns) {
        SheetColumns.Column column = SheetColumns.of(columns).requireId(request.columnId(), "column_id");
        if (column.primary()) {
            throw ToolException.invalidArgument("column_id", "'" + column.title()
                    + "' is the sheet's primary column, which Smartsheet does not allow to be deleted; nothing was deleted");
        }
        return column;
    }

    /** Refuses when any formula names the column: deleting it would turn those references into #REF. */
    public void refuseIfReferenced(@Variable("target") SheetColumns.Column target, @Variable("references") FormulaScan scan) {
        if (scan.isEmpty()) return;
        StringBuilder message = new StringBuilder("Cannot delete column '").append(target.title())
                .append("' (id ").append(target.id()).append("): formulas reference it. ");
        if (!scan.columnFormulas().isEmpty()) {
            message.append("Column formulas in: ").append(scan.columnFormulas().stream()
                    .map(found -> "'" + found.column() + "'").collect(Collectors.joining(", "))).append(". ");
        }
        if (!scan.cellFormulas().isEmpty()) {
            Set<String> columns = new LinkedHashSet<>();
            scan.cellFormulas().forEach(found -> columns.add("'" + found.column() + "'"));
            message.append(scan.cellFormulas().size()).append(" cell formula(s) in column(s) ")
                    .append(String.join(", ", columns)).append(" (rows ")
                    .append(scan.cellFormulas().stream().limit(ROWS_NAMED).map(found -> Long.toString(found.rowId()))
                            .collect(Collectors.joining(", ")))
                    .append(scan.cellFormulas().size() > ROWS_NAMED ? ", …" : "").append("). ");
        }
        message.append("Nothing was deleted. Change those formulas first, or call again with validate_dependencies=false "
                + "to delete anyway (the references become #REF).");
        throw new ToolException(message.toString());
    }

    public Map<String, Object> answer(@Variable("request") Request request, @Variable("target") SheetColumns.Column target) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("message", "Successfully deleted column");
        answer.put("column_id", Long.toString(target.id()));
        answer.put("title", target.title());
        answer.put("dependencies_checked", request.validateDependencies());
        return answer;
    }
}
