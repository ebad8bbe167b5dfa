package dev.smartsheetmcp.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The resources this server offers, from {@code mcp/resources.json}: static resources (their
 * text in {@code mcp/resources/<file>}) and resource templates, each read by a Camel route with
 * the URI's variables as the body and the template's headers.
 */
record ResourceCatalog(List<Static> resources, List<Template> templates) {

    record Static(String uri, String name, String title, String description, String mimeType, String file) {

        String text() {
            try (InputStream in = ResourceCatalog.class.getResourceAsStream("/mcp/resources/" + file)) {
                if (in == null) throw new IllegalStateException("missing resource text mcp/resources/" + file);
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    record Template(String uriTemplate, String name, String title, String description, String mimeType,
                    String route, Map<String, Object> headers) {
    }

    static ResourceCatalog load(McpJsonMapper json) throws IOException {
        try (InputStream in = ResourceCatalog.class.getResourceAsStream("/mcp/resources.json")) {
            return json.readValue(in.readAllBytes(), ResourceCatalog.class);
        }
    }

    /** The static resource at {@code uri}, for prompts that embed it. */
    Static staticResource(String uri) {
        return resources.stream().filter(resource -> resource.uri().equals(uri)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no static resource " + uri));
    }
}
