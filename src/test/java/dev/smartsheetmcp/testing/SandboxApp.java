package dev.smartsheetmcp.testing;

import dev.smartsheetmcp.app.Application;
import dev.smartsheetmcp.sandbox.SandboxEnvironment;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * The whole application in this JVM, in sandbox mode over Streamable HTTP on a free port:
 * what a test drives through a real MCP client session.
 */
public final class SandboxApp implements AutoCloseable {

    /**
     * Limits so high that the model's RPM and TPM throttles never wait: for tests about jobs,
     * not about throttling.
     */
    public static Map<String, String> unthrottledModel(Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(Map.of("sandbox.azure.rpm", "100000",
                "sandbox.azure.tpm", "100000000", "azure.rpm", "100000", "azure.tpm", "100000000"));
        settings.putAll(more);
        return settings;
    }

    private final Main main;
    private final CompletableFuture<Void> running;
    private final int port;

    private SandboxApp(Main main, CompletableFuture<Void> running, int port) {
        this.main = main;
        this.running = running;
        this.port = port;
    }

    /** Starts with the given property overrides on top of sandbox mode, HTTP transport and a fresh data dir. */
    public static SandboxApp start(Map<String, String> overrides) throws Exception {
        int port = AppProcess.freePort();
        Map<String, String> properties = new HashMap<>();
        properties.put("sandbox.enabled", "true");
        properties.put("mcp.transport", "http");
        properties.put("http.port", Integer.toString(port));
        properties.put("data.dir", Files.createTempDirectory("sandbox-app").toString());
        properties.putAll(overrides);
        Main main = Application.create(properties);
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
            try {
                main.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        SandboxApp app = new SandboxApp(main, running, port);
        try {
            app.awaitReady(Duration.ofSeconds(Long.getLong("sandbox.start-timeout-seconds", 180)));
        } catch (Exception notReady) {
            // stopped, so that it holds no port and no servlet path the next application of this JVM needs
            main.completed();
            throw notReady;
        }
        return app;
    }

    public static SandboxApp start() throws Exception {
        return start(Map.of());
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public SandboxEnvironment sandbox() {
        return context().getRegistry().lookupByNameAndType("sandbox", SandboxEnvironment.class);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A new MCP client session over Streamable HTTP, already initialized. */
    public McpSyncClient mcpClient() {
        return mcpClient(progress -> { });
    }

    /** A new MCP client session that hands every progress notification to {@code progress}. */
    public McpSyncClient mcpClient(java.util.function.Consumer<io.modelcontextprotocol.spec.McpSchema.ProgressNotification> progress) {
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(baseUrl()).endpoint("/mcp").build())
                .requestTimeout(Duration.ofMinutes(5))
                .progressConsumer(progress)
                .build();
        client.initialize();
        return client;
    }

    /** A new MCP client session that supports elicitation: {@code answer} plays the user answering each question. */
    public McpSyncClient mcpClientWithElicitation(
            java.util.function.Function<io.modelcontextprotocol.spec.McpSchema.ElicitFormRequest,
                    io.modelcontextprotocol.spec.McpSchema.ElicitResult> answer) {
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(baseUrl()).endpoint("/mcp").build())
                .requestTimeout(Duration.ofMinutes(5))
                .capabilities(io.modelcontextprotocol.spec.McpSchema.ClientCapabilities.builder().elicitation().build())
                .elicitation(answer)
                .build();
        client.initialize();
        return client;
    }

    /** A new MCP client session that sends {@code Authorization: Bearer <token>} with every request. */
    public McpSyncClient mcpClient(String bearerToken) {
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(baseUrl()).endpoint("/mcp")
                        .httpRequestCustomizer((request, method, uri, body, context) ->
                                request.header("Authorization", "Bearer " + bearerToken))
                        .build())
                .requestTimeout(Duration.ofMinutes(5))
                .build();
        client.initialize();
        return client;
    }

    private void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (running.isDone()) {
                running.get();
                throw new IllegalStateException("the application stopped during start-up");
            }
            if (main.getCamelContext() != null && main.getCamelContext().isStarted() && httpAnswers()) return;
            Thread.sleep(100);
        }
        throw new IllegalStateException("the application did not start within " + timeout);
    }

    private boolean httpAnswers() {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        main.completed();
        running.get(60, TimeUnit.SECONDS);
    }

    public Path dataDir() {
        return Path.of(context().resolvePropertyPlaceholders("{{data.dir}}"));
    }
}
