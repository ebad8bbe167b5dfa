package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * List Cell History: the values a cell held, newest first, each with modifiedAt and modifiedBy,
 * paged as an IndexResult (includeAll for every entry). Smartsheet counts it as 10 requests.
 */
final class CellHistoryEndpoints {

    /** Smartsheet counts getting cell history as 10 requests. */
    static final int HISTORY_WEIGHT = 10;

    private final SheetStore store;

    CellHistoryEndpoints(SheetStore store) {
        this.store = store;
    }

    void registerOn(Router router) {
        router.add("GET", "/sheets/{sheetId}/rows/{rowId}/columns/{columnId}/history", HISTORY_WEIGHT, this::history);
    }

    private Router.Reply history(ApiRequest request) {
        Sheet sheet = store.sheet(request.pathId("sheetId"));
        synchronized (sheet) {
            Row row = sheet.requireRow(request.pathId("rowId"));
            Column column = sheet.requireColumn(request.pathId("columnId"));
            boolean columnType = request.words("include").contains("columnType");
            List<Map<String, Object>> entries = new ArrayList<>();
            Cell cell = row.existingCell(column.id);
            if (cell != null) {
                for (int i = cell.history.size() - 1; i >= 0; i--) {
                    Map<String, Object> entry = new LinkedHashMap<>(cell.history.get(i));
                    if (columnType) entry.put("columnType", column.type);
                    entries.add(entry);
                }
            }
            return Router.Reply.ok(Paging.indexResult(entries, request));
        }
    }
}
