package dev.smartsheetmcp.testing;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The packaged jar run as users run it: {@code java -jar}, with arguments and environment,
 * output captured to files, stopped gently or with SIGKILL.
 */
public final class AppProcess implements AutoCloseable {

    private static final int PORTS_FROM = 20_000;
    private static final int PORTS_PER_FORK = 2_000;
    private static final int FORK_BLOCKS = 6;
    private static final AtomicInteger NEXT_PORT = new AtomicInteger(new Random().nextInt(PORTS_PER_FORK));

    /** Variables of the application that must not leak in from the environment running the tests. */
    public static final List<String> APPLICATION_VARIABLES = List.of(
            "SANDBOX", "MCP_TRANSPORT", "MCP_HTTP_PORT", "MCP_HTTP_HOST", "DATA_DIR",
            "SMARTSHEET_BASE_URL", "SMARTSHEET_API_KEY", "AZURE_OPENAI_API_BASE", "AZURE_OPENAI_API_KEY",
            "AZURE_OPENAI_API_VERSION", "AZURE_OPENAI_DEPLOYMENT", "AZURE_OPENAI_STARTUP_PROBE",
            "ROUTES_DIR", "ROUTES_RELOAD", "LOG_FORMAT", "LOG_LEVEL",
            "MCP_AUTH_TOKEN", "MCP_ALLOWED_ORIGINS", "MCP_MAX_REQUEST_BYTES", "MCP_MAX_CONCURRENT_CALLS_PER_SESSION");

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final int port;

    private AppProcess(Process process, Path stdout, Path stderr, int port) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.port = port;
    }

    /** Starts the jar; the working directory is the repository, so {@code routes/} is the live one. */
    public static AppProcess start(Path workDir, Map<String, String> env, List<String> args) throws IOException {
        return start(workDir, env, args, freePort());
    }

    public static AppProcess start(Path workDir, Map<String, String> env, List<String> args, int port)
            throws IOException {
        Files.createDirectories(workDir);
        List<String> command = new ArrayList<>(launchCommand(jar()));
        command.add(1, "-Xmx" + System.getProperty("app.max-heap", "512m"));
        // JVM options of the test run for the processes it starts (Failsafe sets the JIT the tests use)
        List<String> jvmOptions = List.of(System.getProperty("app.jvm-options", "").trim().split("\\s+"));
        if (!jvmOptions.get(0).isEmpty()) command.addAll(2, jvmOptions);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile());
        APPLICATION_VARIABLES.forEach(builder.environment()::remove);
        builder.environment().put("MCP_HTTP_PORT", Integer.toString(port));
        builder.environment().put("DATA_DIR", workDir.resolve("data").toString());
        builder.environment().putAll(env);
        Path out = workDir.resolve("stdout.log");
        Path err = workDir.resolve("stderr.log");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        return new AppProcess(builder.start(), out, err, port);
    }

    /**
     * The README's launch command for {@code jar}, up to the application's own arguments: with the
     * class-data-sharing archive packaged beside it (ignored when missing or not made for this jar),
     * and the JVM's own warnings on stderr, since stdout carries the stdio protocol.
     */
    public static List<String> launchCommand(Path jar) {
        String archive = jar.toString().replaceFirst("\\.jar$", ".jsa");
        return List.of(javaBinary(), "-XX:SharedArchiveFile=" + archive, "-XX:CompileThresholdScaling=3", "-Xlog:disable",
                "-Xlog:all=warning:stderr", "-jar", jar.toString());
    }

    public static Path jar() {
        return Path.of(System.getProperty("app.jar", "target/smartsheet-mcp-pipeline.jar")).toAbsolutePath();
    }

    public int port() { return port; }

    public String baseUrl() { return "http://127.0.0.1:" + port; }

    /** An initialised MCP client over Streamable HTTP. */
    public McpSyncClient mcpClient() {
        return mcpClient(null);
    }

    /** An initialised MCP client over Streamable HTTP sending the bearer token (when not null). */
    public McpSyncClient mcpClient(String bearerToken) {
        HttpClientStreamableHttpTransport.Builder transport = HttpClientStreamableHttpTransport.builder(baseUrl()).endpoint("/mcp");
        if (bearerToken != null) {
            transport.httpRequestCustomizer((request, method, uri, body, context) ->
                    request.header("Authorization", "Bearer " + bearerToken));
        }
        McpSyncClient client = McpClient.sync(transport.build()).requestTimeout(Duration.ofMinutes(2)).build();
        client.initialize();
        return client;
    }

    public Process process() { return process; }

    /** Waits for {@code /health} to answer 200 and returns how long that took. */
    public Duration awaitHealthy(Duration timeout) throws Exception {
        long start = System.nanoTime();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() - start < timeout.toNanos()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue()
                        + "; stderr:\n" + stderr());
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no healthy answer within " + timeout + "; stderr:\n" + stderr());
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the application did not exit within " + timeout);
        }
        return process.exitValue();
    }

    public String stdout() throws IOException { return Files.readString(stdout, StandardCharsets.UTF_8); }

    public String stderr() throws IOException { return Files.readString(stderr, StandardCharsets.UTF_8); }

    /** SIGKILL: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) kill();
    }

    /**
     * A port free now, for an application to bind a moment later. Taken below the kernel's
     * ephemeral range (32768 and up), so no emulator or client binding port 0 meanwhile can take
     * it, and from a block of its own per test JVM ({@code test.fork}, set by Surefire and
     * Failsafe), so JVMs running side by side never hand out the same port.
     */
    public static int freePort() throws IOException {
        int fork = Integer.getInteger("test.fork", 1);
        int first = PORTS_FROM + (fork - 1) % FORK_BLOCKS * PORTS_PER_FORK;
        for (int attempt = 0; attempt < PORTS_PER_FORK; attempt++) {
            int port = first + NEXT_PORT.getAndIncrement() % PORTS_PER_FORK;
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException inUse) {
                // another process holds it: try the next
            }
        }
        throw new IOException("no free port in " + first + ".." + (first + PORTS_PER_FORK - 1));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
