package dev.smartsheetmcp.folders;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.toolkit.BudgetedList;
import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.workspaces.WorkspaceViews;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers of the folder and sheet tools: snake_case keys, every id as a string of digits
 * (Smartsheet ids exceed 2^53). A folder's contents are paged within {@code max_chars}.
 */
public final class FolderViews {

    static final String GET_FOLDER = "get_folder";
    /** The kinds of item a folder holds, in answer order: Smartsheet's attribute and our name for it. */
    private static final List<String[]> KINDS = List.of(new String[] {"folders", "folders"},
            new String[] {"sheets", "sheets"}, new String[] {"reports", "reports"},
            new String[] {"sights", "dashboards"}, new String[] {"templates", "templates"});

    /** Room kept in the budget for the note an answer may end with. */
    private static final String NOTE_ROOM = " ".repeat(100);

    private int defaultMaxChars = 20_000;

    public void setDefaultMaxChars(int defaultMaxChars) {
        this.defaultMaxChars = defaultMaxChars;
    }

    /**
     * get_folder: the folder and its immediate contents (folders, sheets, reports, dashboards,
     * templates), as many as fit {@code max_chars}, with a cursor for the rest.
     */
    public Map<String, Object> folder(JsonNode folder, Map<String, Object> arguments) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (String[] kind : KINDS) {
            for (JsonNode node : folder.path(kind[0])) items.add(item(kind[1], node));
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("folder_id", id(folder));
        view.put("name", folder.path("name").asText());
        view.put("permalink", textOrNull(folder, "permalink"));
        view.put("total_count", items.size());
        view.put("returned", 0);
        for (String[] kind : KINDS) view.put(kind[1], new ArrayList<Map<String, Object>>());
        view.put("note", NOTE_ROOM);
        BudgetedList<Map<String, Object>> page = BudgetedList.<Map<String, Object>>of(GET_FOLDER, arguments, defaultMaxChars)
                .frame(view);
        page.offerAll(page.remainder(items, FolderViews::key, "item"));
        view.remove("note");
        view.put("returned", page.items().size());
        for (Map<String, Object> item : page.items()) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = (List<Map<String, Object>>) view.get((String) item.get("kind"));
            Map<String, Object> shown = new LinkedHashMap<>(item);
            shown.remove("kind");
            list.add(shown);
        }
        page.finish(view, FolderViews::key);
        if (view.containsKey("cursor")) {
            view.put("note", "More items than fit max_chars; call get_folder again with this cursor for the rest");
        }
        return view;
    }

    private static String key(Map<String, Object> item) {
        return item.get("kind") + ":" + item.get("id");
    }

    /** create_folder, from Create Folder's Result. */
    public Map<String, Object> createdFolder(JsonNode answer, Map<String, Object> arguments) {
        JsonNode folder = answer.path("result");
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("success", true);
        view.put("folder_id", id(folder));
        view.put("name", folder.path("name").asText());
        view.put("permalink", textOrNull(folder, "permalink"));
        view.put("location", Location.of(ToolArguments.of(arguments)).view());
        return view;
    }

    /** create_sheet, from Create Sheet's Result. */
    public Map<String, Object> createdSheet(JsonNode answer, Map<String, Object> arguments) {
        JsonNode sheet = answer.path("result");
        List<Map<String, Object>> columns = WorkspaceViews.createdColumns(sheet);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("success", true);
        view.put("sheet_id", id(sheet));
        view.put("name", sheet.path("name").asText());
        view.put("permalink", textOrNull(sheet, "permalink"));
        view.put("location", Location.of(ToolArguments.of(arguments)).view());
        view.put("columns", columns);
        return view;
    }

    /** copy_sheet, from Copy Sheet's Result. */
    public Map<String, Object> copiedSheet(JsonNode answer, Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        JsonNode sheet = answer.path("result");
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("success", true);
        view.put("sheet_id", id(sheet));
        view.put("name", sheet.path("name").asText());
        view.put("permalink", textOrNull(sheet, "permalink"));
        view.put("source_sheet_id", Long.toString(args.id("sheet_id")));
        view.put("location", Location.of(args).view());
        view.put("included", new ArrayList<>(FolderRequests.copyIncludes(args)));
        return view;
    }

    /** get_sheet_version, from Get Sheet Version. */
    public Map<String, Object> sheetVersion(JsonNode answer, Map<String, Object> arguments) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("sheet_id", Long.toString(ToolArguments.of(arguments).id("sheet_id")));
        view.put("version", answer.path("version").asLong());
        return view;
    }

    private static Map<String, Object> item(String kind, JsonNode node) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("kind", kind);
        item.put("id", id(node));
        item.put("name", node.path("name").asText());
        if (node.hasNonNull("permalink")) item.put("permalink", node.get("permalink").asText());
        if (node.hasNonNull("modifiedAt")) item.put("modified_at", node.get("modifiedAt").asText());
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
