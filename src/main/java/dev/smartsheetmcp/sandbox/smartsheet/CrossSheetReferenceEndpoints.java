package dev.smartsheetmcp.sandbox.smartsheet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * List, create and get a sheet's cross-sheet references. A reference's status is worked out when
 * it is read: BROKEN once its source sheet, or a column or row at an edge of its range, is gone;
 * NOT-SHARED when the caller cannot open the source sheet; otherwise OK. A source sheet is locked
 * only while the referencing sheet is not, so two sheets referring to each other never deadlock.
 */
final class CrossSheetReferenceEndpoints {

    static final String OK = "OK";
    static final String BROKEN = "BROKEN";
    static final String NOT_SHARED = "NOT-SHARED";

    private final SheetStore store;

    CrossSheetReferenceEndpoints(SheetStore store) {
        this.store = store;
    }

    void registerOn(Router router) {
        router.add("GET", "/sheets/{sheetId}/crosssheetreferences", this::list)
                .add("POST", "/sheets/{sheetId}/crosssheetreferences", this::create)
                .add("GET", "/sheets/{sheetId}/crosssheetreferences/{crossSheetReferenceId}", this::get);
    }

    private Router.Reply list(ApiRequest request) {
        Sheet sheet = store.sheet(request.pathId("sheetId"));
        return Router.Reply.ok(Paging.indexResult(views(sheet), request));
    }

    private Router.Reply get(ApiRequest request) {
        Sheet sheet = store.sheet(request.pathId("sheetId"));
        long id = request.pathId("crossSheetReferenceId");
        for (CrossSheetReference reference : sheet.crossSheetReferences) {
            if (reference.id() == id) return Router.Reply.ok(view(reference));
        }
        throw ApiError.notFound();
    }

    /** Create Cross-sheet Reference: a source sheet the caller can open, a range on it, a name unique in the sheet. */
    private Router.Reply create(ApiRequest request) {
        Sheet sheet = store.sheet(request.pathId("sheetId"));
        JsonNode body = request.body();
        if (!body.hasNonNull("sourceSheetId")) throw ApiError.missingAttribute("sourceSheetId");
        Sheet source = store.sheet(id(body, "sourceSheetId"));
        Long startColumn = edge(body, "startColumnId", "endColumnId");
        Long endColumn = edge(body, "endColumnId", "startColumnId");
        Long startRow = edge(body, "startRowId", "endRowId");
        Long endRow = edge(body, "endRowId", "startRowId");
        if (startColumn == null && startRow == null) throw ApiError.missingAttribute("startColumnId, endColumnId");
        String sourceName = checkRange(source, startColumn, endColumn, startRow, endRow);
        CrossSheetReference reference;
        synchronized (sheet) {
            String name = body.hasNonNull("name") ? body.get("name").asText().strip() : autoName(sheet, sourceName);
            if (name.isEmpty()) throw ApiError.invalidAttribute("\"\"", "name");
            if (named(sheet, name) != null) throw ApiError.invalidAttribute(name, "name");
            reference = new CrossSheetReference(store.ids.next(), name, source.id, startColumn, endColumn, startRow, endRow);
            sheet.crossSheetReferences.add(reference);
        }
        return Router.Reply.ok(Results.success(view(reference), null));
    }

    /** The source sheet's name, once every edge of the range is known to be on it. */
    private static String checkRange(Sheet source, Long startColumn, Long endColumn, Long startRow, Long endRow) {
        synchronized (source) {
            for (Long columnId : new Long[] {startColumn, endColumn}) {
                if (columnId != null && source.column(columnId) == null) throw ApiError.invalidColumnId(columnId);
            }
            if (startRow != null && source.row(startRow) == null) throw ApiError.invalidAttribute(startRow.toString(), "startRowId");
            if (endRow != null && source.row(endRow) == null) throw ApiError.invalidAttribute(endRow.toString(), "endRowId");
            return source.name;
        }
    }

    /** Smartsheet's own naming: the source sheet's name and "Range n", the first n not taken. */
    private static String autoName(Sheet sheet, String sourceName) {
        for (int n = 1; ; n++) {
            String name = sourceName + " Range " + n;
            if (named(sheet, name) == null) return name;
        }
    }

    /** The reference a formula's {@code {name}} means: names match ignoring case, as in formulas. */
    static CrossSheetReference named(Sheet sheet, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (CrossSheetReference reference : sheet.crossSheetReferences) {
            if (reference.name().toLowerCase(Locale.ROOT).equals(wanted)) return reference;
        }
        return null;
    }

    /** The sheet's references by lower-case name and their status now; call without holding the sheet's lock. */
    Map<String, String> statuses(Sheet sheet) {
        Map<String, String> statuses = new LinkedHashMap<>();
        for (CrossSheetReference reference : sheet.crossSheetReferences) {
            statuses.put(reference.name().toLowerCase(Locale.ROOT), status(reference));
        }
        return statuses;
    }

    /** The sheet's references as the API shows them; call without holding the sheet's lock. */
    List<Map<String, Object>> views(Sheet sheet) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (CrossSheetReference reference : sheet.crossSheetReferences) views.add(view(reference));
        return views;
    }

    private Map<String, Object> view(CrossSheetReference reference) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", reference.id());
        view.put("name", reference.name());
        view.put("sourceSheetId", reference.sourceSheetId());
        if (reference.startColumnId() != null) {
            view.put("startColumnId", reference.startColumnId());
            view.put("endColumnId", reference.endColumnId());
        }
        if (reference.startRowId() != null) {
            view.put("startRowId", reference.startRowId());
            view.put("endRowId", reference.endRowId());
        }
        view.put("status", status(reference));
        return view;
    }

    private String status(CrossSheetReference reference) {
        Sheet source = store.existing(reference.sourceSheetId());
        if (source == null) return BROKEN;
        if (!store.accessible(source.id)) return NOT_SHARED;
        synchronized (source) {
            for (Long columnId : new Long[] {reference.startColumnId(), reference.endColumnId()}) {
                if (columnId != null && source.column(columnId) == null) return BROKEN;
            }
            for (Long rowId : new Long[] {reference.startRowId(), reference.endRowId()}) {
                if (rowId != null && source.row(rowId) == null) return BROKEN;
            }
            return OK;
        }
    }

    /** One edge of the range; an edge without its partner is a missing attribute. */
    private static Long edge(JsonNode body, String name, String partner) {
        if (!body.hasNonNull(name)) return null;
        if (!body.hasNonNull(partner)) throw ApiError.missingAttribute(partner);
        return id(body, name);
    }

    private static long id(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) throw ApiError.invalidAttribute(value.asText(), name);
        return value.longValue();
    }
}
