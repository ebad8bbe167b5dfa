package dev.smartsheetmcp.mcp;

import dev.smartsheetmcp.mcp.transport.CallMessageInput;
import dev.smartsheetmcp.mcp.transport.CallMessages;
import dev.smartsheetmcp.mcp.transport.EmbeddedHttpServer;
import dev.smartsheetmcp.mcp.transport.EndOfInputSignal;
import dev.smartsheetmcp.mcp.transport.HttpSecurity;
import dev.smartsheetmcp.mcp.transport.StandardStreams;
import dev.smartsheetmcp.toolkit.ApplicationVersion;
import dev.smartsheetmcp.toolkit.Json;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.main.MainSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the MCP server on the transport chosen by {@code mcp.transport} as soon as the settings are
 * checked, before Camel builds its routes, and stops it before the routes stop. Over stdio it
 * answers from then on: {@code initialize} and the lists of tools, resources and prompts need no
 * route, and a call that does waits until every route runs ({@link StartedRoutes}). Over HTTP the
 * port opens only once every route runs, so {@code /health} and {@code /mcp} answer a complete
 * server. The end of stdin ends the application.
 */
public final class McpServerLifecycle extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(McpServerLifecycle.class);

    private final Consumer<String> phase;
    private StartedRoutes routes;
    private McpFeatures features;
    private CallMessages messages;
    private String transport;
    private int toolCount;
    private McpSyncServer server;
    private HttpServletStreamableServerTransportProvider servlet;
    private HttpSecurity security;
    private EmbeddedHttpServer http;

    /** {@code phase} is told when the server is built and when it is ready, for the start-up's timing. */
    public McpServerLifecycle(Consumer<String> phase) {
        this.phase = phase;
    }

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        McpJsonMapper json = new JacksonMcpJsonMapper(Json.MAPPER.copy().addMixIn(Throwable.class, NoStackTraces.class));
        try {
            routes = new StartedRoutes(Duration.ofMillis(Long.parseLong(
                    context.resolvePropertyPlaceholders("{{smartsheet.interactive.budget-ms}}"))));
            InFlightCalls calls = new InFlightCalls();
            messages = new CallMessages(calls);
            CamelToolBridge bridge = new CamelToolBridge(routes, json, calls);
            ToolSafety safety = ToolSafety.from(context, routes);
            List<SyncToolSpecification> tools = safety.apply(ToolCatalog.load(context, json).stream()
                    .map(bridge::specification).toList());
            toolCount = tools.size();
            features = McpFeatures.load(context, routes, json);
            transport = context.resolvePropertyPlaceholders("{{mcp.transport}}");
            if ("http".equals(transport)) {
                security = HttpSecurity.from(key -> context.resolvePropertyPlaceholders("{{" + key + "}}"));
                servlet = HttpServletStreamableServerTransportProvider.builder()
                        .jsonMapper(json)
                        .mcpEndpoint(EmbeddedHttpServer.MCP_ENDPOINT)
                        .maxRequestSize(Math.toIntExact(security.maxRequestBytes()))
                        .build();
                SessionCallLimit callLimit = new SessionCallLimit(Integer.parseInt(
                        context.resolvePropertyPlaceholders("{{mcp.max-concurrent-calls-per-session}}")));
                // a call runs on the servlet thread that received it (which waits for it anyway), not
                // handed to a Reactor worker and back: two thread hand-offs less per request
                server = configure(McpServer.sync(servlet), json, tools.stream().map(callLimit::apply).toList(), features,
                        safety).immediateExecution(true).build();
            } else {
                server = configure(McpServer.sync(stdio(main, json, messages)), json, tools, features, safety).build();
            }
            phase.accept("mcp server built");
        } catch (Exception e) {
            throw new IllegalStateException("MCP server could not start: " + e.getMessage(), e);
        }
    }

    @Override
    public void afterStart(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        try {
            routes.open(context);
            if (servlet != null) {
                // the port opens only once the server behind /mcp is complete
                http = EmbeddedHttpServer.start(context, servlet, security, messages);
            }
            features.notifyChanges(server);
            LOG.info("MCP server ready over {} with {} tools", transport, toolCount);
        } catch (Exception e) {
            throw new IllegalStateException("MCP server could not start: " + e.getMessage(), e);
        }
    }

    @Override
    public void beforeStop(BaseMainSupport main) {
        if (server != null) server.closeGracefully();
        if (http != null) http.stop();
    }

    private static McpServer.SyncSpecification<?> configure(McpServer.SyncSpecification<?> spec, McpJsonMapper json,
                                                           List<SyncToolSpecification> tools, McpFeatures features,
                                                           ToolSafety safety) {
        return features.applyTo(spec)
                .serverInfo("smartsheet-mcp-pipeline", ApplicationVersion.current())
                .jsonMapper(json)
                .capabilities(features.capabilities(McpSchema.ServerCapabilities.builder().tools(false).logging()).build())
                .validateToolInputs(true)
                .addToolFilter(safety.listFilter())
                .tools(tools);
    }

    private static StdioServerTransportProvider stdio(BaseMainSupport main, McpJsonMapper json, CallMessages messages) {
        var stdin = new EndOfInputSignal(new CallMessageInput(StandardStreams.protocolIn(), messages), () -> {
            LOG.info("stdin closed by the MCP client; shutting down");
            ((MainSupport) main).completed();
        });
        return new StdioServerTransportProvider(json, stdin, StandardStreams.protocolOut());
    }
}
