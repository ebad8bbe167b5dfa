package dev.smartsheetmcp.folders;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.smartsheetmcp.toolkit.Json;
import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.toolkit.ToolException;
import dev.smartsheetmcp.workspaces.NewSheet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the folder and sheet tools' arguments and writes Smartsheet's paths, queries and request
 * bodies from them, before any request is sent.
 */
public final class FolderRequests {

    /** What Copy Sheet's {@code include} can name (the spec's list). */
    static final List<String> COPY_INCLUDES = List.of("attachments", "cellLinks", "data", "discussions", "filters",
            "forms", "ruleRecipients", "rules", "shares");

    public long folderId(Map<String, Object> arguments) {
        return ToolArguments.of(arguments).id("folder_id");
    }

    public long sheetId(Map<String, Object> arguments) {
        return ToolArguments.of(arguments).id("sheet_id");
    }

    /** Get Folder's path. */
    public String folderPath(Map<String, Object> arguments) {
        return "/folders/" + folderId(arguments);
    }

    /** Create Folder's path: in Home, in a folder or in a workspace. */
    public String newFolderPath(Map<String, Object> arguments) {
        return Location.of(ToolArguments.of(arguments)).path("/home/folders", "/folders");
    }

    /** Create Folder's body: the name, without surrounding blanks. */
    public String newFolder(Map<String, Object> arguments) {
        return json(Map.of("name", ToolArguments.of(arguments).nonBlankText("name").strip()));
    }

    /** Create Sheet's path: in Home ("Sheets"), in a folder or in a workspace. */
    public String newSheetPath(Map<String, Object> arguments) {
        return Location.of(ToolArguments.of(arguments)).path("/sheets", "/sheets");
    }

    /** Create Sheet's body, after every check on name and columns has passed (shared with create_sheet_in_workspace). */
    public String newSheet(Map<String, Object> arguments) {
        return json(NewSheet.from(ToolArguments.of(arguments)).requestBody());
    }

    /** Copy Sheet's query: the elements to copy besides the columns, as {@code include=a,b}; empty for none. */
    public String copyQuery(Map<String, Object> arguments) {
        Set<String> include = copyIncludes(ToolArguments.of(arguments));
        return include.isEmpty() ? "" : "include=" + String.join(",", include);
    }

    /** Copy Sheet's body: destination (Home, a folder or a workspace) and the new name. */
    public String copyBody(Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        Location location = Location.of(args);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("destinationType", location.type());
        body.put("destinationId", location.id());
        body.put("newName", args.nonBlankText("new_name").strip());
        return json(body);
    }

    static Set<String> copyIncludes(ToolArguments arguments) {
        Set<String> include = new LinkedHashSet<>();
        List<?> items = arguments.optionalList("include").orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (!(item instanceof String word) || !COPY_INCLUDES.contains(word)) {
                throw ToolException.invalidArgument("include[" + i + "]", "must be one of "
                        + String.join(", ", COPY_INCLUDES) + ", got " + describe(item));
            }
            include.add(word);
        }
        if (include.contains("ruleRecipients") && !include.contains("rules")) {
            throw ToolException.invalidArgument("include", "ruleRecipients needs rules as well (Smartsheet copies"
                    + " notification recipients only with their rules)");
        }
        return include;
    }

    private static String describe(Object item) {
        return item instanceof String text ? "'" + text + "'" : String.valueOf(item);
    }

    static String json(Object body) {
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request body could not be written as JSON", e);
        }
    }
}
