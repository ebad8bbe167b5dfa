package dev.smartsheetmcp.workspaces;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** The workspace tools' beans, by the names {@code routes/tools-workspaces.yaml} uses. */
public final class WorkspacesConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext camel) {
        camel.getRegistry().bind("workspaceRequests", new WorkspaceRequests());
        camel.getRegistry().bind("workspaceViews", new WorkspaceViews());
    }
}
