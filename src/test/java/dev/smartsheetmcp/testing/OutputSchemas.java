package dev.smartsheetmcp.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;

/**
 * Checks a tool's result as a client that reads {@code structuredContent} would: the tool declares an
 * object {@code outputSchema}, the result carries structuredContent that validates against it (JSON
 * Schema 2020-12, the MCP default, with networknt's validator, which the MCP SDK brings), and its
 * text is the same JSON for clients that read text only.
 */
public final class OutputSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private OutputSchemas() {
    }

    /** The problems of {@code result} against {@code tool}'s outputSchema; empty when it conforms. */
    public static List<String> problems(McpSchema.Tool tool, McpSchema.CallToolResult result) {
        if (tool.outputSchema() == null) return List.of(tool.name() + " declares no outputSchema");
        if (!"object".equals(tool.outputSchema().get("type"))) return List.of(tool.name() + "'s outputSchema is not of type object");
        if (Boolean.TRUE.equals(result.isError())) return List.of(tool.name() + " failed: " + ToolCalls.text(result));
        if (result.structuredContent() == null) return List.of(tool.name() + " answered no structuredContent");
        JsonNode structured = JSON.valueToTree(result.structuredContent());
        try {
            if (!JSON.readTree(ToolCalls.text(result)).equals(structured)) {
                return List.of(tool.name() + "'s text content differs from its structuredContent");
            }
        } catch (Exception e) {
            return List.of(tool.name() + "'s text content is not JSON");
        }
        List<Error> errors = REGISTRY.getSchema(JSON.valueToTree(tool.outputSchema())).validate(structured);
        return errors.stream().map(error -> tool.name() + ": " + error).toList();
    }
}
