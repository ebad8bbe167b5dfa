package dev.smartsheetmcp.sheets.columns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smartsheetmcp.sheets.SheetColumns;
import dev.smartsheetmcp.smartsheet.BulkWriteResults;
import dev.smartsheetmcp.toolkit.Json;
import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.toolkit.ToolException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;

/** Steps of {@code smartsheet_rename_column}: check the new title, rename, see to the references, answer. */
public final class RenameColumn {

    private static final ObjectMapper JSON = Json.MAPPER;

    public record Request(long sheetId, long columnId, String newTitle, boolean updateReferences) {
    }

    public Request read(@Body Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        return new Request(args.id("sheet_id"), args.id("column_id"), args.nonBlankText("new_title").strip(),
                args.flag("update_references", true));
    }

    /** The column to rename, once the new title is known to be free. */
    public SheetColumns.Column target(@Variable("request") Request request, @Variable("columns") JsonNode columnsAnswer) {
        SheetColumns columns = SheetColumns.of(columnsAnswer);
        SheetColumns.Column target = columns.requireId(request.columnId(), "column_id");
        if (target.title().equals(request.newTitle())) {
            throw ToolException.invalidArgument("new_title", "'" + request.newTitle() + "' is already this column's title; nothing to rename");
        }
        for (SheetColumns.Column other : columns.all()) {
            if (other.id() != target.id() && other.title().equalsIgnoreCase(request.newTitle())) {
                throw ToolException.invalidArgument("new_title", "column '" + other.title() + "' (id " + other.id()
                        + ") already has that title; column titles must be unique (ignoring case, as formulas do)");
            }
        }
        return target;
    }

    public boolean updatesReferences(@Variable("request") Request request) {
        return request.updateReferences();
    }

    public String requestBody(@Variable("request") Request request) throws JsonProcessingException {
        return JSON.writeValueAsString(Map.of("title", request.newTitle()));
    }

    /** Whether any formula named the old title before the rename. */
    public boolean hadReferences(@Variable("before") FormulaScan before) {
        return before != null && !before.isEmpty();
    }

    public ReferenceUpdates plan(@Variable("request") Request request, @Variable("before") FormulaScan before,
                                 @Variable("references") FormulaScan after, @Variable("columnsNow") JsonNode columnsNow) {
        return new ReferenceUpdates(before, after, SheetColumns.of(columnsNow), request.newTitle());
    }

    public long fixColumnId(@Body ReferenceUpdates.ColumnFix fix) {
        return fix.columnId();
    }

    public String fixBody(@Body ReferenceUpdates.ColumnFix fix) throws JsonProcessingException {
        return fix.requestBody();
    }

    public void columnFixFailed(@Variable("updates") ReferenceUpdates updates, @Variable("fix") ReferenceUpdates.ColumnFix fix,
                                @ExchangeProperty("CamelExceptionCaught") Exception error) {
        updates.columnFixFailed(fix.columnId(), error.getMessage());
    }

    public boolean hasRowsToWrite(@Variable("updates") ReferenceUpdates updates) {
        return !updates.rows().isEmpty();
    }

    public List<Map<String, Object>> rowsToWrite(@Variable("updates") ReferenceUpdates updates) {
        return updates.rows();
    }

    public void rowsWritten(@Variable("updates") ReferenceUpdates updates, @Body BulkWriteResults results) {
        updates.rowsWritten(results);
    }

    public Map<String, Object> answer(@Variable("request") Request request, @Variable("target") SheetColumns.Column target,
                                      @Variable("updates") ReferenceUpdates updates) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("message", "Successfully renamed column");
        answer.put("old_title", target.title());
        answer.put("new_title", request.newTitle());
        answer.put("column_id", Long.toString(target.id()));
        answer.put("updated_references", updates == null ? List.of() : updates.report());
        if (!request.updateReferences()) {
            answer.put("note", "References were not checked (update_references=false). Smartsheet itself rewrites "
                    + "formulas that name a renamed column.");
        }
        return answer;
    }
}
