package dev.smartsheetmcp.sandbox.smartsheet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sheets and rows: list, create and read sheets; add, update, read and delete rows. */
final class SheetEndpoints {

    private final SheetStore store;
    private final CrossSheetReferenceEndpoints references;

    SheetEndpoints(SheetStore store, CrossSheetReferenceEndpoints references) {
        this.store = store;
        this.references = references;
    }

    void registerOn(Router router) {
        router.add("GET", "/sheets", this::listSheets)
                .add("POST", "/sheets", request -> createSheet((Workspace) null, request))
                .add("GET", "/sheets/{sheetId}", this::getSheet)
                .add("POST", "/sheets/{sheetId}/rows", request -> RowWrites.add(sheet(request), store.ids, request))
                .add("PUT", "/sheets/{sheetId}/rows", request -> RowWrites.update(sheet(request), request))
                .add("DELETE", "/sheets/{sheetId}/rows", this::deleteRows)
                .add("GET", "/sheets/{sheetId}/rows/{rowId}", this::getRow);
    }

    /** Create Sheet, in the "Sheets" folder ({@code workspace} null) or in a workspace. */
    Router.Reply createSheet(Workspace workspace, ApiRequest request) {
        JsonNode body = request.body();
        return created(store.createSheet(workspace, body.path("name").asText(null), columnSpecs(body)));
    }

    /** Create Sheet in Folder. */
    Router.Reply createSheet(Folder folder, ApiRequest request) {
        JsonNode body = request.body();
        return created(store.createSheet(folder, body.path("name").asText(null), columnSpecs(body)));
    }

    private static List<ColumnSpec> columnSpecs(JsonNode body) {
        List<ColumnSpec> columns = new ArrayList<>();
        body.path("columns").forEach(column -> columns.add(ColumnEdits.specFrom(column)));
        return columns;
    }

    private static Router.Reply created(Sheet sheet) {
        synchronized (sheet) {
            Map<String, Object> created = new LinkedHashMap<>();
            created.put("id", sheet.id);
            created.put("name", sheet.name);
            created.put("accessLevel", "OWNER");
            created.put("permalink", sheet.permalink());
            List<Map<String, Object>> columnViews = new ArrayList<>();
            for (int i = 0; i < sheet.columns.size(); i++) columnViews.add(SheetViews.column(sheet.columns.get(i), i));
            created.put("columns", columnViews);
            return Router.Reply.ok(Results.success(created, null));
        }
    }

    private Router.Reply listSheets(ApiRequest request) {
        List<Map<String, Object>> summaries = new ArrayList<>();
        for (Sheet sheet : store.sheets()) {
            if (!store.accessible(sheet.id)) continue;
            synchronized (sheet) {
                Map<String, Object> summary = SheetViews.summary(sheet);
                summary.put("version", sheet.version);
                summaries.add(summary);
            }
        }
        return Router.Reply.ok(Paging.indexResult(summaries, request));
    }

    private Router.Reply getSheet(ApiRequest request) {
        Sheet sheet = sheet(request);
        SheetViews.Options options = options(sheet, request);
        List<Map<String, Object>> referenceViews = options.include().contains("crossSheetReferences")
                ? references.views(sheet) : null;
        synchronized (sheet) {
            String after = request.query("ifVersionAfter");
            if (after != null && sheet.version <= parseLong(after, "ifVersionAfter")) {
                return Router.Reply.ok(Map.of("version", sheet.version));
            }
            List<Row> rows = selectedRows(sheet, request);
            Integer pageSize = request.positiveInt("pageSize");
            Integer page = request.positiveInt("page");
            if (pageSize != null || page != null) {
                rows = Paging.slice(rows, pageSize == null ? Paging.DEFAULT_PAGE_SIZE : pageSize, page == null ? 1 : page);
            }
            Map<String, Object> view = SheetViews.sheet(sheet, rows, options);
            if (referenceViews != null) view.put("crossSheetReferences", referenceViews);
            return Router.Reply.ok(view);
        }
    }

    private Router.Reply getRow(ApiRequest request) {
        Sheet sheet = sheet(request);
        SheetViews.Options options = options(sheet, request);
        synchronized (sheet) {
            Row row = sheet.requireRow(request.pathId("rowId"));
            Map<String, Object> view = SheetViews.row(sheet, row, options, false);
            view.put("sheetId", sheet.id);
            if (options.include().contains("columns")) {
                List<Map<String, Object>> columns = new ArrayList<>();
                for (int i = 0; i < sheet.columns.size(); i++) columns.add(SheetViews.column(sheet.columns.get(i), i));
                view.put("columns", columns);
            }
            return Router.Reply.ok(view);
        }
    }

    /** Delete Rows: all or nothing, unless ignoreRowsNotFound skips the ids that name no row. */
    private Router.Reply deleteRows(ApiRequest request) {
        Sheet sheet = sheet(request);
        List<Long> ids = request.ids("ids");
        if (ids == null || ids.isEmpty()) throw ApiError.missingParameter("ids");
        boolean ignoreNotFound = request.flag("ignoreRowsNotFound");
        synchronized (sheet) {
            List<Row> doomed = new ArrayList<>();
            for (long id : ids) {
                Row row = sheet.row(id);
                if (row != null && !doomed.contains(row)) doomed.add(row);
                else if (row == null && !ignoreNotFound) throw ApiError.notFound();
            }
            doomed.forEach(sheet::remove);
            if (!doomed.isEmpty()) sheet.touch();
            List<Long> deleted = doomed.stream().map(row -> row.id).toList();
            return Router.Reply.ok(Results.success(deleted, sheet.version));
        }
    }

    /** rowIds and rowNumbers narrow the rows, in sheet order; unknown ones are ignored. */
    private static List<Row> selectedRows(Sheet sheet, ApiRequest request) {
        List<Long> rowIds = request.ids("rowIds");
        List<Long> rowNumbers = request.ids("rowNumbers");
        if (rowIds == null && rowNumbers == null) return new ArrayList<>(sheet.rows);
        Set<Long> wantedIds = rowIds == null ? null : new HashSet<>(rowIds);
        Set<Long> wantedNumbers = rowNumbers == null ? null : new HashSet<>(rowNumbers);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < sheet.rows.size(); i++) {
            Row row = sheet.rows.get(i);
            boolean byId = wantedIds != null && wantedIds.contains(row.id);
            boolean byNumber = wantedNumbers != null && wantedNumbers.contains((long) i + 1);
            if (byId || byNumber) rows.add(row);
        }
        return rows;
    }

    /** Worked out before the sheet is locked: the status of its references locks their source sheets. */
    private SheetViews.Options options(Sheet sheet, ApiRequest request) {
        List<Long> columnIds = request.ids("columnIds");
        return new SheetViews.Options(request.words("include"), request.words("exclude"),
                columnIds == null ? null : new HashSet<>(columnIds), references.statuses(sheet));
    }

    private static long parseLong(String raw, String parameter) {
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiError.invalidParameter(raw, parameter);
        }
    }

    private Sheet sheet(ApiRequest request) {
        return store.sheet(request.pathId("sheetId"));
    }
}
