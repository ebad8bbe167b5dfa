package dev.smartsheetmcp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Node.js programs under {@code clients/} that tests run against the server (the TypeScript
 * SDK client of {@code clients/ts-smoke}, the conformance suite of {@code clients/conformance}):
 * each a small npm package whose {@code package-lock.json} pins what it runs, installed with
 * {@code npm ci} on first use ({@code .ci/run} installs them beforehand), then run from its directory.
 */
public final class NodeClients {

    private NodeClients() {}

    /** What a program printed (stdout and stderr together) and how it ended. */
    public record Run(boolean finished, int exitCode, String output) {

        public boolean succeeded() {
            return finished && exitCode == 0;
        }
    }

    /**
     * The directory of {@code clients/<name>}, installed with {@code npm ci} unless
     * {@code node_modules/<installedModule>} is there already.
     */
    public static Path install(String name, String installedModule) throws Exception {
        Path client = Path.of("clients", name).toAbsolutePath();
        if (Files.isDirectory(client.resolve("node_modules").resolve(installedModule))) return client;
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(client.toFile())
                .redirectErrorStream(true).start();
        String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(npm.waitFor(5, TimeUnit.MINUTES) && npm.exitValue() == 0).as("npm ci in " + client + ": " + output).isTrue();
        return client;
    }

    /** Runs {@code command} in {@code client}, its output going to {@code output}; killed after {@code timeout}. */
    public static Run run(Path client, List<String> command, Path output, Duration timeout)
            throws IOException, InterruptedException {
        Files.createDirectories(output.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).directory(client.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        return new Run(finished, finished ? process.exitValue() : -1, Files.readString(output, StandardCharsets.UTF_8));
    }
}
