package dev.smartsheetmcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks tool arguments and structured results against the tools' JSON Schemas with networknt, as
 * the SDK's default validator does, at less cost per call. A compiled schema is found by the
 * identity of its map (a tool's schema is the same object at every call) instead of by hashing the
 * whole schema. An answer that is a JSON tree already (see {@code CamelToolBridge}) is checked as it
 * is, and a valid one is not written out again as text: the SDK uses that text only for a result
 * without content, and every tool result carries its answer as text. And the tools' schemas
 * are not checked against the JSON Schema meta-schema at every start: they ship in the jar,
 * unchanged, and {@code ToolSchemasTest} checks each of them at build time.
 */
final class ToolSchemaValidator implements JsonSchemaValidator {

    private final ObjectMapper mapper;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());
    private final Map<Map<String, Object>, Schema> compiled = Collections.synchronizedMap(new IdentityHashMap<>());

    ToolSchemaValidator(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object content) {
        try {
            JsonNode tree = content instanceof JsonNode answer ? answer
                    : content instanceof String text ? mapper.readTree(text) : mapper.valueToTree(content);
            List<Error> errors = compiled.computeIfAbsent(schema, this::compile).validate(tree);
            return errors.isEmpty() ? ValidationResponse.asValid(null)
                    : ValidationResponse.asInvalid("Validation failed: JSON schema validation errors: " + errors);
        } catch (Exception e) {
            return ValidationResponse.asInvalid("Unexpected validation error: " + e.getMessage());
        }
    }

    private Schema compile(Map<String, Object> schema) {
        return registry.getSchema(mapper.<JsonNode>valueToTree(schema));
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        return ValidationResponse.asValid(null);
    }
}
