package dev.smartsheetmcp.bench;

import dev.smartsheetmcp.testing.AppProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up time of the packaged jar launched as the README launches it: from the launch to a
 * healthy {@code /health} (sandbox, HTTP), and from the launch to the answer to {@code initialize}
 * written on stdin at once (sandbox, stdio, as a desktop client does), and to the answer of a first
 * {@code tools/call} ({@code list_workspaces}) sent right after it. Median of N launches each,
 * with the CPU time the process had used by then, and the median of each start-up phase the
 * application logs at debug ({@code dev.smartsheetmcp.app.Startup}). Every launch after a first,
 * unmeasured one finds its job store's schema current, as a user's does from the second launch.
 * This build is launched with the README's command and with a plain {@code java -jar} (no
 * class-data-sharing archive); with a second jar (an earlier build) its launches (the README's
 * command when its archive is beside it, else {@code java -jar}) alternate with this build's, so
 * all meet the same load.
 *
 * <pre>mvn -B -q package -DskipTests &amp;&amp; java -cp target/smartsheet-mcp-pipeline.jar:target/test-classes \
 *     dev.smartsheetmcp.bench.StartupBenchmark [launches] [earlier.jar]</pre>
 */
public final class StartupBenchmark {

    private static final Pattern PHASE = Pattern.compile("start-up phase (.+?): (\\d+) ms");
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    private static final String FIRST_CALL = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
            + "{\"name\":\"list_workspaces\",\"arguments\":{}}}";

    /** One way of launching: a name and the command before the application's arguments. */
    record Launcher(String name, List<String> command, Path directory) {
    }

    /**
     * One launch: milliseconds to ready, CPU milliseconds used by then, milliseconds to the answer
     * of a first tool call sent right after (stdio; 0 over HTTP), the phases logged.
     */
    record Launch(long readyMs, long cpuMs, long firstCallMs, Map<String, Long> phases) {
    }

    public static void main(String[] args) throws Exception {
        int launches = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Launcher> launchers = new ArrayList<>();
        Path here = Path.of("").toAbsolutePath();
        launchers.add(new Launcher("this build, README command", AppProcess.launchCommand(AppProcess.jar()), here));
        launchers.add(new Launcher("this build, java -jar", List.of(java(), "-jar", AppProcess.jar().toString()), here));
        if (args.length > 1) {
            Path earlier = Path.of(args[1]).toAbsolutePath();
            // run beside its jar: this checkout's routes/ would not fit an earlier build's beans
            // with its class-data-sharing archive when it has one beside it (built at that path)
            boolean archived = Files.exists(Path.of(earlier.toString().replaceFirst("\\.jar$", ".jsa")));
            launchers.add(archived
                    ? new Launcher("earlier build, README command", AppProcess.launchCommand(earlier), earlier.getParent())
                    : new Launcher("earlier build, java -jar", List.of(java(), "-jar", earlier.toString()), earlier.getParent()));
        }
        Path work = Files.createTempDirectory("startup-bench");
        for (String transport : List.of("http", "stdio")) {
            Map<Launcher, List<Launch>> results = new LinkedHashMap<>();
            launchers.forEach(launcher -> results.put(launcher, new ArrayList<>()));
            for (int i = 0; i < launchers.size(); i++) {
                launch(launchers.get(i), transport, work.resolve(transport + i)); // creates the schema
            }
            for (int run = 0; run < launches; run++) {
                for (int i = 0; i < launchers.size(); i++) {
                    results.get(launchers.get(i)).add(launch(launchers.get(i), transport, work.resolve(transport + i)));
                }
            }
            print(transport, launches, results);
        }
        System.exit(0);
    }

