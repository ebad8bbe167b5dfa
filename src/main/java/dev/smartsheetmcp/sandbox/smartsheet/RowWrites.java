package dev.smartsheetmcp.sandbox.smartsheet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Add Rows and Update Rows: at most 500 rows a call; every row is checked before any is
 * saved. Without allowPartialSuccess the first bad row fails the whole call and nothing
 * changes; with it, good rows are saved and bad ones come back in failedItems.
 */
final class RowWrites {

    static final int MAX_ROWS_PER_CALL = 500;

    /** Where a row goes: toTop, toBottom (the default for new rows), next to a sibling, or nowhere new. */
    private record Location(boolean top, boolean bottom, Row sibling, boolean above) {
        static final Location BOTTOM = new Location(false, true, null, false);

        boolean isNowhere() {
            return !top && !bottom && sibling == null;
        }
    }

    private record PreparedRow(Row row, Location location, List<CellWrite> cells) {
    }

    private RowWrites() {
    }

    static Router.Reply add(Sheet sheet, IdSource ids, ApiRequest request) {
        return write(sheet, request, ids);
    }

    static Router.Reply update(Sheet sheet, ApiRequest request) {
        return write(sheet, request, null);
    }

    /** Adds rows when {@code ids} is given, else updates rows named by their id. */
    private static Router.Reply write(Sheet sheet, ApiRequest request, IdSource ids) {
        JsonNode body = request.body();
        if (!body.isArray() && !body.isObject()) throw ApiError.unparsable("a row or an array of rows was expected");
        List<JsonNode> inputs = new ArrayList<>();
        if (body.isArray()) body.forEach(inputs::add); else inputs.add(body);
        if (inputs.size() > MAX_ROWS_PER_CALL) throw ApiError.maxCountExceeded("rows");
        boolean partial = request.flag("allowPartialSuccess");
        synchronized (sheet) {
            List<PreparedRow> prepared = new ArrayList<>();
            List<Map<String, Object>> failedItems = new ArrayList<>();
            for (int index = 0; index < inputs.size(); index++) {
                JsonNode input = inputs.get(index);
                try {
                    prepared.add(ids != null ? prepareNew(sheet, ids, input) : prepareUpdate(sheet, input));
                } catch (ApiError error) {
                    Long rowId = ids == null && input.path("id").canConvertToLong() ? input.path("id").longValue() : null;
                    if (!partial) throw error.withDetail(detail(index, rowId));
                    failedItems.add(failedItem(index, error, rowId));
                }
            }
            if (!prepared.isEmpty()) sheet.touch();
            int topCursor = 0;
            for (PreparedRow row : prepared) topCursor = apply(sheet, row, topCursor, sheet.modifiedAt);
            List<Map<String, Object>> saved = new ArrayList<>();
            for (PreparedRow row : prepared) saved.add(SheetViews.row(sheet, row.row(), SheetViews.Options.DEFAULT, true));
            return Router.Reply.ok(result(body.isArray() || saved.isEmpty() ? saved : saved.get(0), failedItems, sheet.version));
        }
    }

    private static PreparedRow prepareNew(Sheet sheet, IdSource ids, JsonNode input) {
        Location location = location(sheet, input, null);
        List<CellWrite> cells = cells(sheet, input);
        Row row = sheet.newRow(ids.next());
        return new PreparedRow(row, location.isNowhere() ? Location.BOTTOM : location, cells);
    }

    private static PreparedRow prepareUpdate(Sheet sheet, JsonNode input) {
        JsonNode id = input.get("id");
        if (id == null || id.isNull()) throw ApiError.missingAttribute("row.id");
        if (!id.isIntegralNumber()) throw ApiError.notFound();
        Row row = sheet.requireRow(id.longValue());
        return new PreparedRow(row, location(sheet, input, row), cells(sheet, input));
    }

    private static List<CellWrite> cells(Sheet sheet, JsonNode input) {
        List<CellWrite> cells = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (JsonNode cell : input.path("cells")) cells.add(CellWrite.parse(sheet, cell, seen));
        return cells;
    }

    private static Location location(Sheet sheet, JsonNode input, Row self) {
        if (input.hasNonNull("parentId")) throw ApiError.invalidRowLocation();
        boolean top = input.path("toTop").asBoolean(false);
        boolean bottom = input.path("toBottom").asBoolean(false);
        Row sibling = null;
        if (input.hasNonNull("siblingId")) {
            long siblingId = input.get("siblingId").asLong();
            sibling = sheet.row(siblingId);
            if (sibling == null || sibling == self) throw ApiError.invalidSiblingId(siblingId);
        }
        if ((top ? 1 : 0) + (bottom ? 1 : 0) + (sibling != null ? 1 : 0) > 1) throw ApiError.invalidRowLocation();
        return new Location(top, bottom, sibling, input.path("above").asBoolean(false));
    }

    /** Places and fills one row; returns where the next toTop row goes, keeping request order. */
    private static int apply(Sheet sheet, PreparedRow prepared, int topCursor, String now) {
        Row row = prepared.row();
        Location location = prepared.location();
        int next = topCursor;
        if (location.top()) {
            sheet.place(row, topCursor);
            next++;
        } else if (location.bottom()) {
            sheet.place(row, sheet.rows.size());
        } else if (location.sibling() != null) {
            if (sheet.row(row.id) != null) sheet.remove(row);
            int siblingIndex = sheet.rows.indexOf(location.sibling());
            sheet.place(row, location.above() ? siblingIndex : siblingIndex + 1);
        }
        for (CellWrite write : prepared.cells()) {
            Cell cell = row.cell(write.column().id);
            write.applyTo(cell);
            cell.apiWrites++;
            cell.recordVersion(write.column().id, now, RowDetails.SANDBOX_USER);
        }
        row.modifiedAt = now;
        return next;
    }

    private static Map<String, Object> detail(int index, Long rowId) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("index", index);
        if (rowId != null) detail.put("rowId", rowId);
        return detail;
    }

    private static Map<String, Object> failedItem(int index, ApiError error, Long rowId) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("index", index);
        item.put("error", error.body());
        if (rowId != null) item.put("rowId", rowId);
        return item;
    }

    private static Map<String, Object> result(Object saved, List<Map<String, Object>> failedItems, long version) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("message", failedItems.isEmpty() ? "SUCCESS" : "PARTIAL_SUCCESS");
        result.put("resultCode", failedItems.isEmpty() ? 0 : 3);
        result.put("result", saved);
        result.put("version", version);
        if (!failedItems.isEmpty()) result.put("failedItems", failedItems);
        return result;
    }
}
