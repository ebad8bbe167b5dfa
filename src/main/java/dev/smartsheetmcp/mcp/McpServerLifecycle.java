package dev.smartsheetmcp.mcp;

import dev.smartsheetmcp.mcp.transport.CallMessageInput;
import dev.smartsheetmcp.mcp.transport.CallMessages;
import dev.smartsheetmcp.mcp.transport.EmbeddedHttpServer;
import dev.smartsheetmcp.mcp.transport.EndOfInputSignal;
import dev.smartsheetmcp.mcp.transport.HttpSecurity;
import dev.smartsheetmcp.mcp.transport.StandardStreams;
import dev.smartsheetmcp.toolkit.ApplicationVersion;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.main.MainSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the MCP server on the transport chosen by {@code mcp.transport} as soon as the settings are
 * checked, on a thread of its own while Camel builds its routes, and stops it before the routes
 * stop. Over stdio it
 * answers from then on: {@code initialize} and the lists of tools, resources and prompts need no
 * route, and a call that does waits until every route runs ({@link StartedRoutes}). Over HTTP the
 * port opens only once every route runs, so {@code /health} and {@code /mcp} answer a complete
 * server. The end of stdin ends the application.
 */
public final class McpServerLifecycle extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(McpServerLifecycle.class);

    private final Consumer<String> phase;
    private StartedRoutes routes;
    private String transport;
    private HttpSecurity security;
    private String host;
    private int port;
    private CompletableFuture<Void> building;
    // built on the mcp-server-build thread; read after building.join()
    private McpFeatures features;
    private CallMessages messages;
    private int toolCount;
    private volatile McpSyncServer server;
    private volatile EmbeddedHttpServer http;

    /** {@code phase} is told when the routes have waited for the server's build, for the start-up's timing. */
    public McpServerLifecycle(Consumer<String> phase) {
        this.phase = phase;
    }

    /** Reads the settings, then builds the server on a thread of its own while Camel goes on. */
    @Override
    public void beforeConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        Function<String, String> property = key -> context.resolvePropertyPlaceholders("{{" + key + "}}");
        routes = new StartedRoutes(Duration.ofMillis(Long.parseLong(property.apply("smartsheet.interactive.budget-ms"))));
        ToolSafety safety = ToolSafety.from(context, routes);
        transport = property.apply("mcp.transport");
        if ("http".equals(transport)) {
            security = HttpSecurity.from(property);
            host = property.apply("http.host");
            port = Integer.parseInt(property.apply("http.port"));
        }
        int callsPerSession = Integer.parseInt(property.apply("mcp.max-concurrent-calls-per-session"));
        building = CompletableFuture.runAsync(() -> build(main, safety, callsPerSession), runnable -> {
            Thread thread = new Thread(runnable, "mcp-server-build");
            thread.setDaemon(true);
            thread.start();
        });
    }

    private void build(BaseMainSupport main, ToolSafety safety, int callsPerSession) {
        CamelContext context = main.getCamelContext();
        ObjectMapper mapper = Json.MAPPER.copy().addMixIn(Throwable.class, NoStackTraces.class);
        McpJsonMapper json = new JacksonMcpJsonMapper(mapper);
        ToolSchemaValidator schemas = new ToolSchemaValidator(mapper);
        try {
            InFlightCalls calls = new InFlightCalls();
            messages = new CallMessages(calls);
            CamelToolBridge bridge = new CamelToolBridge(routes, json, calls);
            List<SyncToolSpecification> tools = safety.apply(ToolCatalog.load(context, json).stream()
                    .map(bridge::specification).toList());
            toolCount = tools.size();
            features = McpFeatures.load(context, routes, json);
            if (security != null) {
                var servlet = HttpServletStreamableServerTransportProvider.builder()
                        .jsonMapper(json)
                        .mcpEndpoint(EmbeddedHttpServer.MCP_ENDPOINT)
                        .maxRequestSize(Math.toIntExact(security.maxRequestBytes()))
                        .build();
                SessionCallLimit callLimit = new SessionCallLimit(callsPerSession);
                // a call runs on the servlet thread that received it (which waits for it anyway), not
                // handed to a Reactor worker and back: two thread hand-offs less per request
                server = configure(McpServer.sync(servlet), json, schemas, tools.stream().map(callLimit::apply).toList(),
                        features, safety).immediateExecution(true).build();
                http = EmbeddedHttpServer.prepare(host, port, servlet, security, messages);
            } else {
                server = configure(McpServer.sync(stdio(main, json, messages)), json, schemas, tools, features, safety).build();
            }
            LOG.debug("MCP server built over {}", transport);
        } catch (Exception e) {
            throw new IllegalStateException("MCP server could not start: " + e.getMessage(), e);
        }
    }

    @Override
    public void afterStart(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        try {
            building.join();
            phase.accept("mcp server built");
            routes.open(context);
            if (http != null) {
                // the port opens only once every route runs behind /mcp and /health
                http.listen();
            }
            features.notifyChanges(server);
            LOG.info("MCP server ready over {} with {} tools", transport, toolCount);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
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
                                                           ToolSchemaValidator schemas,
                                                           List<SyncToolSpecification> tools, McpFeatures features,
                                                           ToolSafety safety) {
        return features.applyTo(spec)
                .serverInfo("smartsheet-mcp-pipeline", ApplicationVersion.current())
                .jsonMapper(json)
                .capabilities(features.capabilities(McpSchema.ServerCapabilities.builder().tools(false).logging()).build())
                .jsonSchemaValidator(schemas)
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
