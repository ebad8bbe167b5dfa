package dev.smartsheetmcp.sandbox.smartsheet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sheet summary: Get Sheet Summary, Get Summary Fields (paged), Add and Update Summary Fields.
 * Titles are unique within a sheet unless renameIfConflict asks for "(1)"-style renaming; every
 * change is a new sheet version. A field's value is written as {@code objectValue}: a string,
 * number or boolean, or an object such as a CONTACT.
 */
final class SummaryEndpoints {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SheetStore store;

    SummaryEndpoints(SheetStore store) {
        this.store = store;
    }

    void registerOn(Router router) {
        router.add("GET", "/sheets/{sheetId}/summary", this::summary)
                .add("GET", "/sheets/{sheetId}/summary/fields", this::fields)
                .add("POST", "/sheets/{sheetId}/summary/fields", this::add)
                .add("PUT", "/sheets/{sheetId}/summary/fields", this::update);
    }

    private Router.Reply summary(ApiRequest request) {
        Sheet sheet = sheet(request);
        synchronized (sheet) {
            return Router.Reply.ok(Map.of("fields", views(sheet)));
        }
    }

    private Router.Reply fields(ApiRequest request) {
        Sheet sheet = sheet(request);
        synchronized (sheet) {
            return Router.Reply.ok(Paging.indexResult(views(sheet), request));
        }
    }

    private Router.Reply add(ApiRequest request) {
        Sheet sheet = sheet(request);
        JsonNode body = array(request);
        boolean rename = request.flag("renameIfConflict");
        synchronized (sheet) {
            Set<String> titles = titles(sheet, null);
            List<SummaryField> added = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            for (JsonNode input : body) {
                String title = input.path("title").asText("");
                if (title.isBlank()) throw ApiError.missingAttribute("title");
                String type = input.path("type").asText(null);
                if (type == null) throw ApiError.missingAttribute("type");
                if (!ColumnEdits.TYPES.contains(type)) throw ApiError.invalidAttribute(type, "type");
                SummaryField field = new SummaryField(store.ids.next(), unique(title, titles, rename), type, Sheet.now());
                titles.add(field.title);
                apply(field, input);
                added.add(field);
                positions.add(input.hasNonNull("index") ? input.get("index").asInt() : Integer.MAX_VALUE);
            }
            for (int i = 0; i < added.size(); i++) {
                int at = Math.max(0, Math.min(positions.get(i), sheet.summaryFields.size()));
                sheet.summaryFields.add(at, added.get(i));
            }
            if (!added.isEmpty()) sheet.touch();
            List<Map<String, Object>> views = new ArrayList<>();
            for (SummaryField field : added) views.add(view(field, sheet.summaryFields.indexOf(field)));
            return Router.Reply.ok(Results.success(views, sheet.version));
        }
    }

    private Router.Reply update(ApiRequest request) {
        Sheet sheet = sheet(request);
        JsonNode body = array(request);
        boolean rename = request.flag("renameIfConflict");
        synchronized (sheet) {
            List<SummaryField> updated = new ArrayList<>();
            for (JsonNode input : body) {
                if (!input.hasNonNull("id")) throw ApiError.missingAttribute("id");
                SummaryField field = field(sheet, input.get("id").asLong());
                if (input.hasNonNull("title") && !input.get("title").asText().equals(field.title)) {
                    String title = input.get("title").asText();
                    if (title.isBlank()) throw ApiError.invalidAttribute(title, "title");
                    field.title = unique(title, titles(sheet, field), rename);
                }
                if (input.hasNonNull("type")) {
                    String type = input.get("type").asText();
                    if (!ColumnEdits.TYPES.contains(type)) throw ApiError.invalidAttribute(type, "type");
                    field.type = type;
                }
                apply(field, input);
                field.modifiedAt = Sheet.now();
                updated.add(field);
            }
            if (!updated.isEmpty()) sheet.touch();
            List<Map<String, Object>> views = new ArrayList<>();
            for (SummaryField field : updated) views.add(view(field, sheet.summaryFields.indexOf(field)));
            return Router.Reply.ok(Results.success(views, sheet.version));
        }
    }

    /** Options and objectValue from a request item, checked against the field's type. */
    private static void apply(SummaryField field, JsonNode input) {
        if (input.has("options")) {
            List<String> options = new ArrayList<>();
            input.path("options").forEach(option -> options.add(option.asText()));
            if (!options.isEmpty() && !field.type.endsWith("PICKLIST")) throw ApiError.optionsNotAllowed(field.type);
            field.options = options;
        }
        if (!input.has("objectValue")) return;
        JsonNode value = input.get("objectValue");
        if (value.isNull()) {
            field.objectValue = null;
        } else if (value.isObject()) {
            field.objectValue = JSON.convertValue(value, Map.class);
        } else if ("CHECKBOX".equals(field.type) && !value.isBoolean()) {
            throw ApiError.invalidAttribute(value.asText(), "objectValue");
        } else if (value.isBoolean()) {
            field.objectValue = value.booleanValue();
        } else if (value.isNumber()) {
            field.objectValue = value.numberValue();
        } else if (value.isTextual()) {
            field.objectValue = value.textValue();
        } else {
            throw ApiError.invalidAttribute(value.toString(), "objectValue");
        }
    }

    private static List<Map<String, Object>> views(Sheet sheet) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (int i = 0; i < sheet.summaryFields.size(); i++) views.add(view(sheet.summaryFields.get(i), i));
        return views;
    }

    /** A SummaryField; a plain value shows as displayValue (the spec types objectValue as an object). */
    static Map<String, Object> view(SummaryField field, int index) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", field.id);
        view.put("index", index);
        view.put("title", field.title);
        view.put("type", field.type);
        view.put("locked", false);
        view.put("lockedForUser", false);
        if (!field.options.isEmpty()) view.put("options", List.copyOf(field.options));
        if (field.objectValue instanceof Map<?, ?>) view.put("objectValue", field.objectValue);
        String display = displayValue(field.objectValue);
        if (display != null) view.put("displayValue", display);
        view.put("createdAt", field.createdAt);
        view.put("modifiedAt", field.modifiedAt);
        return view;
    }

    static String displayValue(Object value) {
        if (value == null) return null;
        if (value instanceof Map<?, ?> object) {
            Object shown = object.get("name") != null ? object.get("name") : object.get("email");
            if (shown == null) shown = object.get("value");
            return shown == null ? null : String.valueOf(shown);
        }
        return SheetViews.text(value);
    }

    private static String unique(String title, Set<String> taken, boolean rename) {
        if (!taken.contains(title)) return title;
        if (!rename) throw ApiError.invalidAttribute(title, "title");
        for (int n = 1; ; n++) {
            String candidate = title + " (" + n + ")";
            if (!taken.contains(candidate)) return candidate;
        }
    }

    private static Set<String> titles(Sheet sheet, SummaryField except) {
        Set<String> titles = new HashSet<>();
        for (SummaryField field : sheet.summaryFields) if (field != except) titles.add(field.title);
        return titles;
    }

    private static SummaryField field(Sheet sheet, long id) {
        for (SummaryField field : sheet.summaryFields) if (field.id == id) return field;
        throw ApiError.notFound();
    }

    private static JsonNode array(ApiRequest request) {
        JsonNode body = request.body();
        if (!body.isArray()) throw ApiError.unparsable("expected an array of SummaryField objects");
        return body;
    }

    private Sheet sheet(ApiRequest request) {
        return store.sheet(request.pathId("sheetId"));
    }
}
