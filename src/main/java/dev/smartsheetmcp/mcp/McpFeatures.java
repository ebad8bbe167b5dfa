package dev.smartsheetmcp.mcp;

import dev.smartsheetmcp.toolkit.ResourceChanges;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import org.apache.camel.CamelContext;

/**
 * What the server offers besides tools: resources (with subscriptions), resource templates,
 * prompts and completions, each served by Camel routes; and the link from {@link ResourceChanges}
 * to {@code notifications/resources/updated} for subscribed sessions.
 */
final class McpFeatures {

    private final ResourceSpecifications resources;
    private final PromptSpecifications prompts;
    private final List<McpSchema.Prompt> promptList;
    private final CompletionSpecifications completions;
    private final ResourceCatalog catalog;
    private final CamelContext context;

    private McpFeatures(CamelContext context, ResourceCatalog catalog, RouteCalls routes, List<McpSchema.Prompt> promptList) {
        this.context = context;
        this.catalog = catalog;
        this.resources = new ResourceSpecifications(catalog, routes);
        this.prompts = new PromptSpecifications(routes, catalog);
        this.promptList = promptList;
        this.completions = new CompletionSpecifications(routes);
    }

    static McpFeatures load(CamelContext context, StartedRoutes routes, McpJsonMapper json) throws Exception {
        return new McpFeatures(context, ResourceCatalog.load(json), new RouteCalls(routes, json),
                PromptSpecifications.load(context, json));
    }

    /** Resources can be subscribed to; neither list changes while running. */
    McpSchema.ServerCapabilities.Builder capabilities(McpSchema.ServerCapabilities.Builder capabilities) {
        return capabilities.resources(true, false).prompts(false).completions();
    }

    McpServer.SyncSpecification<?> applyTo(McpServer.SyncSpecification<?> spec) {
        return spec.resources(resources.resources())
                .resourceTemplates(resources.templates())
                .prompts(promptList.stream().map(prompts::specification).toList())
                .completions(completions.specifications(promptList, catalog));
    }

    /** Changes reported by the features reach the sessions subscribed to them (the SDK keeps the subscriptions). */
    void notifyChanges(McpSyncServer server) {
        ResourceChanges changes = context.getRegistry().findSingleByType(ResourceChanges.class);
        if (changes != null) {
            changes.listen(uri -> server.notifyResourcesUpdated(new McpSchema.ResourcesUpdatedNotification(uri)));
        }
    }
}
