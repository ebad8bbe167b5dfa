package dev.smartsheetmcp.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.toolkit.Json;
import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.toolkit.ToolException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks update_sheet_summary's arguments against the sheet's summary as it is, and writes the
 * bodies of Update Summary Fields (values set by field title) and Add Summary Fields. Every check
 * runs before the first write, so a bad argument changes nothing.
 */
public final class SummaryRequests {

    static final List<String> TYPES = List.of("TEXT_NUMBER", "DATE", "CHECKBOX", "PICKLIST", "CONTACT_LIST");
    private static final Set<String> TAKES_OPTIONS = Set.of("PICKLIST");

    public long sheetId(Map<String, Object> arguments) {
        return ToolArguments.of(arguments).id("sheet_id");
    }

    /** Refuses a call that asks for nothing, before Smartsheet is asked anything. */
    public void checkSomethingToDo(Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        boolean values = !args.object("values").asMap().isEmpty();
        boolean additions = !args.optionalList("add_fields").orElse(List.of()).isEmpty();
        if (!values && !additions) {
            throw ToolException.invalidArgument("values", "give values to set (by field title) or add_fields, or both");
        }
    }

    /** Update Summary Fields' body ({@code [{id, objectValue}]}), or null when no value is set; checks add_fields too. */
    public String updates(Map<String, Object> arguments, JsonNode summary) {
        ToolArguments args = ToolArguments.of(arguments);
        Map<String, JsonNode> fields = fieldsByTitle(summary);
        additionList(args, fields);
        Map<String, Object> values = args.object("values").asMap();
        if (values.isEmpty()) return null;
        List<Map<String, Object>> body = new ArrayList<>();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            String path = "values." + entry.getKey();
            JsonNode field = fields.get(entry.getKey());
            if (field == null) {
                throw ToolException.invalidArgument(path, "the sheet has no summary field titled '" + entry.getKey()
                        + "'; its fields are " + (fields.isEmpty() ? "none" : String.join(", ", fields.keySet()))
                        + " (add a field with add_fields)");
            }
            if (field.path("locked").asBoolean(false) && field.path("lockedForUser").asBoolean(false)) {
                throw ToolException.invalidArgument(path, "the field is locked for this user");
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", field.path("id").longValue());
            item.put("objectValue", objectValue(path, field.path("type").asText("TEXT_NUMBER"), entry.getValue()));
            body.add(item);
        }
        return json(body);
    }

    /** Add Summary Fields' body, or null when no field is added. */
    public String additions(Map<String, Object> arguments, JsonNode summary) {
        List<Map<String, Object>> body = additionList(ToolArguments.of(arguments), fieldsByTitle(summary));
        return body.isEmpty() ? null : json(body);
    }

    private static List<Map<String, Object>> additionList(ToolArguments args, Map<String, JsonNode> existing) {
        List<?> items = args.optionalList("add_fields").orElse(List.of());
        Map<String, Integer> seen = new HashMap<>();
        List<Map<String, Object>> body = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "add_fields[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?>)) throw ToolException.invalidArgument(path, "must be an object with a title");
            Map<?, ?> field = (Map<?, ?>) items.get(i);
            String title = text(path + ".title", field.get("title"), null).strip();
            if (title.isEmpty()) throw ToolException.invalidArgument(path + ".title", "must not be empty");
            if (existing.containsKey(title)) {
                throw ToolException.invalidArgument(path + ".title", "the sheet already has a summary field titled '"
                        + title + "'; set its value with values instead");
            }
            Integer earlier = seen.putIfAbsent(title, i);
            if (earlier != null) {
                throw ToolException.invalidArgument(path + ".title", "'" + title + "' is already the title of add_fields["
                        + earlier + "]");
            }
            String type = text(path + ".type", field.get("type"), "TEXT_NUMBER");
            if (!TYPES.contains(type)) {
                throw ToolException.invalidArgument(path + ".type", "must be one of " + String.join(", ", TYPES) + ", got '" + type + "'");
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("title", title);
            item.put("type", type);
            Object rawOptions = field.get("options");
            if (rawOptions != null && !(rawOptions instanceof List<?>)) {
                throw ToolException.invalidArgument(path + ".options", "must be an array of strings");
            }
            List<?> options = rawOptions == null ? List.of() : (List<?>) rawOptions;
            if (!options.isEmpty()) {
                if (!TAKES_OPTIONS.contains(type)) {
                    throw ToolException.invalidArgument(path + ".options", "only PICKLIST fields take options, this one is " + type);
                }
                item.put("options", options);
            }
            if (field.get("value") != null) item.put("objectValue", objectValue(path + ".value", type, field.get("value")));
            body.add(item);
        }
        return body;
    }

    private static String text(String path, Object value, String fallback) {
        if (value == null) {
            if (fallback != null) return fallback;
            throw ToolException.invalidArgument(path, "is required");
        }
        if (!(value instanceof String text)) throw ToolException.invalidArgument(path, "must be a string");
        return text;
    }

    /** The objectValue Smartsheet takes for a field of {@code type}: a contact object for an email, else the value. */
    private static Object objectValue(String path, String type, Object value) {
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw ToolException.invalidArgument(path, "must be a string, a number or true/false; an empty string clears the field");
        }
        if ("CHECKBOX".equals(type) && !(value instanceof Boolean)) {
            throw ToolException.invalidArgument(path, "the field is a CHECKBOX: give true or false");
        }
        if (type.endsWith("CONTACT_LIST") && value instanceof String email && !email.isEmpty()) {
            if (!email.contains("@")) {
                throw ToolException.invalidArgument(path, "the field is a CONTACT_LIST: give an email address");
            }
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("objectType", "CONTACT");
            contact.put("email", email.strip());
            return contact;
        }
        return value;
    }

    static Map<String, JsonNode> fieldsByTitle(JsonNode summary) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (JsonNode field : summary.path("fields")) fields.put(field.path("title").asText(), field);
        return fields;
    }

    private static String json(Object body) {
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request body could not be written as JSON", e);
        }
    }
}
