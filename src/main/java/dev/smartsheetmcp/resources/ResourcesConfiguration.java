package dev.smartsheetmcp.resources;

import dev.smartsheetmcp.toolkit.ResourceChanges;
import java.time.Clock;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;

/**
 * The MCP resources' beans, by the names {@code routes/resources.yaml} and the job routes use; the
 * {@link ResourceChanges} the MCP server listens to, as a service that stops with the application.
 */
public final class ResourcesConfiguration implements CamelConfiguration {

    @PropertyInject("resources.page-size")
    private int pageSize;
    @PropertyInject("resources.max-answer-chars")
    private int maxAnswerChars;
    @PropertyInject("resources.overview.max-sheets")
    private int overviewMaxSheets;
    @PropertyInject("resources.update-interval-ms")
    private long updateIntervalMillis;

    @Override
    public void configure(CamelContext camel) throws Exception {
        ResourceChanges changes = new ResourceChanges(updateIntervalMillis);
        camel.addService(changes, true, true);
        camel.getRegistry().bind("resourceChanges", changes);
        camel.getRegistry().bind("jobResources", new JobResources(changes));
        camel.getRegistry().bind("sheetResources", new SheetResources(pageSize, maxAnswerChars, Clock.systemDefaultZone()));
        camel.getRegistry().bind("workspaceOverviews", new WorkspaceOverviews(overviewMaxSheets, maxAnswerChars));
    }
}
