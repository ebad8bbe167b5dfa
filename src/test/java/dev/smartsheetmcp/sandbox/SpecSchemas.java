package dev.smartsheetmcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates JSON against the component schemas of the Smartsheet OpenAPI document on the
 * test classpath ({@code /specs/smartsheet-openapi-v2.json}), such as {@code assertValid("Sheet", json)}.
 * The schemas' internal references (many point into {@code #/paths/...}) resolve within that document.
 */
public final class SpecSchemas {

    private static final String RESOURCE = "/specs/smartsheet-openapi-v2.json";
    /** The document is registered under this IRI; nothing is fetched from it. */
    private static final String SPEC_IRI = "https://spec.sandbox.invalid/smartsheet-openapi-v2.json";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(SPEC_IRI, readSpec())));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private SpecSchemas() {
    }

    /** The violations of {@code #/components/schemas/<component>}; empty when the JSON conforms. */
    public static List<String> violations(String component, JsonNode json) {
        Schema schema = SCHEMAS.computeIfAbsent(component, name ->
                REGISTRY.getSchema(SchemaLocation.of(SPEC_IRI + "#/components/schemas/" + name)));
        return schema.validate(json).stream().map(Error::toString).toList();
    }

    /** Fails with every violation listed when the JSON does not conform. */
    public static void assertValid(String component, JsonNode json) {
        List<String> violations = violations(component, json);
        if (!violations.isEmpty()) {
            throw new AssertionError(component + " schema violations:\n  " + String.join("\n  ", violations)
                    + "\nin " + abbreviate(json.toString()));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 2_000 ? text : text.substring(0, 2_000) + "...";
    }

    private static String readSpec() {
        try (InputStream in = SpecSchemas.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing test resource " + RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
