package dev.smartsheetmcp.summary;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.toolkit.Json;
import dev.smartsheetmcp.toolkit.ToolArguments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The answers of the sheet summary tools: fields by title with their types and values; ids as strings. */
public final class SummaryViews {

    /** get_sheet_summary, from Get Sheet Summary. */
    public Map<String, Object> summary(JsonNode summary, Map<String, Object> arguments) {
        List<Map<String, Object>> fields = new ArrayList<>();
        for (JsonNode field : summary.path("fields")) fields.add(field(field));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("sheet_id", Long.toString(ToolArguments.of(arguments).id("sheet_id")));
        view.put("total_count", fields.size());
        view.put("fields", fields);
        return view;
    }

    /** update_sheet_summary, from the results of Update and Add Summary Fields (either may be null). */
    public Map<String, Object> updated(Map<String, Object> arguments, JsonNode updateResult, JsonNode addResult) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("success", true);
        view.put("sheet_id", Long.toString(ToolArguments.of(arguments).id("sheet_id")));
        view.put("updated", fields(updateResult));
        view.put("added", fields(addResult));
        JsonNode version = addResult != null && addResult.hasNonNull("version") ? addResult.get("version")
                : updateResult == null ? null : updateResult.get("version");
        if (version != null && !version.isNull()) view.put("sheet_version", version.asLong());
        return view;
    }

    private static List<Map<String, Object>> fields(JsonNode result) {
        List<Map<String, Object>> fields = new ArrayList<>();
        if (result != null) for (JsonNode field : result.path("result")) fields.add(field(field));
        return fields;
    }

    private static Map<String, Object> field(JsonNode field) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", field.path("id").asText());
        view.put("title", field.path("title").asText());
        view.put("type", field.path("type").asText());
        JsonNode objectValue = field.path("objectValue");
        if (field.hasNonNull("displayValue")) {
            view.put("value", field.get("displayValue").asText());
        } else if (objectValue.isValueNode() && !objectValue.isNull()) {
            view.put("value", Json.MAPPER.convertValue(objectValue, Object.class));
        } else {
            view.put("value", null);
        }
        if (objectValue.isObject()) view.put("object_value", Json.MAPPER.convertValue(objectValue, Map.class));
        if (field.hasNonNull("formula")) view.put("formula", field.get("formula").asText());
        if (field.path("options").isArray() && !field.path("options").isEmpty()) {
            List<String> options = new ArrayList<>();
            field.path("options").forEach(option -> options.add(option.asText()));
            view.put("options", options);
        }
        if (field.path("locked").asBoolean(false)) view.put("locked", true);
        return view;
    }
}
