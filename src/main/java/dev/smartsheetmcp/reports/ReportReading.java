package dev.smartsheetmcp.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sheets.reading.ReadLimits;
import dev.smartsheetmcp.toolkit.AnswerBudget;
import dev.smartsheetmcp.toolkit.Cursor;
import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.toolkit.ToolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** list_reports and get_report: the steps of their routes. */
public final class ReportReading {

    static final String LIST_TOOL = "list_reports";

    private final ReadLimits limits;

    public ReportReading(ReadLimits limits) {
        this.limits = limits;
    }

    /** Checks list_reports' arguments before Smartsheet is asked. */
    public int listOffset(Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        limits.maxChars(args);
        if (!args.has(Cursor.ARGUMENT)) return 0;
        int offset = Cursor.decode(LIST_TOOL, arguments, args.text(Cursor.ARGUMENT)).path("offset").asInt(-1);
        if (offset < 0) throw ToolException.invalidArgument(Cursor.ARGUMENT, "is not a cursor this server answered; pass it back unchanged");
        return offset;
    }

    /** The reports of Get Reports from {@code offset} on, while they fit {@code max_chars}. */
    public Map<String, Object> listAnswer(Map<String, Object> arguments, int offset, JsonNode reports) {
        int maxChars = limits.maxChars(ToolArguments.of(arguments));
        JsonNode data = reports.path("data");
        AnswerBudget budget = new AnswerBudget(maxChars, 400);
        List<Map<String, Object>> views = new ArrayList<>();
        int next = offset;
        boolean full = false;
        for (; next < data.size(); next++) {
            JsonNode report = data.get(next);
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", report.path("id").asText());
            view.put("name", report.path("name").asText());
            view.put("access_level", report.path("accessLevel").asText());
            if (report.hasNonNull("permalink")) view.put("permalink", report.path("permalink").asText());
            if (report.hasNonNull("modifiedAt")) view.put("modified_at", report.path("modifiedAt").asText());
            if (!budget.tryTake(view)) {
                full = true;
                break;
            }
            views.add(view);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("reports", views);
        answer.put("total_count", reports.path("totalCount").asInt(data.size()));
        answer.put("returned", views.size());
        if (full) {
            answer.put("cursor", Cursor.encode(LIST_TOOL, arguments, Map.of("offset", next)));
            answer.put("next", "more reports: call list_reports again with this cursor");
        }
        return answer;
    }

    /** Checks get_report's arguments and starts the read; nothing has been asked of Smartsheet yet. */
    public ReportRead start(Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        long reportId = args.id("report_id");
        List<String> titles = args.titles("columns");
        int maxChars = limits.maxChars(args);
        int pageSize = limits.pageSize(args);
        List<String> anchors = new ArrayList<>();
        if (args.has(Cursor.ARGUMENT)) {
            Cursor.decode(ReportRead.TOOL, arguments, args.text(Cursor.ARGUMENT)).path("after").forEach(id -> anchors.add(id.asText()));
            if (anchors.isEmpty()) throw ToolException.invalidArgument(Cursor.ARGUMENT, "is not a cursor this server answered; pass it back unchanged");
        }
        int cellChars = limits.cellChars(maxChars, titles.isEmpty() ? 10 : titles.size());
        return new ReportRead(reportId, titles, maxChars, pageSize, cellChars, limits.readPageSize(), anchors, arguments);
    }

    public Map<String, Object> answer(ReportRead read) {
        return read.answer();
    }
}
