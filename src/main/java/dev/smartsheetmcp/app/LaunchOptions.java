package dev.smartsheetmcp.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import dev.smartsheetmcp.toolkit.ApplicationVersion;

/**
 * The command line. Each option overrides one property of {@code application.properties};
 * options left out keep the property's value (its environment variable, then its default).
 */
@Command(
        name = "smartsheet-mcp-pipeline",
        mixinStandardHelpOptions = true,
        versionProvider = ApplicationVersion.class,
        sortOptions = false,
        usageHelpWidth = 100,
        description = {
            "MCP server for Smartsheet with durable, throttled Azure OpenAI batch enrichment.",
            ""
        },
        footerHeading = "%nEnvironment (options above win over these; see application.properties for every tunable):%n",
        footer = {
            "  SANDBOX=true                 same as --sandbox",
            "  MCP_TRANSPORT                stdio | http (default stdio)",
            "  MCP_HTTP_PORT                HTTP port (default 3000)",
            "  MCP_HTTP_HOST                address the HTTP port binds to (default 127.0.0.1)",
            "  DATA_DIR                     job store directory (default ./data)",
            "  SMARTSHEET_BASE_URL          default https://api.smartsheet.com/2.0",
            "  SMARTSHEET_API_KEY           Smartsheet API access token (required outside the sandbox)",
            "  AZURE_OPENAI_API_BASE        Azure OpenAI endpoint, https://<resource>.openai.azure.com",
            "  AZURE_OPENAI_API_KEY         Azure OpenAI key",
            "  AZURE_OPENAI_API_VERSION     YYYY-MM-DD or YYYY-MM-DD-preview (default 2024-10-21)",
            "  AZURE_OPENAI_DEPLOYMENT      deployment name of the chat model",
            "  AZURE_OPENAI_DEPLOYMENTS     ids of deployments whose quotas are pooled (docs/azure-pacing.md)",
            "  AZURE_OPENAI_STARTUP_PROBE   check the deployment exists at startup (default true)",
            "  ROUTES_DIR                   folder of the YAML routes (default ./routes, else those in the jar)",
            "  ROUTES_RELOAD=true           reload routes when a file in ROUTES_DIR changes",
            "",
            "Without AZURE_OPENAI_* the Smartsheet tools work and the analysis tools explain what to set."
        })
final class LaunchOptions {

    @Option(names = "--sandbox", description = "Run against the built-in Smartsheet and Azure OpenAI emulators.")
    boolean sandbox;

    @Option(names = "--transport", paramLabel = "stdio|http",
            description = "MCP transport: stdio (desktop clients) or http (Streamable HTTP on /mcp).")
    Transport transport;

    @Option(names = "--port", paramLabel = "N", description = "The one HTTP port, serving /mcp and /health.")
    Integer port;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the HSQLDB job store files live.")
    Path dataDir;

    enum Transport { stdio, http }

    /** The properties these options override, by property name. */
    Map<String, String> propertyOverrides() {
        Map<String, String> overrides = new LinkedHashMap<>();
        if (sandbox) overrides.put("sandbox.enabled", "true");
        if (transport != null) overrides.put("mcp.transport", transport.name());
        if (port != null) overrides.put("http.port", port.toString());
        if (dataDir != null) overrides.put("data.dir", dataDir.toString());
        return overrides;
    }
}
