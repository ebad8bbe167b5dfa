package dev.smartsheetmcp.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sheets.reading.AnswerRows;
import dev.smartsheetmcp.sheets.reading.ResumeAnchors;
import dev.smartsheetmcp.sheets.reading.RowView;
import dev.smartsheetmcp.smartsheet.PagedRead;
import dev.smartsheetmcp.toolkit.AnswerBudget;
import dev.smartsheetmcp.toolkit.Cursor;
import dev.smartsheetmcp.toolkit.ToolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One get_report call in progress, read page by page (Get Report with pageSize and page) through
 * {@code direct:smartsheet-read-report-pages}. A report's rows come from several sheets and Get
 * Report cannot select rows by id, so a cursor is placed by reading from the first page: rows
 * up to the first of the cursor's rows still in the report were answered before, and so were
 * the cursor's rows themselves. Reading stops once the answer is full: the report says its row
 * count.
 */
public final class ReportRead implements PagedRead {

    static final String TOOL = "get_report";

    private final long reportId;
    private final List<String> titles;
    private final int cellChars;
    private final int readPageSize;
    private final Map<String, Object> arguments;
    private final AnswerRows answer;
    private RowView view;
    private List<RowView.OutputColumn> output;
    private boolean placed;
    private int nextPage = 1;
    private boolean done;
    private String name = "";
    private long totalRowCount;

    ReportRead(long reportId, List<String> titles, int maxChars, int pageSize, int cellChars, int readPageSize,
               List<String> anchors, Map<String, Object> arguments) {
        this.reportId = reportId;
        this.titles = titles;
        this.cellChars = cellChars;
        this.readPageSize = readPageSize;
        this.arguments = arguments;
        this.answer = new AnswerRows(new AnswerBudget(maxChars, reservedChars()), pageSize, new ResumeAnchors(anchors));
        this.placed = anchors.isEmpty();
    }

    @Override
    public boolean morePages() {
        return !done && !answer.full();
    }

    @Override
    public String nextPageQuery() {
        return "pageSize=" + readPageSize + "&page=" + nextPage;
    }

    @Override
    public void takePage(JsonNode report) {
        if (view == null) view = viewOf(report.path("columns"));
        name = report.path("name").asText(name);
        totalRowCount = report.path("totalRowCount").asLong(totalRowCount);
        nextPage++;
        JsonNode rows = report.path("rows");
        for (JsonNode row : rows) {
            String rowId = row.path("id").asText();
            if (answer.anchors().given(rowId)) {
                placed = true;
                continue;
            }
            if (!placed) continue;
            answer.offer(rowId, () -> view.render(row, view.cells(row)));
        }
        done = rows.size() < readPageSize || (long) (nextPage - 1) * readPageSize >= totalRowCount;
        if (done && !placed) {
            throw ToolException.invalidArgument(Cursor.ARGUMENT, "is stale: the rows where it stopped are no longer in the"
                    + " report; call again without a cursor to start over");
        }
    }

    private RowView viewOf(JsonNode columns) {
        Map<String, Long> byTitle = new LinkedHashMap<>();
        for (JsonNode column : columns) byTitle.putIfAbsent(column.path("title").asText(), column.path("virtualId").asLong());
        output = new ArrayList<>();
        if (titles.isEmpty()) {
            byTitle.forEach((title, key) -> output.add(new RowView.OutputColumn(key, title)));
        } else {
            for (int i = 0; i < titles.size(); i++) {
                Long key = byTitle.get(titles.get(i));
                if (key == null) {
                    throw ToolException.invalidArgument("columns[" + i + "]", "no column titled '" + titles.get(i)
                            + "' in this report (columns: " + String.join(", ", byTitle.keySet()) + ")");
                }
                output.add(new RowView.OutputColumn(key, titles.get(i)));
            }
        }
        return new RowView(output, "virtualColumnId", cellChars, java.util.Set.of());
    }

    Map<String, Object> answer() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("report_id", Long.toString(reportId));
        body.put("report_name", name);
        body.put("columns", output == null ? List.of() : output.stream().map(RowView.OutputColumn::title).toList());
        body.put("total_rows", totalRowCount);
        body.put("returned", answer.rows().size());
        body.put("rows", answer.rows());
        if (answer.full()) {
            body.put("cursor", Cursor.encode(TOOL, arguments, Map.of("after", answer.anchors().forCursor())));
            body.put("next", "more rows: call get_report again with the same arguments and this cursor");
        }
        return body;
    }

    public long reportId() {
        return reportId;
    }

    /** The envelope (name and column titles not known yet), the counts, the note and a cursor. */
    private static int reservedChars() {
        return 400 + 180 + (60 + 8 * 19) * 4 / 3 + 40;
    }
}
