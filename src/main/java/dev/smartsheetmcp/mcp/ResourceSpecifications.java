package dev.smartsheetmcp.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.util.DefaultMcpUriTemplateManagerFactory;
import io.modelcontextprotocol.util.McpUriTemplateManagerFactory;
import java.util.List;
import java.util.Map;

/**
 * {@code resources/list}, {@code resources/templates/list} and {@code resources/read}: static
 * resources answer their text; a template's read goes to its route (routes/resources.yaml) with
 * the URI's variables as the body.
 */
final class ResourceSpecifications {

    private static final McpUriTemplateManagerFactory TEMPLATES = new DefaultMcpUriTemplateManagerFactory();

    private final ResourceCatalog catalog;
    private final RouteCalls routes;

    ResourceSpecifications(ResourceCatalog catalog, RouteCalls routes) {
        this.catalog = catalog;
        this.routes = routes;
    }

    List<SyncResourceSpecification> resources() {
        return catalog.resources().stream().map(ResourceSpecifications::specification).toList();
    }

    List<SyncResourceTemplateSpecification> templates() {
        return catalog.templates().stream().map(this::specification).toList();
    }

    private static SyncResourceSpecification specification(ResourceCatalog.Static resource) {
        String text = resource.text();
        McpSchema.Resource listed = McpSchema.Resource.builder().uri(resource.uri()).name(resource.name())
                .title(resource.title()).description(resource.description()).mimeType(resource.mimeType())
                .size((long) text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).build();
        return new SyncResourceSpecification(listed, (session, request) -> new McpSchema.ReadResourceResult(
                List.of(new McpSchema.TextResourceContents(resource.uri(), resource.mimeType(), text))));
    }

    private SyncResourceTemplateSpecification specification(ResourceCatalog.Template template) {
        McpSchema.ResourceTemplate listed = McpSchema.ResourceTemplate.builder().uriTemplate(template.uriTemplate())
                .name(template.name()).title(template.title()).description(template.description())
                .mimeType(template.mimeType()).build();
        return new SyncResourceTemplateSpecification(listed, (session, request) -> read(template, request.uri()));
    }

    private McpSchema.ReadResourceResult read(ResourceCatalog.Template template, String uri) {
        Map<String, String> variables = TEMPLATES.create(template.uriTemplate()).extractVariableValues(uri);
        String text = routes.callForText(template.route(), Map.copyOf(variables), template.headers(), "resource " + uri);
        return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(uri, template.mimeType(), text)));
    }
}
