package dev.smartsheetmcp.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code completion/complete} for every prompt and resource template: the argument, what was typed
 * and the arguments already given go to {@code direct:completion} (routes/completions.yaml).
 */
final class CompletionSpecifications {

    private final RouteCalls routes;

    CompletionSpecifications(RouteCalls routes) {
        this.routes = routes;
    }

    List<SyncCompletionSpecification> specifications(List<McpSchema.Prompt> prompts, ResourceCatalog resources) {
        return Stream.concat(
                prompts.stream().map(prompt -> new McpSchema.PromptReference(prompt.name())),
                resources.templates().stream().map(template -> new McpSchema.ResourceReference(template.uriTemplate())))
                .map(reference -> new SyncCompletionSpecification(reference, (session, request) -> complete(request)))
                .toList();
    }

    private McpSchema.CompleteResult complete(McpSchema.CompleteRequest request) {
        Map<String, Object> given = new HashMap<>();
        if (request.context() != null && request.context().arguments() != null) given.putAll(request.context().arguments());
        Map<String, Object> headers = new HashMap<>();
        headers.put("CompletionArgument", request.argument().name());
        headers.put("CompletionValue", request.argument().value() == null ? "" : request.argument().value());
        Answer answer = routes.convert(routes.call("direct:completion", given, headers,
                "completion of " + request.argument().name()), Answer.class);
        return new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(answer.values(), answer.total(), answer.hasMore()));
    }

    record Answer(List<String> values, Integer total, @com.fasterxml.jackson.annotation.JsonProperty("has_more") Boolean hasMore) {
    }
}
