package dev.smartsheetmcp.folders;

import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.toolkit.ToolException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a new folder, sheet or sheet copy goes: Home, the folder {@code folder_id} or the workspace
 * {@code workspace_id}; at most one of the two may be given.
 */
record Location(String type, Long id) {

    static final String HOME = "home";
    static final String FOLDER = "folder";
    static final String WORKSPACE = "workspace";

    static Location of(ToolArguments arguments) {
        Long folderId = arguments.optionalId("folder_id").orElse(null);
        Long workspaceId = arguments.optionalId("workspace_id").orElse(null);
        if (folderId != null && workspaceId != null) {
            throw ToolException.invalidArgument("folder_id", "give folder_id or workspace_id, not both"
                    + " (neither puts it in Home)");
        }
        if (folderId != null) return new Location(FOLDER, folderId);
        if (workspaceId != null) return new Location(WORKSPACE, workspaceId);
        return new Location(HOME, null);
    }

    /** The container's path with {@code child} below it; Home's folders and sheets have their own paths. */
    String path(String homePath, String child) {
        return switch (type) {
            case FOLDER -> "/folders/" + id + child;
            case WORKSPACE -> "/workspaces/" + id + child;
            default -> homePath;
        };
    }

    /** As answered: {"type": ..., "id": "digits"} (no id for Home). */
    Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", type);
        if (id != null) view.put("id", Long.toString(id));
        return view;
    }
}
