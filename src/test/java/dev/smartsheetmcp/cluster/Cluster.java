package dev.smartsheetmcp.cluster;

import dev.smartsheetmcp.analysis.prompts.AnalysisType;
import dev.smartsheetmcp.analysis.prompts.PromptTemplates;
import dev.smartsheetmcp.sandbox.FaultInjector;
import dev.smartsheetmcp.sandbox.azure.AzureOpenAiEmulator;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.AppProcess;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Several application processes on one PostgreSQL job store, against one Smartsheet emulator and
 * one Azure OpenAI emulator in the test's JVM (so the emulators see every instance's calls and
 * enforce one quota for all of them), optionally behind HAProxy with deploy/haproxy.cfg.
 */
public final class Cluster implements AutoCloseable {

    public static final String DEPLOYMENT = "gpt-4o";
    public static final String TOKEN = "cluster-smartsheet-token";
    public static final String MCP_TOKEN = "cluster-mcp-token";
    private static final String AZURE_KEY = "cluster-azure-key";
    private static final Duration BOOT = Duration.ofSeconds(180);

    private final Path work;
    private final SmartsheetEmulator smartsheet;
    private final AzureOpenAiEmulator azure;
    private final ClusterDatabase database;
    private final List<AppProcess> instances = new ArrayList<>();
    private final AtomicInteger nextText = new AtomicInteger();
    private Balancer balancer;

    /**
     * The emulators, with an Azure deployment limited to {@code quotaRpm} requests a minute
     * (judged each second, as Azure does) whose every answer takes {@code modelLatency}.
     */
    public Cluster(Path work, ClusterDatabase database, int quotaRpm, Duration modelLatency) throws Exception {
        this.work = work;
        this.database = database;
        smartsheet = new SmartsheetEmulator(new FaultInjector(11), 100_000);
        smartsheet.addToken(TOKEN);
        smartsheet.start(0, 32);
        azure = new AzureOpenAiEmulator(new FaultInjector(12), AZURE_KEY);
        azure.addDeployment(DEPLOYMENT, quotaRpm, 1_000_000_000);
        azure.faults().latency(modelLatency);
        azure.start(0, 64);
    }

    /**
     * Starts {@code count} instances, node-1 .. node-count, each configured with {@code instanceRpm}
     * for the deployment, side by side (Flyway's lock on PostgreSQL lets one of them migrate the schema).
     */
    public Cluster startInstances(int count, int instanceRpm) throws Exception {
        for (int node = 1; node <= count; node++) startInstance(node, instanceRpm);
        for (AppProcess instance : instances) instance.awaitHealthy(BOOT);
        return this;
    }

    private AppProcess startInstance(int node, int instanceRpm) throws IOException {
        AppProcess instance = AppProcess.start(work.resolve(nodeId(node)), environment(node, instanceRpm), List.of());
        instances.add(instance);
        return instance;
    }

    /** What every instance is given; deploy/docker-compose.yml sets the same (see docs/scale-out.md). */
    private Map<String, String> environment(int node, int instanceRpm) {
        Map<String, String> env = new HashMap<>();
        env.put("MCP_TRANSPORT", "http");
        env.put(ClusterSettings.AUTH_TOKEN, MCP_TOKEN);
        env.put("SMARTSHEET_BASE_URL", smartsheet.baseUrl());
        env.put("SMARTSHEET_API_KEY", TOKEN);
        env.put(ClusterSettings.SMARTSHEET_RPM, "100000");
        env.put("AZURE_OPENAI_API_BASE", azure.endpoint());
        env.put("AZURE_OPENAI_API_KEY", AZURE_KEY);
        env.put("AZURE_OPENAI_DEPLOYMENT", DEPLOYMENT);
        env.put(ClusterSettings.AZURE_RPM, Integer.toString(instanceRpm));
        env.put(ClusterSettings.AZURE_TPM, "1000000000");
        env.put(ClusterSettings.ANALYSIS_PARALLELISM, "4");
        env.put(ClusterSettings.JDBC_URL, database.url());
        env.put(ClusterSettings.JDBC_USER, ClusterDatabase.USER);
        env.put(ClusterSettings.JDBC_PASSWORD, "");
        env.put(ClusterSettings.NODE_ID, nodeId(node));
        env.put(ClusterSettings.LEASE_SECONDS, Integer.toString(ClusterSettings.LEASE));
        env.put(ClusterSettings.HEARTBEAT_SECONDS, Integer.toString(ClusterSettings.HEARTBEAT));
        env.put(ClusterSettings.JOBS_PER_INSTANCE, "1");
        env.put(ClusterSettings.POLL_INTERVAL_MS, Integer.toString(ClusterSettings.POLL_MS));
        env.put(ClusterSettings.CLUSTER_NAME, "cluster-it");
        env.put(ClusterSettings.CLUSTER_CHECKIN_MS, "5000");
        return env;
    }

