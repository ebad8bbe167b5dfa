package dev.smartsheetmcp.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;

/**
 * {@code prompts/list} and {@code prompts/get}: one JSON file per prompt under {@code mcp/prompts/}
 * (name, title, description, arguments); a get goes to {@code direct:prompt-get}, whose messages
 * name static resources by URI, embedded here with their text.
 */
final class PromptSpecifications {

    private static final String LOCATION = "classpath:mcp/prompts/*.json";

    private final RouteCalls routes;
    private final ResourceCatalog resources;

    PromptSpecifications(RouteCalls routes, ResourceCatalog resources) {
        this.routes = routes;
        this.resources = resources;
    }

    static List<McpSchema.Prompt> load(CamelContext context, McpJsonMapper json) throws Exception {
        List<McpSchema.Prompt> prompts = new ArrayList<>();
        for (Resource resource : PluginHelper.getPackageScanResourceResolver(context).findResources(LOCATION)) {
            try (InputStream in = resource.getInputStream()) {
                prompts.add(json.readValue(in.readAllBytes(), McpSchema.Prompt.class));
            }
        }
        prompts.sort(Comparator.comparing(McpSchema.Prompt::name));
        return prompts;
    }

    SyncPromptSpecification specification(McpSchema.Prompt prompt) {
        return new SyncPromptSpecification(prompt, (session, request) -> get(prompt, request));
    }

    private McpSchema.GetPromptResult get(McpSchema.Prompt prompt, McpSchema.GetPromptRequest request) {
        Map<String, Object> arguments = request.arguments() == null ? Map.of() : new HashMap<>(request.arguments());
        Object answer = routes.call("direct:prompt-get", arguments, Map.of("PromptName", prompt.name()), "prompt " + prompt.name());
        Answer messages = routes.convert(answer, Answer.class);
        return new McpSchema.GetPromptResult(prompt.description(), messages.messages().stream().map(this::message).toList());
    }

    /** A message as the route answers it: {@code text}, or a static resource's {@code uri} to embed. */
    record Message(String role, String text, String resource) {
    }

    record Answer(List<Message> messages) {
    }

    private McpSchema.PromptMessage message(Message message) {
        McpSchema.Role role = "assistant".equals(message.role()) ? McpSchema.Role.ASSISTANT : McpSchema.Role.USER;
        if (message.resource() == null) return new McpSchema.PromptMessage(role, new McpSchema.TextContent(message.text()));
        ResourceCatalog.Static resource = resources.staticResource(message.resource());
        return new McpSchema.PromptMessage(role, new McpSchema.EmbeddedResource(null,
                new McpSchema.TextResourceContents(resource.uri(), resource.mimeType(), resource.text())));
    }

}
