package dev.smartsheetmcp.sheets.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.toolkit.BudgetedList;
import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.toolkit.ToolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Variable;

/**
 * The steps of the {@code smartsheet_search} route: read the arguments into a {@link SearchRun}
 * (exchange variable {@code search}), plan the columns, page through the rows, answer.
 */
public final class SheetSearch {

    static final String TOOL = "smartsheet_search";

    private int pageSize = 5000;
    private int maxMatchDetails = 500;
    private int contextChars = 80;
    private long regexTimeLimitMillis = 1000;
    private int defaultMaxChars = 500_000;

    /** The size budget when the call gives no max_chars (tools.search.max-answer-chars). */
    public void setDefaultMaxChars(int defaultMaxChars) { this.defaultMaxChars = defaultMaxChars; }

    public void setPageSize(int pageSize) { this.pageSize = pageSize; }

    public void setMaxMatchDetails(int maxMatchDetails) { this.maxMatchDetails = maxMatchDetails; }

    public void setContextChars(int contextChars) { this.contextChars = contextChars; }

    public void setRegexTimeLimitMillis(long regexTimeLimitMillis) { this.regexTimeLimitMillis = regexTimeLimitMillis; }

    public SearchRun start(@Body Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        args.id("sheet_id");
        ToolArguments options = args.object("options");
        SearchPattern pattern = SearchPattern.of(args.text("pattern"), options.flag("regex", false),
                options.flag("whole_word", false), options.flag("case_sensitive", false));
        return new SearchRun(pattern, columnTitles(options), options.flag("include_system", false),
                pageSize, maxMatchDetails, contextChars, regexTimeLimitMillis,
                BudgetedList.of(TOOL, arguments, defaultMaxChars));
    }

    public void plan(@Variable("search") SearchRun run, @Body JsonNode columns) {
        run.plan(columns);
    }

    public Map<String, Object> result(@Variable("search") SearchRun run) {
        return run.result();
    }

    /** options.columns as given (positions kept for error messages); an empty list means every column. */
    private static List<String> columnTitles(ToolArguments options) {
        List<?> given = options.optionalList("columns").orElse(List.of());
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            if (!(given.get(i) instanceof String title) || title.isEmpty()) {
                throw ToolException.invalidArgument("options.columns[" + i + "]", "must be a column title");
            }
            titles.add(title);
        }
        return titles;
    }
}
