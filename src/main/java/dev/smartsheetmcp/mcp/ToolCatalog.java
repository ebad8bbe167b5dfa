package dev.smartsheetmcp.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;

/**
 * The tools this server offers: one JSON file per tool under {@code mcp/tools/} holding its
 * name, description, annotations and input schema. A tool named {@code x} is served by the
 * route {@code direct:tool-x}.
 */
final class ToolCatalog {

    private static final String LOCATION = "classpath:mcp/tools/*.json";

    private ToolCatalog() {
    }

    static List<McpSchema.Tool> load(CamelContext context, McpJsonMapper json) throws Exception {
        List<McpSchema.Tool> tools = new ArrayList<>();
        for (Resource resource : PluginHelper.getPackageScanResourceResolver(context).findResources(LOCATION)) {
            tools.add(read(resource, json));
        }
        tools.sort(Comparator.comparing(McpSchema.Tool::name));
        return tools;
    }

    private static McpSchema.Tool read(Resource resource, McpJsonMapper json) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return json.readValue(new String(in.readAllBytes(), StandardCharsets.UTF_8), McpSchema.Tool.class);
        }
    }
}
