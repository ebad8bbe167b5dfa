package dev.smartsheetmcp.crossrefs;

import dev.smartsheetmcp.toolkit.BudgetedList;
import dev.smartsheetmcp.toolkit.ToolArguments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Variable;

/** Steps of {@code smartsheet_get_sheet_cross_references}: the arguments, then each reference described. */
public final class ReferenceReport {

    static final String TOOL = "smartsheet_get_sheet_cross_references";

    public record Request(long sheetId, boolean details) {
    }

    private int defaultMaxChars = 20_000;

    public void setDefaultMaxChars(int defaultMaxChars) { this.defaultMaxChars = defaultMaxChars; }

    public Request read(@Body Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        BudgetedList.of(TOOL, arguments, defaultMaxChars); // checks max_chars and cursor before any request
        return new Request(args.id("sheet_id"), args.flag("include_details", true));
    }

    public Map<String, Object> answer(@Variable("request") Request request, @Variable("arguments") Map<String, Object> arguments,
                                      @Variable("sheetReferences") SheetReferences references) {
        BudgetedList<Map<String, Object>> page = BudgetedList.of(TOOL, arguments, defaultMaxChars);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sheet_id", Long.toString(request.sheetId()));
        answer.put("total_count", references.references().size());
        answer.put("references", List.of());
        page.frame(answer);
        List<Map<String, Object>> described = new ArrayList<>();
        for (CrossReference reference : references.references()) described.add(describe(reference, references, request.details()));
        page.offerAll(page.remainder(described, item -> (String) item.get("id"), "cross-sheet reference"));
        answer.put("references", page.items());
        return page.finish(answer, item -> (String) item.get("id"));
    }

    private static Map<String, Object> describe(CrossReference reference, SheetReferences references, boolean details) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", Long.toString(reference.id()));
        item.put("name", reference.name());
        item.put("formula_syntax", "{" + reference.name() + "}");
        item.put("status", reference.status());
        SourceSheet source = references.source(reference);
        Map<String, Object> sourceSheet = new LinkedHashMap<>();
        sourceSheet.put("id", Long.toString(reference.sourceSheetId()));
        if (source != null) {
            sourceSheet.put("readable", source.readable());
            if (source.readable()) sourceSheet.put("name", source.name());
        }
        item.put("source_sheet", sourceSheet);
        item.put("range", references.range(reference));
        if (details) {
            item.put("used_by_columns", references.usage().columnsUsing(reference.name()));
            item.put("formulas_using_it", references.usage().of(reference.name()).size());
            String problem = references.problem(reference);
            if (problem != null) item.put("problem", problem);
        }
        return item;
    }
}
