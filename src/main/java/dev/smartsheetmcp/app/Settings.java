package dev.smartsheetmcp.app;

/** The settings users give by environment variable, with the property each one sets. */
enum Settings {
    SANDBOX("sandbox.enabled", "SANDBOX"),
    TRANSPORT("mcp.transport", "MCP_TRANSPORT"),
    HTTP_PORT("http.port", "MCP_HTTP_PORT"),
    AUTH_TOKEN("http.auth-token", "MCP_AUTH_TOKEN"),
    ALLOWED_ORIGINS("http.allowed-origins", "MCP_ALLOWED_ORIGINS"),
    MAX_REQUEST_BYTES("http.max-request-bytes", "MCP_MAX_REQUEST_BYTES"),
    MAX_CALLS_PER_SESSION("mcp.max-concurrent-calls-per-session", "MCP_MAX_CONCURRENT_CALLS_PER_SESSION"),
    DATA_DIR("data.dir", "DATA_DIR"),
    SMARTSHEET_BASE_URL("smartsheet.base-url", "SMARTSHEET_BASE_URL"),
    SMARTSHEET_API_KEY("smartsheet.api-key", "SMARTSHEET_API_KEY"),
    AZURE_API_BASE("azure.api-base", "AZURE_OPENAI_API_BASE"),
    AZURE_API_KEY("azure.api-key", "AZURE_OPENAI_API_KEY"),
    AZURE_API_VERSION("azure.api-version", "AZURE_OPENAI_API_VERSION"),
    AZURE_DEPLOYMENT("azure.deployment", "AZURE_OPENAI_DEPLOYMENT"),
    AZURE_STARTUP_PROBE("azure.startup-probe", "AZURE_OPENAI_STARTUP_PROBE"),
    AZURE_BATCH_DEPLOYMENT("azure.batch.deployment", "AZURE_OPENAI_BATCH_DEPLOYMENT"),
    AZURE_BATCH_POOL_ENTRY("azure.batch.pool-entry", "AZURE_OPENAI_BATCH_POOL_ENTRY");

    private final String property;
    private final String envVar;

    Settings(String property, String envVar) {
        this.property = property;
        this.envVar = envVar;
    }

    String property() { return property; }

    String envVar() { return envVar; }
}
