package dev.smartsheetmcp.workspaces;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers of the workspace tools, in the existing Smartsheet MCP server's shapes: snake_case
 * keys, and every id as a string of digits (Smartsheet ids exceed 2^53).
 */
public final class WorkspaceViews {

    /** list_workspaces, from List Workspaces' IndexResult. */
    public Map<String, Object> workspaces(JsonNode indexResult) {
        List<Map<String, Object>> workspaces = new ArrayList<>();
        for (JsonNode workspace : indexResult.path("data")) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", id(workspace));
            view.put("name", workspace.path("name").asText());
            view.put("permalink", textOrNull(workspace, "permalink"));
            view.put("access_level", textOrNull(workspace, "accessLevel"));
            workspaces.add(view);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("workspaces", workspaces);
        view.put("total_count", workspaces.size());
        return view;
    }

    /** get_workspace: the workspace and its top-level sheets, folders, reports and dashboards. */
    public Map<String, Object> workspace(JsonNode workspace) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id(workspace));
        view.put("name", workspace.path("name").asText());
        view.put("permalink", textOrNull(workspace, "permalink"));
        view.put("access_level", textOrNull(workspace, "accessLevel"));
        List<Map<String, Object>> sheets = new ArrayList<>();
        for (JsonNode sheet : workspace.path("sheets")) {
            Map<String, Object> item = item(sheet);
            item.put("permalink", textOrNull(sheet, "permalink"));
            sheets.add(item);
        }
        view.put("sheets", sheets);
        view.put("folders", items(workspace.path("folders")));
        view.put("reports", items(workspace.path("reports")));
        view.put("sights", items(workspace.path("sights")));
        return view;
    }

    /** list_workspace_sheets: the workspace's top-level sheets with their timestamps when Smartsheet gives them. */
    public Map<String, Object> workspaceSheets(JsonNode workspace) {
        List<Map<String, Object>> sheets = new ArrayList<>();
        for (JsonNode sheet : workspace.path("sheets")) {
            Map<String, Object> item = item(sheet);
            item.put("permalink", textOrNull(sheet, "permalink"));
            if (sheet.hasNonNull("createdAt")) item.put("created_at", sheet.get("createdAt").asText());
            if (sheet.hasNonNull("modifiedAt")) item.put("modified_at", sheet.get("modifiedAt").asText());
            sheets.add(item);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("workspace_id", id(workspace));
        view.put("workspace_name", workspace.path("name").asText());
        view.put("sheets", sheets);
        view.put("total_count", sheets.size());
        return view;
    }

    /** create_workspace, from Create Workspace's Result. */
    public Map<String, Object> createdWorkspace(JsonNode answer) {
        JsonNode workspace = answer.path("result");
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("success", true);
        view.put("message", "Successfully created workspace");
        view.put("workspace_id", id(workspace));
        view.put("name", workspace.path("name").asText());
        return view;
    }

    /** create_sheet_in_workspace, from Create Sheet in Workspace's Result. */
    public Map<String, Object> createdSheet(JsonNode answer, long workspaceId) {
        JsonNode sheet = answer.path("result");
        List<Map<String, Object>> columns = new ArrayList<>();
        for (JsonNode column : sheet.path("columns")) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", id(column));
            item.put("title", column.path("title").asText());
            item.put("type", column.path("type").asText());
            columns.add(item);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("success", true);
        view.put("message", "Successfully created sheet in workspace");
        view.put("sheet_id", id(sheet));
        view.put("name", sheet.path("name").asText());
        view.put("workspace_id", Long.toString(workspaceId));
        view.put("columns", columns);
        return view;
    }

    private static List<Map<String, Object>> items(JsonNode list) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (JsonNode node : list) items.add(item(node));
        return items;
    }

    private static Map<String, Object> item(JsonNode node) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id(node));
        item.put("name", node.path("name").asText());
        return item;
    }

    /** The id exactly as Smartsheet sent it: the JSON is parsed with 64-bit longs, never doubles. */
    private static String id(JsonNode node) {
        return node.path("id").asText();
    }

    private static String textOrNull(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
