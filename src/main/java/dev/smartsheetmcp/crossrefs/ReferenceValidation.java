package dev.smartsheetmcp.crossrefs;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.smartsheetmcp.smartsheet.BulkWriteResults;
import dev.smartsheetmcp.toolkit.Json;
import dev.smartsheetmcp.toolkit.ToolArguments;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;

/** Steps of {@code smartsheet_validate_cross_references}: check, then (fix_broken) repair what can be. */
public final class ReferenceValidation {

    public record Request(long sheetId, boolean fix) {
    }

    public Request read(@Body Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        return new Request(args.id("sheet_id"), args.flag("fix_broken", false));
    }

    public ReferenceCheck check(@Variable("request") Request request, @Variable("sheetReferences") SheetReferences references) {
        return new ReferenceCheck(references, request.fix());
    }

    public List<ReferenceCheck.NewReference> referencesToCreate(@Variable("check") ReferenceCheck check) {
        return check.referencesToCreate();
    }

    public String newReferenceBody(@Variable("newReference") ReferenceCheck.NewReference reference) {
        return reference.body();
    }

    public void created(@Variable("check") ReferenceCheck check, @Variable("newReference") ReferenceCheck.NewReference reference) {
        check.created(reference);
    }

    public void createFailed(@Variable("check") ReferenceCheck check, @Variable("newReference") ReferenceCheck.NewReference reference,
                             @ExchangeProperty("CamelExceptionCaught") Exception error) {
        check.createFailed(reference, error.getMessage());
    }

    public List<FormulaRewrites.ColumnFix> columnFixes(@Variable("check") ReferenceCheck check) {
        return check.rewrites().columnFixes();
    }

    public long fixColumnId(@Variable("fix") FormulaRewrites.ColumnFix fix) {
        return fix.columnId();
    }

    public String fixBody(@Variable("fix") FormulaRewrites.ColumnFix fix) throws JsonProcessingException {
        return Json.MAPPER.writeValueAsString(Map.of("formula", fix.formula()));
    }

    public void columnFixFailed(@Variable("check") ReferenceCheck check, @Variable("fix") FormulaRewrites.ColumnFix fix,
                                @ExchangeProperty("CamelExceptionCaught") Exception error) {
        check.rewrites().columnFailed(fix.columnId(), error.getMessage());
    }

    public List<Map<String, Object>> rowsToWrite(@Variable("check") ReferenceCheck check) {
        return check.rewrites().rows();
    }

    public void rowsWritten(@Variable("check") ReferenceCheck check, @Body BulkWriteResults results) {
        check.rewrites().rowsWritten(results);
    }

    public Map<String, Object> answer(@Variable("check") ReferenceCheck check) {
        return check.answer();
    }
}
