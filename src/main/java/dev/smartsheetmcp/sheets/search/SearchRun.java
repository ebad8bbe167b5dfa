package dev.smartsheetmcp.sheets.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sheets.SheetColumns;
import dev.smartsheetmcp.sheets.SheetPager;
import dev.smartsheetmcp.smartsheet.PagedRead;
import dev.smartsheetmcp.toolkit.AnswerBudget;
import dev.smartsheetmcp.toolkit.BudgetedList;
import dev.smartsheetmcp.toolkit.ToolException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * One {@code smartsheet_search} in progress. It plans which columns to read from the sheet's
 * columns, then takes the rows a page at a time (only the searched columns' cells), keeping
 * every matching row id but at most {@code maxMatchDetails} match details, so memory stays
 * bounded on large sheets.
 */
public final class SearchRun implements PagedRead {

    private final SearchPattern pattern;
    private final List<String> requestedColumns;
    private final boolean includeSystem;
    private final int pageSize;
    private final int maxMatchDetails;
    private final int contextChars;
    private final long regexTimeLimitNanos;

    private final Map<Long, SheetColumns.Column> searched = new LinkedHashMap<>();
    private final Map<String, String> columnTypes = new LinkedHashMap<>();
    private int totalColumns;

    private SheetPager pager;

    /** This answer's rows: their ids, and their match details while the limit allows. */
    private final BudgetedList<String> page;
    private final List<Map<String, Object>> rowMatches = new ArrayList<>();
    /** The matching row the previous answer ended with, until the read has passed it. */
    private String anchor;
    private int matchDetails;
    private long answeredMatches;
    private long matchedRows;
    private long totalMatches;

    SearchRun(SearchPattern pattern, List<String> requestedColumns, boolean includeSystem,
              int pageSize, int maxMatchDetails, int contextChars, long regexTimeLimitMillis) {
        this(pattern, requestedColumns, includeSystem, pageSize, maxMatchDetails, contextChars, regexTimeLimitMillis,
                BudgetedList.of(SheetSearch.TOOL, Map.of(), AnswerBudget.MAX_MAX_CHARS));
    }

    SearchRun(SearchPattern pattern, List<String> requestedColumns, boolean includeSystem,
              int pageSize, int maxMatchDetails, int contextChars, long regexTimeLimitMillis, BudgetedList<String> page) {
        this.page = page;
        this.anchor = page.after().orElse(null);
        this.pattern = pattern;
        this.requestedColumns = requestedColumns;
        this.includeSystem = includeSystem;
        this.pageSize = pageSize;
        this.maxMatchDetails = maxMatchDetails;
        this.contextChars = contextChars;
        this.regexTimeLimitNanos = regexTimeLimitMillis * 1_000_000L;
    }

    /** Pages of only the searched columns' cells. */
    private SheetPager pager() {
        if (pager == null) {
            String columnIds = searched.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
            pager = new SheetPager("columnIds=" + columnIds + "&exclude=nonexistentCells", pageSize);
        }
        return pager;
    }

    /** Chooses the columns to search; a title the sheet lacks is an error naming options.columns[i]. */
    void plan(JsonNode columnsAnswer) {
        choose(SheetColumns.of(columnsAnswer));
        page.frame(answer(List.of(), List.of()));
    }

    private void choose(SheetColumns columns) {
        totalColumns = columns.all().size();
        columns.all().forEach(column -> columnTypes.put(column.title(), effectiveType(column)));
        if (requestedColumns.isEmpty()) {
            columns.all().stream().filter(column -> includeSystem || column.writable())
                    .forEach(column -> searched.put(column.id(), column));
            return;
        }
        for (int i = 0; i < requestedColumns.size(); i++) {
            String field = "options.columns[" + i + "]";
            SheetColumns.Column column = columns.requireTitle(requestedColumns.get(i), field);
            if (!includeSystem && !column.writable()) {
                throw ToolException.invalidArgument(field, "'" + column.title() + "' is a system-managed column "
                        + "(system column or column formula); set options.include_system to true to search it");
            }
            searched.put(column.id(), column);
        }
    }

    @Override
    public boolean morePages() {
        return !searched.isEmpty() && pager().hasMore();
    }

    @Override
    public String nextPageQuery() {
        return pager().nextQuery();
    }

    /**
     * Searches every row of the page, for the totals; a matching row after the previous answer's
     * last one goes into this answer while it fits the size budget.
     */
    @Override
    public void takePage(JsonNode sheetPage) {
        for (JsonNode row : pager().take(sheetPage)) {
            String rowId = row.path("id").asText();
            boolean answering = anchor == null && !page.full();
            List<Map<String, Object>> found = new ArrayList<>();
            long before = totalMatches;
            for (JsonNode cell : row.path("cells")) {
                SheetColumns.Column column = searched.get(cell.path("columnId").asLong());
                if (column != null && cell.hasNonNull("value")) searchCell(column, cell, answering ? found : null);
            }
            if (totalMatches > before) {
                matchedRows++;
                if (answering) answer(rowId, found, totalMatches - before);
            }
            if (rowId.equals(anchor)) anchor = null;
        }
    }

    private void answer(String rowId, List<Map<String, Object>> found, long matches) {
        Map<String, Object> entry = null;
        if (!found.isEmpty()) {
            entry = new LinkedHashMap<>();
            entry.put("row_id", rowId);
            entry.put("matches", found);
        }
        if (!page.offer(rowId, entry == null ? rowId : List.of(rowId, entry))) return;
        answeredMatches += matches;
        matchDetails += found.size();
        if (entry != null) rowMatches.add(entry);
    }

    private void searchCell(SheetColumns.Column column, JsonNode cell, List<Map<String, Object>> found) {
        JsonNode value = cell.get("value");
        String text = text(value);
        if ("PICKLIST".equals(column.type())) {
            if (pattern.matchesWholeValue(text)) record(found, column, value, text, "", "");
            return;
        }
        searchText(column, value, text, found);
        // A contact shows a name but holds an email address: search what people see too.
        String display = cell.path("displayValue").asText(null);
        if (display != null && !display.equals(text)) searchText(column, value, display, found);
    }

    private void searchText(SheetColumns.Column column, JsonNode value, String text, List<Map<String, Object>> found) {
        Matcher matcher = pattern.matcher(new TimeBoxedText(text, System.nanoTime() + regexTimeLimitNanos));
        while (matcher.find()) {
            if (matcher.end() == matcher.start()) continue; // an empty match says nothing
            record(found, column, value, matcher.group(),
                    text.substring(Math.max(0, matcher.start() - contextChars), matcher.start()),
                    text.substring(matcher.end(), Math.min(text.length(), matcher.end() + contextChars)));
        }
    }

    /** Counts a match; keeps its details when {@code found} collects them and the limit allows. */
    private void record(List<Map<String, Object>> found, SheetColumns.Column column, JsonNode value,
                        String matchedText, String before, String after) {
        totalMatches++;
        if (found == null || matchDetails + found.size() >= maxMatchDetails) return;
        Map<String, Object> match = new LinkedHashMap<>();
        match.put("column", column.title());
        match.put("value", value);
        match.put("matched_text", matchedText);
        match.put("context", Map.of("before", before, "after", after));
        found.add(match);
    }

    Map<String, Object> result() {
        if (anchor != null) throw BudgetedList.staleCursor("matching row");
        return page.finish(answer(page.items(), rowMatches), rowId -> rowId);
    }

    /** The answer around {@code rowIds} and {@code matches}: also the frame the size budget sets aside. */
    private Map<String, Object> answer(List<String> rowIds, List<Map<String, Object>> matches) {
        Map<String, Object> sheetInfo = new LinkedHashMap<>();
        sheetInfo.put("total_rows", Math.max(pager().totalRows(), 0));
        sheetInfo.put("total_columns", totalColumns);
        sheetInfo.put("column_types", columnTypes);
        Map<String, Object> searchInfo = new LinkedHashMap<>();
        searchInfo.put("matched_rows", matchedRows);
        searchInfo.put("columns_searched", new TreeSet<>(searched.values().stream().map(SheetColumns.Column::title).toList()));
        searchInfo.put("pattern_used", pattern.patternUsed());
        searchInfo.put("total_matches", totalMatches);
        searchInfo.put("match_details_returned", matchDetails);
        searchInfo.put("match_details_limit", maxMatchDetails);
        searchInfo.put("truncated", answeredMatches > matchDetails);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("row_ids", rowIds);
        result.put("matches", matches);
        result.put("metadata", Map.of("sheet_info", sheetInfo, "search_info", searchInfo));
        result.put("total_count", matchedRows);
        return result;
    }

    /** A cell value as it reads in the grid: numbers without a trailing ".0". */
    private static String text(JsonNode value) {
        if (value.isFloatingPointNumber()) return value.decimalValue().stripTrailingZeros().toPlainString();
        if (value.isBigDecimal()) return new BigDecimal(value.asText()).stripTrailingZeros().toPlainString();
        return value.asText();
    }

    private static String effectiveType(SheetColumns.Column column) {
        if (column.systemColumnType() != null) return column.systemColumnType();
        return column.formula() != null ? "FORMULA" : column.type();
    }
}
