package dev.smartsheetmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every tool's input and output schema is valid JSON Schema (2020-12), checked here with the SDK's
 * own validator: the running server ({@link ToolSchemaValidator}) leaves that check to the build.
 */
class ToolSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DefaultJsonSchemaValidator SDK = new DefaultJsonSchemaValidator(JSON);

    @Test
    void everyToolsSchemasAreValidJsonSchema() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(Path.of("src/main/resources/mcp/tools"))) {
            files = listed.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(40);
        for (Path file : files) {
            Map<String, Object> tool = JSON.readValue(file.toFile(), new TypeReference<>() { });
            for (String schema : List.of("inputSchema", "outputSchema")) {
                if (!(tool.get(schema) instanceof Map<?, ?>)) continue;
                @SuppressWarnings("unchecked")
                Map<String, Object> body = (Map<String, Object>) tool.get(schema);
                var checked = SDK.validateSchema(body);
                assertThat(checked.valid()).as(file.getFileName() + " " + schema + ": " + checked.errorMessage()).isTrue();
            }
        }
    }

    @Test
    void theCheckTellsABrokenSchema() {
        assertThat(SDK.validateSchema(Map.of("type", "object", "properties", Map.of("sheet_id", Map.of("type", 5)))).valid())
                .isFalse();
    }

    @Test
    void theServersValidatorStillChecksArgumentsAgainstTheSchema() {
        ToolSchemaValidator validator = new ToolSchemaValidator(JSON);
        Map<String, Object> schema = Map.of("type", "object", "required", List.of("sheet_id"),
                "properties", Map.of("sheet_id", Map.of("type", "string")));
        assertThat(validator.validate(schema, Map.of("sheet_id", "42")).valid()).isTrue();
        assertThat(validator.validate(schema, Map.of("sheet_id", 42)).valid()).isFalse();
        assertThat(validator.validate(schema, Map.of()).valid()).isFalse();
    }

    @Test
    void theServersValidatorChecksAnAnswerGivenAsAJsonTree() {
        ToolSchemaValidator validator = new ToolSchemaValidator(JSON);
        Map<String, Object> schema = Map.of("type", "object", "required", List.of("rows"),
                "properties", Map.of("rows", Map.of("type", "array")));
        assertThat(validator.validate(schema, JSON.createObjectNode().set("rows", JSON.createArrayNode())).valid()).isTrue();
        var wrong = validator.validate(schema, JSON.createObjectNode().put("rows", "none"));
        assertThat(wrong.valid()).isFalse();
        assertThat(wrong.errorMessage()).contains("rows");
    }
}