    /** HAProxy in front of the three instances. */
    public Balancer startBalancer() throws Exception {
        balancer = Balancer.start(work.resolve("haproxy"), instances.stream().map(AppProcess::port).toList());
        return balancer;
    }

    public static String nodeId(int node) {
        return "node-" + node;
    }

    public List<AppProcess> instances() {
        return instances;
    }

    /** The instance whose node id the lease owner names. */
    public AppProcess instanceOf(String leaseOwner) {
        for (int i = instances.size(); i >= 1; i--) {
            if (leaseOwner != null && leaseOwner.startsWith(nodeId(i))) return instances.get(i - 1);
        }
        throw new AssertionError("no instance holds the lease owner '" + leaseOwner + "'");
    }

    public String nodeOf(AppProcess instance) {
        return nodeId(instances.indexOf(instance) + 1);
    }

    public SmartsheetEmulator smartsheet() {
        return smartsheet;
    }

    public AzureOpenAiEmulator azure() {
        return azure;
    }

    public ClusterDatabase database() {
        return database;
    }

    /** A sheet of {@code rows} feedback texts no other sheet of this cluster has (so no answer comes from the cache). */
    public Sheet sheet(String name, int rows) {
        int first = nextText.getAndAdd(rows);
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            data.add(Map.of("Ticket", "T-" + (first + i), "Feedback", AnalysisSheets.feedback(first + i)));
        }
        return new Sheet(smartsheet.createSheet(null, name, AnalysisSheets.COLUMNS, data), first, rows);
    }

    /** A sheet made by {@link #sheet}: its id and the texts its rows carry. */
    public record Sheet(long id, int firstText, int rows) {
        public String feedback(int row) {
            return AnalysisSheets.feedback(firstText + row);
        }

        /** The user prompt a summarize job sends the model for this row. */
        public String summarizePrompt(int row) {
            return PromptTemplates.defaults().forType(AnalysisType.SUMMARIZE).initial(feedback(row));
        }

        public String idText() {
            return Long.toString(id);
        }
    }

    /** SIGSTOP: the process stops where it is, holding its connections and its leases. */
    public static void pause(AppProcess instance) throws Exception {
        signal(instance, "STOP");
    }

    /** SIGCONT after {@link #pause}. */
    public static void resume(AppProcess instance) throws Exception {
        signal(instance, "CONT");
    }

    private static void signal(AppProcess instance, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(instance.process().pid()))
                .inheritIO().start();
        if (kill.waitFor() != 0) throw new IllegalStateException("kill -" + signal + " failed");
    }

    /** An initialised MCP client session at {@code baseUrl} (an instance or the balancer) and the session id it uses. */
    public static Session session(String baseUrl, Consumer<McpSchema.ProgressNotification> progress) {
        AtomicReference<String> sessionId = new AtomicReference<>();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(baseUrl).endpoint("/mcp")
                .httpRequestCustomizer((request, method, uri, body, context) -> {
                    request.header("Authorization", "Bearer " + MCP_TOKEN);
                    request.copy().build().headers().firstValue("mcp-session-id").ifPresent(sessionId::set);
                })
                .build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofMinutes(2))
                .progressConsumer(progress).build();
        client.initialize();
        return new Session(client, sessionId);
    }

    /** A client session and the last session id it sent (none before its first request after initialize). */
    public record Session(McpSyncClient client, AtomicReference<String> sessionId) implements AutoCloseable {
        @Override
        public void close() {
            client.closeGracefully();
        }
    }

    @Override
    public void close() throws Exception {
        if (balancer != null) balancer.close();
        for (AppProcess instance : instances) {
            if (instance.process().isAlive()) {
                resume(instance);
                instance.close();
            }
        }
        smartsheet.close();
        azure.close();
    }
}