    private static Launch launch(Launcher launcher, String transport, Path dataDir) throws Exception {
        Files.createDirectories(dataDir);
        int port = AppProcess.freePort();
        List<String> command = new ArrayList<>(launcher.command());
        command.addAll(List.of("--sandbox", "--transport", transport, "--port", Integer.toString(port),
                "--data-dir", dataDir.resolve("data").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(launcher.directory().toFile()).redirectError(dataDir.resolve("stderr.log").toFile());
        AppProcess.APPLICATION_VARIABLES.forEach(builder.environment()::remove);
        builder.environment().put("LOG_LEVEL", "DEBUG");
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            if ("http".equals(transport)) {
                awaitHealthy(process, port);
            } else {
                awaitAnswer(process, stdout, INITIALIZE);
            }
            long readyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            long cpuMs = process.info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
            long firstCallMs = 0;
            if (!"http".equals(transport)) {
                process.getOutputStream().write((INITIALIZED + "\n").getBytes(StandardCharsets.UTF_8));
                awaitAnswer(process, stdout, FIRST_CALL);
                firstCallMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            }
            return new Launch(readyMs, cpuMs, firstCallMs, phases(dataDir.resolve("stderr.log")));
        } finally {
            // as an MCP client ends a stdio server: stdin closed, time to exit, then SIGTERM
            process.getOutputStream().close();
            if (!"http".equals(transport)) process.waitFor(10, TimeUnit.SECONDS);
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        }
    }

    private static void awaitHealthy(Process process, int port) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("the application exited with " + process.exitValue());
            try {
                HttpResponse<String> answer = client.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"ok\"")) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("no healthy /health within 2 minutes");
    }

    private static void awaitAnswer(Process process, BufferedReader stdout, String request) throws IOException {
        OutputStream stdin = process.getOutputStream();
        stdin.write((request + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        String line = stdout.readLine();
        if (line == null || !line.contains("\"result\"") || line.contains("\"isError\":true")) {
            throw new IllegalStateException("no answer to " + request + ": " + line);
        }
    }

    /** The phases the launch logged, in order; a phase logged twice keeps the sum. */
    private static Map<String, Long> phases(Path stderr) throws IOException {
        Map<String, Long> phases = new LinkedHashMap<>();
        for (String line : Files.readAllLines(stderr, StandardCharsets.UTF_8)) {
            Matcher phase = PHASE.matcher(line);
            if (phase.find()) phases.merge(phase.group(1), Long.parseLong(phase.group(2)), Long::sum);
        }
        return phases;
    }

    private static void print(String transport, int launches, Map<Launcher, List<Launch>> results) {
        String ready = "http".equals(transport) ? "launch → /health healthy" : "launch → initialize answered";
        System.out.printf("%n%s, sandbox (median of %d launches; schema current)%n%n", ready, launches);
        boolean stdio = !"http".equals(transport);
        System.out.println("| launcher | median ms | min ms | max ms | CPU ms by then (median) |"
                + (stdio ? " launch → first tools/call answered, median ms |" : ""));
        System.out.println("|---|---|---|---|---|" + (stdio ? "---|" : ""));
        results.forEach((launcher, runs) -> System.out.printf("| %s | %d | %d | %d | %d |%s%n", launcher.name(),
                median(runs.stream().mapToLong(Launch::readyMs).toArray()),
                runs.stream().mapToLong(Launch::readyMs).min().orElse(0),
                runs.stream().mapToLong(Launch::readyMs).max().orElse(0),
                median(runs.stream().mapToLong(Launch::cpuMs).toArray()),
                stdio ? " " + median(runs.stream().mapToLong(Launch::firstCallMs).toArray()) + " |" : ""));
        results.forEach((launcher, runs) -> {
            List<String> names = runs.stream().flatMap(run -> run.phases().keySet().stream()).distinct().toList();
            if (names.isEmpty()) return;
            System.out.printf("%nphases of %s, %s (median ms)%n%n| phase | ms |%n|---|---|%n", launcher.name(), transport);
            for (String name : names) {
                System.out.printf("| %s | %d |%n", name,
                        median(runs.stream().mapToLong(run -> run.phases().getOrDefault(name, 0L)).toArray()));
            }
        });
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
