package dev.smartsheetmcp.sheets;

import dev.smartsheetmcp.toolkit.ToolArguments;
import java.util.Map;

/** Reads common arguments for the routes, so a route can say {@code method: sheetId}. */
public final class ToolArgumentReader {

    public long sheetId(Map<String, Object> arguments) {
        return ToolArguments.of(arguments).id("sheet_id");
    }

    public long workspaceId(Map<String, Object> arguments) {
        return ToolArguments.of(arguments).id("workspace_id");
    }
}
