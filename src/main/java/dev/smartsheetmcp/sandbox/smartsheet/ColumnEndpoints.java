package dev.smartsheetmcp.sandbox.smartsheet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** List, add, get, update and delete a sheet's columns. */
final class ColumnEndpoints {

    private final SheetStore store;

    ColumnEndpoints(SheetStore store) {
        this.store = store;
    }

    void registerOn(Router router) {
        router.add("GET", "/sheets/{sheetId}/columns", this::list)
                .add("POST", "/sheets/{sheetId}/columns", this::add)
                .add("GET", "/sheets/{sheetId}/columns/{columnId}", this::get)
                .add("PUT", "/sheets/{sheetId}/columns/{columnId}", this::update)
                .add("DELETE", "/sheets/{sheetId}/columns/{columnId}", this::delete);
    }

    private Router.Reply list(ApiRequest request) {
        Sheet sheet = sheet(request);
        List<Map<String, Object>> columns = new ArrayList<>();
        synchronized (sheet) {
            for (int i = 0; i < sheet.columns.size(); i++) columns.add(SheetViews.column(sheet.columns.get(i), i));
        }
        return Router.Reply.ok(Paging.indexResult(columns, request));
    }

    /** Add Columns takes one column or an array; the result mirrors the shape sent. */
    private Router.Reply add(ApiRequest request) {
        Sheet sheet = sheet(request);
        JsonNode body = request.body();
        List<JsonNode> inputs = new ArrayList<>();
        if (body.isArray()) body.forEach(inputs::add); else inputs.add(body);
        synchronized (sheet) {
            List<Map<String, Object>> added = ColumnEdits.add(sheet, store.ids, inputs);
            return Router.Reply.ok(Results.success(body.isArray() ? added : added.get(0), sheet.version));
        }
    }

    private Router.Reply get(ApiRequest request) {
        Sheet sheet = sheet(request);
        synchronized (sheet) {
            Column column = sheet.requireColumn(request.pathId("columnId"));
            return Router.Reply.ok(SheetViews.column(column, sheet.columns.indexOf(column)));
        }
    }

    private Router.Reply update(ApiRequest request) {
        Sheet sheet = sheet(request);
        JsonNode body = request.body();
        synchronized (sheet) {
            Column column = sheet.requireColumn(request.pathId("columnId"));
            return Router.Reply.ok(Results.success(ColumnEdits.update(sheet, column, body), sheet.version));
        }
    }

    private Router.Reply delete(ApiRequest request) {
        Sheet sheet = sheet(request);
        synchronized (sheet) {
            ColumnEdits.delete(sheet, sheet.requireColumn(request.pathId("columnId")));
            return Router.Reply.ok(Results.success(null, sheet.version));
        }
    }

    private Sheet sheet(ApiRequest request) {
        return store.sheet(request.pathId("sheetId"));
    }
}
