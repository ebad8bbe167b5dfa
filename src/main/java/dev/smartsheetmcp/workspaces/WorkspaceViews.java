package dev.smartsheetmcp.workspaces;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.toolkit.BudgetedList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers of the workspace tools, in the existing Smartsheet MCP server's shapes: snake_case
 * keys, and every id as a string of digits (Smartsheet ids exceed 2^53). The listings keep within
 * the answer's size budget ({@code max_chars}) and answer a {@code cursor} when more remain.
 */
public final class WorkspaceViews {

    private int defaultMaxChars = 20_000;

    /** The size budget of an answer when the call gives no max_chars (tools.max-answer-chars). */
    public void setDefaultMaxChars(int defaultMaxChars) {
        this.defaultMaxChars = defaultMaxChars;
    }

    /** list_workspaces, from List Workspaces' IndexResult: the workspaces that fit max_chars after the cursor's. */
    public Map<String, Object> workspaces(Map<String, Object> arguments, JsonNode indexResult) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (JsonNode workspace : indexResult.path("data")) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", id(workspace));
            view.put("name", workspace.path("name").asText());
            view.put("permalink", textOrNull(workspace, "permalink"));
            view.put("access_level", textOrNull(workspace, "accessLevel"));
            all.add(view);
        }
        BudgetedList<Map<String, Object>> page = BudgetedList.of("list_workspaces", arguments, defaultMaxChars);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("workspaces", List.of());
        view.put("total_count", all.size());
        page.frame(view).offerAll(page.remainder(all, WorkspaceViews::key, "workspace"));
        view.put("workspaces", page.items());
        return page.finish(view, WorkspaceViews::key);
    }

    /**
     * get_workspace: the workspace and its top-level sheets, folders, reports and dashboards, as
     * many as fit max_chars after the cursor's (sheets first, then folders, reports, dashboards).
     */
    public Map<String, Object> workspace(Map<String, Object> arguments, JsonNode workspace) {
        BudgetedList<Content> page = BudgetedList.of("get_workspace", arguments, defaultMaxChars);
        List<Content> contents = new ArrayList<>();
        for (JsonNode sheet : workspace.path("sheets")) {
            Map<String, Object> item = item(sheet);
            item.put("permalink", textOrNull(sheet, "permalink"));
            contents.add(new Content("sheets", item));
        }
        for (String kind : List.of("folders", "reports", "sights")) {
            for (JsonNode node : workspace.path(kind)) contents.add(new Content(kind, item(node)));
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id(workspace));
        view.put("name", workspace.path("name").asText());
        view.put("permalink", textOrNull(workspace, "permalink"));
        view.put("access_level", textOrNull(workspace, "accessLevel"));
        Map<String, List<Map<String, Object>>> lists = new LinkedHashMap<>();
        for (String kind : List.of("sheets", "folders", "reports", "sights")) {
            lists.put(kind, new ArrayList<>());
            view.put(kind, lists.get(kind));
        }
        view.put("total_count", contents.size());
        page.frame(view);
        for (Content content : page.remainder(contents, Content::key, "item")) {
            if (!page.offer(content, content.item())) break;
        }
        page.items().forEach(content -> lists.get(content.kind()).add(content.item()));
        return page.finish(view, Content::key);
    }

    /** One of a workspace's top-level items, with the list it belongs to. */
    record Content(String kind, Map<String, Object> item) {
        String key() {
            return kind + ":" + item.get("id");
        }
    }

    /** list_workspace_sheets: the workspace's top-level sheets with their timestamps, as many as fit max_chars. */
    public Map<String, Object> workspaceSheets(Map<String, Object> arguments, JsonNode workspace) {
        List<Map<String, Object>> sheets = new ArrayList<>();
        for (JsonNode sheet : workspace.path("sheets")) {
            Map<String, Object> item = item(sheet);
            item.put("permalink", textOrNull(sheet, "permalink"));
            if (sheet.hasNonNull("createdAt")) item.put("created_at", sheet.get("createdAt").asText());
            if (sheet.hasNonNull("modifiedAt")) item.put("modified_at", sheet.get("modifiedAt").asText());
            sheets.add(item);
        }
        BudgetedList<Map<String, Object>> page = BudgetedList.of("list_workspace_sheets", arguments, defaultMaxChars);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("workspace_id", id(workspace));
        view.put("workspace_name", workspace.path("name").asText());
        view.put("sheets", List.of());
        view.put("total_count", sheets.size());
        page.frame(view).offerAll(page.remainder(sheets, WorkspaceViews::key, "sheet"));
        view.put("sheets", page.items());
        return page.finish(view, WorkspaceViews::key);
    }

    private static String key(Map<String, Object> item) {
        return (String) item.get("id");
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

    /** A new sheet's columns as the create tools answer them: id, title, type, and primary on the primary column. */
    public static List<Map<String, Object>> createdColumns(JsonNode sheet) {
        List<Map<String, Object>> columns = new ArrayList<>();
        for (JsonNode column : sheet.path("columns")) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", id(column));
            item.put("title", column.path("title").asText());
            item.put("type", column.path("type").asText());
            if (column.path("primary").asBoolean(false)) item.put("primary", true);
            columns.add(item);
        }
        return columns;
    }

    /** create_sheet_in_workspace, from Create Sheet in Workspace's Result. */
    public Map<String, Object> createdSheet(JsonNode answer, long workspaceId) {
        JsonNode sheet = answer.path("result");
        List<Map<String, Object>> columns = createdColumns(sheet);
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
