package dev.smartsheetmcp.collaboration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.toolkit.BudgetedList;
import dev.smartsheetmcp.toolkit.CallCancellation;
import dev.smartsheetmcp.toolkit.Json;
import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.toolkit.ToolException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Cell and row history. A column is named by id or by title (resolved against the sheet's
 * columns); a row's history is one timeline merged from its cells' histories, newest first, each
 * entry with the column, the value, who and when. Smartsheet counts each cell history request as
 * 10 requests; the client's throttle charges them so (routes/smartsheet-client.yaml).
 */
public final class HistoryTools {

    private int defaultMaxChars = 20_000;

    public void setDefaultMaxChars(int defaultMaxChars) {
        this.defaultMaxChars = defaultMaxChars;
    }

    /** One history read in progress: the columns still to read and the entries read so far. */
    public static final class Reading {
        private final Map<String, Object> arguments;
        private final List<JsonNode> columns;
        private final String query;
        private final List<Map<String, Object>> entries = new ArrayList<>();
        private int next;

        private Reading(Map<String, Object> arguments, List<JsonNode> columns, String query) {
            this.arguments = arguments;
            this.columns = columns;
            this.query = query;
        }

        public boolean hasNext() {
            return next < columns.size();
        }

        /** Below the sheet: the next cell's history. */
        public String nextPath() {
            return "/rows/" + ToolArguments.of(arguments).id("row_id") + "/columns/" + columns.get(next).path("id").asText()
                    + "/history";
        }

        public String query() {
            return query;
        }
    }

    /** smartsheet_get_cell_history: the one column named by column_id (an id or a title). */
    public Reading cell(Map<String, Object> arguments, JsonNode columnsResult) {
        ToolArguments args = ToolArguments.of(arguments);
        Object given = args.asMap().get("column_id");
        if (given == null) throw ToolException.invalidArgument("column_id", "is required: a column id or title");
        JsonNode column = column(columnsResult, String.valueOf(given).strip(), "column_id");
        return new Reading(arguments, List.of(column), query(args));
    }

    /** smartsheet_get_row_history: the columns of column_ids (ids or titles), else every column. */
    public Reading row(Map<String, Object> arguments, JsonNode columnsResult) {
        ToolArguments args = ToolArguments.of(arguments);
        List<JsonNode> columns = new ArrayList<>();
        List<?> named = args.optionalList("column_ids").orElse(List.of());
        if (named.isEmpty()) {
            columnsResult.path("data").forEach(columns::add);
        } else {
            for (int i = 0; i < named.size(); i++) {
                JsonNode column = column(columnsResult, String.valueOf(named.get(i)).strip(), "column_ids[" + i + "]");
                if (!columns.contains(column)) columns.add(column);
            }
        }
        return new Reading(arguments, columns, query(args));
    }

    /** Takes one cell's history (newest first) into the reading; a call the client cancelled stops here. */
    public void take(Reading reading, JsonNode indexResult, Exchange exchange) {
        CallCancellation.throwIfCancelled(exchange);
        JsonNode column = reading.columns.get(reading.next++);
        for (JsonNode entry : indexResult.path("data")) reading.entries.add(entry(column, entry));
    }

    public Map<String, Object> cellAnswer(Reading reading) {
        ToolArguments args = ToolArguments.of(reading.arguments);
        JsonNode column = reading.columns.get(0);
        Map<String, Object> answer = frame(args);
        answer.put("column_id", column.path("id").asText());
        answer.put("column_title", column.path("title").asText());
        return page("smartsheet_get_cell_history", reading, answer, reading.entries);
    }

    public Map<String, Object> rowAnswer(Reading reading) {
        Map<String, Object> answer = frame(ToolArguments.of(reading.arguments));
        answer.put("columns_read", reading.columns.size());
        List<Map<String, Object>> timeline = new ArrayList<>(reading.entries);
        // newest first; a stable sort keeps each cell's own order (newest first) among equal times
        timeline.sort(Comparator.comparing((Map<String, Object> entry) -> String.valueOf(entry.get("modified_at"))).reversed());
        return page("smartsheet_get_row_history", reading, answer, timeline);
    }

    private Map<String, Object> page(String tool, Reading reading, Map<String, Object> answer, List<Map<String, Object>> entries) {
        BudgetedList<Map<String, Object>> page = BudgetedList.of(tool, reading.arguments, defaultMaxChars);
        answer.put("total_count", entries.size());
        answer.put("history", List.of());
        page.frame(answer);
        page.offerAll(entries.subList(Math.min(page.answeredBefore(), entries.size()), entries.size()));
        answer.put("history", page.items());
        // the cursor continues by position: history only grows at its newest end, which a later call starts from
        return page.finish(answer, entry -> Integer.toString(page.answeredSoFar()));
    }

    private static Map<String, Object> frame(ToolArguments args) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sheet_id", Long.toString(args.id("sheet_id")));
        answer.put("row_id", Long.toString(args.id("row_id")));
        return answer;
    }

    private static Map<String, Object> entry(JsonNode column, JsonNode entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("column_id", column.path("id").asText());
        view.put("column_title", column.path("title").asText());
        JsonNode value = entry.get("value");
        view.put("value", value == null || value.isNull() ? null : Json.MAPPER.convertValue(value, Object.class));
        if (entry.hasNonNull("displayValue")) view.put("display_value", entry.get("displayValue").asText());
        if (entry.path("objectValue").isObject()) view.put("object_value", Json.MAPPER.convertValue(entry.get("objectValue"), Map.class));
        if (entry.hasNonNull("formula")) view.put("formula", entry.get("formula").asText());
        view.put("modified_at", entry.path("modifiedAt").asText(null));
        view.put("modified_by", CollaborationViews.user(entry.path("modifiedBy")));
        return view;
    }

    /** A column by id, else by title; an unknown one is refused naming the sheet's titles. */
    private static JsonNode column(JsonNode columnsResult, String given, String argument) {
        for (JsonNode column : columnsResult.path("data")) if (column.path("id").asText().equals(given)) return column;
        List<String> titles = new ArrayList<>();
        for (JsonNode column : columnsResult.path("data")) {
            if (column.path("title").asText().equals(given)) return column;
            titles.add(column.path("title").asText());
        }
        throw ToolException.invalidArgument(argument, "the sheet has no column with id or title '" + given + "'; its columns are "
                + String.join(", ", titles));
    }

    private static String query(ToolArguments args) {
        return args.flag("include_all", true) ? "includeAll=true&include=columnType" : "pageSize=100&page=1&include=columnType";
    }
}
