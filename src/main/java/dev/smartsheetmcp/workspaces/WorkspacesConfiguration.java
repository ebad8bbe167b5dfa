package dev.smartsheetmcp.workspaces;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;

/** The workspace tools' beans, by the names {@code routes/tools-workspaces.yaml} uses. */
public final class WorkspacesConfiguration implements CamelConfiguration {

    @PropertyInject("tools.max-answer-chars")
    private int maxAnswerChars;

    @Override
    public void configure(CamelContext camel) {
        camel.getRegistry().bind("workspaceRequests", new WorkspaceRequests());
        WorkspaceViews views = new WorkspaceViews();
        views.setDefaultMaxChars(maxAnswerChars);
        camel.getRegistry().bind("workspaceViews", views);
    }
}
