package dev.smartsheetmcp.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.toolkit.ToolArguments;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The user tools' answers: Smartsheet's User and UserProfile objects with snake_case keys and
 * every id as a string of digits. An attribute Smartsheet left out (the admin-only ones for a
 * caller who is not a system admin) stays out.
 */
public final class UserViews {

    /** Smartsheet's attribute, the tool's key; in the order the answer lists them. */
    private static final Map<String, String> ATTRIBUTES = attributes();

    /** get_user's path below /users: the user_id argument. */
    public String userPath(Map<String, Object> arguments) {
        return "/" + ToolArguments.of(arguments).id("user_id");
    }

    /** get_current_user and get_user, from a UserProfile. */
    public Map<String, Object> profile(JsonNode profile) {
        return user(profile);
    }

    /** One user as the tools show it, from a User or a UserProfile. */
    static Map<String, Object> user(JsonNode user) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", user.path("id").asText());
        if (!user.hasNonNull("name") && user.hasNonNull("firstName")) {
            view.put("name", (user.path("firstName").asText() + " " + user.path("lastName").asText("")).strip());
        }
        ATTRIBUTES.forEach((attribute, key) -> {
            JsonNode value = user.get(attribute);
            if (value != null && !value.isNull()) view.put(key, value.isNumber() || value.isBoolean() ? value : value.asText());
        });
        JsonNode account = user.path("account");
        if (account.isObject()) {
            view.put("account", Map.of("id", account.path("id").asText(), "name", account.path("name").asText("")));
        }
        return view;
    }

    private static Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("name", "name");
        attributes.put("email", "email");
        attributes.put("firstName", "first_name");
        attributes.put("lastName", "last_name");
        attributes.put("status", "status");
        attributes.put("admin", "admin");
        attributes.put("groupAdmin", "group_admin");
        attributes.put("licensedSheetCreator", "licensed_sheet_creator");
        attributes.put("resourceViewer", "resource_viewer");
        attributes.put("sheetCount", "sheet_count");
        attributes.put("title", "title");
        attributes.put("department", "department");
        attributes.put("company", "company");
        attributes.put("role", "role");
        attributes.put("locale", "locale");
        attributes.put("timeZone", "time_zone");
        attributes.put("lastLogin", "last_login");
        return attributes;
    }
}
