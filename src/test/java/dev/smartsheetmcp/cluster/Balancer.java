package dev.smartsheetmcp.cluster;

import dev.smartsheetmcp.testing.AppProcess;
import dev.smartsheetmcp.testing.RequiredPrograms;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * HAProxy with the deployment's own configuration, {@code deploy/haproxy.cfg}: the addresses it
 * reads from the environment point at the test's instances.
 */
public final class Balancer implements AutoCloseable {

    public static final Path CONFIG = Path.of("deploy/haproxy.cfg");

    private final Process process;
    private final Path log;
    private final int port;

    private Balancer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Skips (or, with CI=true, fails) the calling test when HAProxy is not installed. */
    public static void requireInstalled() {
        RequiredPrograms.require(program() != null, "HAProxy (for the cluster tests)",
                "apt-get install haproxy; .ci/run does");
    }

    /** HAProxy in front of the instances on {@code instancePorts} (three, as the configuration names). */
    public static Balancer start(Path work, List<Integer> instancePorts) throws Exception {
        if (instancePorts.size() != 3) throw new IllegalArgumentException("deploy/haproxy.cfg names three instances");
        Files.createDirectories(work);
        int port = AppProcess.freePort();
        ProcessBuilder builder = new ProcessBuilder(program().toString(), "-db", "-f", CONFIG.toAbsolutePath().toString());
        builder.environment().put("BALANCER_BIND", "127.0.0.1:" + port);
        for (int i = 0; i < 3; i++) {
            builder.environment().put("INSTANCE_" + (i + 1), "127.0.0.1:" + instancePorts.get(i));
        }
        Path log = work.resolve("haproxy.log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Balancer balancer = new Balancer(builder.start(), log, port);
        balancer.awaitListening(Duration.ofSeconds(10));
        return balancer;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    private void awaitListening(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("haproxy exited: " + log());
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("haproxy not listening within " + timeout + ": " + log());
    }

    /** On the PATH, or in /usr/sbin where Debian puts it (not on a normal user's PATH). */
    private static Path program() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(":")), Stream.of("/usr/sbin", "/usr/local/sbin"))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "haproxy"))
                .filter(Files::isExecutable)
                .findFirst().orElse(null);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
