package dev.smartsheetmcp.smartsheet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.FaultInjector;
import dev.smartsheetmcp.sandbox.smartsheet.ColumnSpec;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.RouteTestSupport;
import dev.smartsheetmcp.toolkit.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.MainConfigurationProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Route tests of the Smartsheet client (routes/smartsheet-client.yaml: breaker, retries, throttle,
 * HTTP) with Camel Main running only that file and {@link SmartsheetClientConfiguration}, against
 * the Smartsheet emulator over real HTTP: no MCP server, job store or model. Every request that
 * reaches the HTTP endpoint is also copied to {@code mock:smartsheet-requests} (AdviceWith).
 * A fresh context and emulator per test, each with the settings of {@link #settings()}.
 */
abstract class SmartsheetRouteTestSupport extends RouteTestSupport {

    static final String TOKEN = "route-test-token";
    static final String GET_COLUMNS = "GET /sheets/{sheetId}/columns";

    protected final SmartsheetEmulator smartsheet;
    protected final long sheetId;
    protected MockEndpoint requests;

    protected SmartsheetRouteTestSupport(int emulatorRequestsPerMinute) {
        try {
            smartsheet = new SmartsheetEmulator(new FaultInjector(7), emulatorRequestsPerMinute);
            smartsheet.addToken(TOKEN);
            smartsheet.start(0, 16);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        sheetId = smartsheet.createSheet(null, "Route test", List.of(ColumnSpec.primary("Name")), List.of());
        // each request its own, unless a test is about shared reads
        override(Map.of("smartsheet.coalesce-reads", "false", "smartsheet.metadata-cache.ttl-ms", "0"));
        override(settings());
        override(Map.of("smartsheet.base-url", smartsheet.baseUrl(), "smartsheet.api-key", TOKEN));
        testConfiguration().withUseAdviceWith(true);
    }

    /** Settings on top of application.properties for this test's context. */
    protected abstract Map<String, String> settings();

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.withRoutesIncludePattern("file:routes/smartsheet-client.yaml");
        configuration.addConfiguration(new Json());
        configuration.addConfiguration(new SmartsheetClientConfiguration());
    }

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @BeforeEach
    void adviseAndStart() throws Exception {
        AdviceWith.adviceWith(context, "smartsheet-http", route ->
                route.interceptSendToEndpoint("http*").to("mock:smartsheet-requests"));
        context.start();
        requests = getMockEndpoint("mock:smartsheet-requests");
    }

    @AfterEach
    void stopEmulator() {
        smartsheet.close();
    }

    /** GET /sheets/{id}/columns through every client route, answered as JSON. */
    protected JsonNode getColumns() {
        return template.requestBodyAndHeader("direct:smartsheet-get-columns", null, "SheetId", sheetId, JsonNode.class);
    }

    /** The same, on a thread of the producer template's pool. */
    protected CompletableFuture<JsonNode> getColumnsAsync() {
        return template.asyncRequestBodyAndHeader("direct:smartsheet-get-columns", null, "SheetId", sheetId, JsonNode.class);
    }
}
