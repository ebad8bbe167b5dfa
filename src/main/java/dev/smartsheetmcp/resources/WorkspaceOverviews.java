package dev.smartsheetmcp.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.toolkit.ToolArguments;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Variable;

/** The steps of {@code direct:resource-workspace-overview}, on the {@link WorkspaceOverview} in variable {@code overview}. */
public final class WorkspaceOverviews {

    private final int maxSheets;
    private final int maxChars;

    public WorkspaceOverviews(int maxSheets, int maxChars) {
        this.maxSheets = maxSheets;
        this.maxChars = maxChars;
    }

    public WorkspaceOverview start(@Body Map<String, Object> variables) {
        return new WorkspaceOverview(ToolArguments.of(variables).id("workspace_id"), maxSheets, maxChars);
    }

    public void takeWorkspace(@Variable("overview") WorkspaceOverview overview, @Body JsonNode workspace) {
        overview.takeWorkspace(workspace);
    }

    public void takeSheet(@Variable("overview") WorkspaceOverview overview, @Body JsonNode sheet) {
        overview.takeSheet(sheet);
    }

    public Map<String, Object> answer(@Variable("overview") WorkspaceOverview overview) {
        return overview.answer();
    }
}
