package dev.smartsheetmcp.sheets.reading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sheets.SheetColumns;
import dev.smartsheetmcp.sheets.rows.Condition;
import dev.smartsheetmcp.smartsheet.PagedRead;
import dev.smartsheetmcp.toolkit.AnswerBudget;
import dev.smartsheetmcp.toolkit.Cursor;
import dev.smartsheetmcp.toolkit.ToolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One get_sheet call in progress, read page by page through {@code direct:smartsheet-read-pages}:
 * each page asks only for the columns to return and those the filter looks at, and only one page
 * is held at a time. Rows that match go into the answer while they fit; after that, when a
 * filter or row ids make the number of matches unknown, the rest of the sheet is read with the
 * filter's columns only, to count them.
 */
public final class SheetRead implements PagedRead {

    static final String TOOL = "get_sheet";

    private final SheetRequest request;
    private final SheetColumns sheetColumns;
    private final List<SheetColumns.Column> output;
    private final List<Condition> filter;
    private final RowView view;
    private final AnswerRows answer;
    private final int readPageSize;
    private final String readColumns;
    private final String countColumns;
    private long resumeAfterRowNumber;
    private int nextPage = 1;
    private boolean done;
    private String sheetName = "";
    private long totalRowCount;
    private long matched;

    SheetRead(SheetRequest request, SheetColumns sheetColumns, List<SheetColumns.Column> output, List<Condition> filter,
              ReadLimits limits) {
        this.request = request;
        this.sheetColumns = sheetColumns;
        this.output = output;
        this.filter = filter;
        this.readPageSize = limits.readPageSize();
        List<RowView.OutputColumn> shown = output.stream().map(column -> new RowView.OutputColumn(column.id(), column.title())).toList();
        this.view = new RowView(shown, "columnId", limits.cellChars(request.maxChars(), output.size()), request.include());
        AnswerBudget budget = new AnswerBudget(request.maxChars(), reservedChars());
        this.answer = new AnswerRows(budget, request.pageSize(), new ResumeAnchors(request.anchors()));
        Set<Long> read = new LinkedHashSet<>();
        output.forEach(column -> read.add(column.id()));
        filter.forEach(condition -> read.add(condition.column().id()));
        this.readColumns = read.size() == sheetColumns.all().size() ? "" : ids(read);
        Set<Long> counted = new LinkedHashSet<>();
        filter.forEach(condition -> counted.add(condition.column().id()));
        if (counted.isEmpty()) counted.add(sheetColumns.primary().id());
        this.countColumns = ids(counted);
    }

    // ------------------------------------------------------------------ resuming

    /** Whether a cursor must be placed first: where do the rows it stopped at stand now? */
    public boolean resuming() {
        return answer.anchors().resuming();
    }

    /** Get Sheet for the cursor's rows only, one narrow column: their current row numbers. */
    public String anchorQuery() {
        return "rowIds=" + String.join(",", answer.anchors().givenIds()) + "&columnIds=" + sheetColumns.primary().id()
                + "&exclude=nonexistentCells";
    }

    /** Resumes after the earliest of the cursor's rows still in the sheet; stale when none is. */
    void resumeFrom(JsonNode anchorRows) {
        long earliest = Long.MAX_VALUE;
        for (JsonNode row : anchorRows.path("rows")) {
            if (answer.anchors().given(row.path("id").asText())) earliest = Math.min(earliest, row.path("rowNumber").asLong());
        }
        if (earliest == Long.MAX_VALUE) {
            throw ToolException.invalidArgument(Cursor.ARGUMENT, "is stale: the rows where it stopped have since been deleted;"
                    + " call again without a cursor to start over");
        }
        resumeAfterRowNumber = earliest;
        if (request.rowIds().isEmpty()) nextPage = (int) (earliest / readPageSize) + 1;
    }

    // ------------------------------------------------------------------ paging

    @Override
    public boolean morePages() {
        return !done && !(answer.full() && !countsMatches());
    }

    @Override
    public String nextPageQuery() {
        String columns = answer.full() ? countColumns : readColumns;
        StringBuilder query = new StringBuilder();
        if (!columns.isEmpty()) query.append("columnIds=").append(columns).append('&');
        if (!request.rowIds().isEmpty()) {
            query.append("rowIds=").append(request.rowIds().stream().map(String::valueOf).collect(Collectors.joining(","))).append('&');
        }
        query.append("include=objectValue");
        if (!answer.full() && !request.include().isEmpty()) query.append(',').append(String.join(",", request.include()));
        query.append("&level=2&exclude=nonexistentCells&pageSize=").append(readPageSize).append("&page=").append(nextPage);
        return query.toString();
    }

    @Override
    public void takePage(JsonNode sheet) {
        sheetName = sheet.path("name").asText(sheetName);
        totalRowCount = sheet.path("totalRowCount").asLong(totalRowCount);
        nextPage++;
        JsonNode rows = sheet.path("rows");
        for (JsonNode row : rows) {
            String rowId = row.path("id").asText();
            if (row.path("rowNumber").asLong() <= resumeAfterRowNumber || answer.anchors().given(rowId)) continue;
            Map<Long, JsonNode> cells = view.cells(row);
            if (matches(cells)) {
                matched++;
                answer.offer(rowId, () -> view.render(row, cells));
            } else {
                answer.passed(rowId);
            }
        }
        done = rows.size() < readPageSize || request.rowIds().isEmpty() && (long) (nextPage - 1) * readPageSize >= totalRowCount;
    }

    private boolean matches(Map<Long, JsonNode> cells) {
        for (Condition condition : filter) {
            if (!condition.test(cells.get(condition.column().id()))) return false;
        }
        return true;
    }

    /** Whether the rows after the answer must be read to count matches (else the sheet's row count says it). */
    private boolean countsMatches() {
        return !filter.isEmpty() || !request.rowIds().isEmpty();
    }

    // ------------------------------------------------------------------ answer

    Map<String, Object> answer() {
        Map<String, Object> body = envelope();
        body.put("total_matched", countsMatches() ? request.matchedBefore() + matched : totalRowCount);
        body.put("returned", answer.rows().size());
        body.put("rows", answer.rows());
        if (answer.full()) {
            Map<String, Object> position = new LinkedHashMap<>();
            position.put("sheet", Long.toString(request.sheetId()));
            position.put("after", answer.anchors().forCursor());
            position.put("matched", request.matchedBefore() + answer.rows().size());
            body.put("cursor", Cursor.encode(TOOL, request.arguments(), position));
            body.put("next", "more rows match: call get_sheet again with the same arguments and this cursor");
        }
        return body;
    }

    private Map<String, Object> envelope() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sheet_id", Long.toString(request.sheetId()));
        body.put("sheet_name", sheetName);
        List<Map<String, String>> columns = new ArrayList<>();
        for (SheetColumns.Column column : output) columns.add(Map.of("title", column.title(), "type", column.type()));
        body.put("columns", columns);
        body.put("total_rows", totalRowCount);
        return body;
    }

    /**
     * What the answer holds besides its rows: the envelope (the sheet's name is not known yet: up to
     * 100 characters more), the counts, the note and a cursor of {@link ResumeAnchors#KEPT} ids
     * (base64 of about 60 + KEPT x 19 characters).
     */
    private int reservedChars() {
        return AnswerBudget.jsonLength(envelope()) + 100 + 180 + (60 + ResumeAnchors.KEPT * 19) * 4 / 3 + 40;
    }

    private static String ids(Set<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
