package dev.smartsheetmcp.workspaces;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smartsheetmcp.toolkit.Json;
import dev.smartsheetmcp.toolkit.ToolArguments;
import java.util.Map;

/** Checks the workspace tools' arguments and writes Smartsheet's request bodies from them. */
public final class WorkspaceRequests {

    private static final ObjectMapper JSON = Json.MAPPER;

    /** Create Workspace's body: the name, without surrounding blanks. */
    public String newWorkspace(Map<String, Object> arguments) {
        return json(Map.of("name", ToolArguments.of(arguments).nonBlankText("name").strip()));
    }

    /** Create Sheet in Workspace's body, after every check on name and columns has passed. */
    public String newSheet(Map<String, Object> arguments) {
        return json(NewSheet.from(ToolArguments.of(arguments)).requestBody());
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request body could not be written as JSON", e);
        }
    }
}
