package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * List Reports and Get Report: the report's virtual columns, then its rows with their
 * {@code sheetId}, paged by pageSize (default 100) and page; a page past the end has no rows.
 */
final class ReportEndpoints {

    private final SheetStore store;

    ReportEndpoints(SheetStore store) {
        this.store = store;
    }

    void registerOn(Router router) {
        router.add("GET", "/reports", this::list)
                .add("GET", "/reports/{reportId}", this::get);
    }

    /** An IndexResult of every report (the operation documents no paging parameters). */
    private Router.Reply list(ApiRequest request) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (Report report : store.reports()) views.add(summary(report));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("pageNumber", 1);
        result.put("pageSize", Math.max(1, views.size()));
        result.put("totalPages", 1);
        result.put("totalCount", views.size());
        result.put("data", views);
        return Router.Reply.ok(result);
    }

    private Router.Reply get(ApiRequest request) {
        Report report = store.report(request.pathId("reportId"));
        Integer pageSize = request.positiveInt("pageSize");
        Integer page = request.positiveInt("page");
        int size = pageSize == null ? Paging.DEFAULT_PAGE_SIZE : Math.min(pageSize, 10_000);
        List<Map<String, Object>> rows = new ArrayList<>();
        long skip = (long) ((page == null ? 1 : page) - 1) * size;
        long total = 0;
        for (Sheet sheet : report.sources) {
            synchronized (sheet) {
                for (int i = 0; i < sheet.rows.size(); i++, total++) {
                    if (total >= skip && rows.size() < size) rows.add(row(report, sheet, sheet.rows.get(i), i + 1));
                }
            }
        }
        Map<String, Object> view = summary(report);
        view.put("totalRowCount", total);
        view.put("columns", columns(report));
        view.put("rows", rows);
        return Router.Reply.ok(view);
    }

    private static Map<String, Object> summary(Report report) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", report.id);
        view.put("name", report.name);
        view.put("accessLevel", "OWNER");
        view.put("permalink", report.permalink());
        view.put("createdAt", report.createdAt);
        view.put("modifiedAt", report.createdAt);
        return view;
    }

    private static List<Map<String, Object>> columns(Report report) {
        List<Map<String, Object>> columns = new ArrayList<>();
        Map<String, Object> sheetName = new LinkedHashMap<>();
        sheetName.put("virtualId", report.virtualIds.get(Report.SHEET_NAME));
        sheetName.put("version", 0);
        sheetName.put("index", 0);
        sheetName.put("title", Report.SHEET_NAME);
        sheetName.put("type", "TEXT_NUMBER");
        sheetName.put("sheetNameColumn", true);
        sheetName.put("width", 150);
        columns.add(sheetName);
        for (String title : report.titles) {
            Column source = sourceColumn(report, title);
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("virtualId", report.virtualIds.get(title));
            column.put("version", source == null ? 0 : source.level());
            column.put("index", columns.size());
            column.put("title", title);
            column.put("type", source == null ? "TEXT_NUMBER" : source.type);
            if (source != null && source.primary) column.put("primary", true);
            column.put("width", 150);
            columns.add(column);
        }
        return columns;
    }

    /** The column of that title in the first source sheet that has one. */
    private static Column sourceColumn(Report report, String title) {
        for (Sheet sheet : report.sources) {
            synchronized (sheet) {
                for (Column column : sheet.columns) if (column.title.equals(title)) return column;
            }
        }
        return null;
    }

    private static Map<String, Object> row(Report report, Sheet sheet, Row row, int rowNumber) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", row.id);
        view.put("sheetId", sheet.id);
        if (row.parentId != null) view.put("parentId", row.parentId);
        view.put("rowNumber", rowNumber);
        view.put("expanded", true);
        view.put("accessLevel", "OWNER");
        view.put("createdAt", row.createdAt);
        view.put("modifiedAt", row.modifiedAt);
        List<Map<String, Object>> cells = new ArrayList<>();
        Map<String, Object> sheetName = new LinkedHashMap<>();
        sheetName.put("virtualColumnId", report.virtualIds.get(Report.SHEET_NAME));
        sheetName.put("value", sheet.name);
        sheetName.put("displayValue", sheet.name);
        cells.add(sheetName);
        for (String title : report.titles) {
            Column column = null;
            for (Column candidate : sheet.columns) if (candidate.title.equals(title)) column = candidate;
            if (column == null) continue;
            Map<String, Object> cell = SheetViews.cell(column, row, SheetViews.Options.DEFAULT);
            Map<String, Object> reportCell = new LinkedHashMap<>();
            reportCell.put("virtualColumnId", report.virtualIds.get(title));
            reportCell.putAll(cell);
            cells.add(reportCell);
        }
        view.put("cells", cells);
        return view;
    }
}
