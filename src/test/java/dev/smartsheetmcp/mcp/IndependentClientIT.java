package dev.smartsheetmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smartsheetmcp.testing.AppProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session with an MCP client we did not write: the official TypeScript SDK
 * ({@code clients/ts-smoke/smoke.mjs}), over Streamable HTTP and over stdio.
 */
class IndependentClientIT {

    private static final Path CLIENT = Path.of("clients", "ts-smoke").toAbsolutePath();

    @TempDir
    Path work;

    @BeforeAll
    static void installClient() throws Exception {
        if (Files.isDirectory(CLIENT.resolve("node_modules/@modelcontextprotocol/sdk"))) return;
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(CLIENT.toFile())
                .redirectErrorStream(true).start();
        String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(npm.waitFor(5, TimeUnit.MINUTES) && npm.exitValue() == 0).as("npm ci: " + output).isTrue();
    }

    @Test
    void typescriptSdkSessionOverStreamableHttp() throws Exception {
        try (AppProcess app = AppProcess.start(work, Map.of(), List.of("--sandbox", "--transport", "http"))) {
            app.awaitHealthy(Duration.ofSeconds(60));
            JsonNode seen = runClient(List.of("http", app.baseUrl()));
            assertThat(seen.path("ok").asBoolean()).isTrue();
            assertThat(seen.path("badArgumentError").asText()).contains("sheet_id");
            assertThat(seen.path("unknownToolError").asText()).contains("-32602").contains("Unknown tool");
        }
    }

    @Test
    void typescriptSdkSessionOverStdio() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        JsonNode seen = runClient(List.of("stdio", java, AppProcess.jar().toString(),
                "--data-dir", work.resolve("data").toString()));
        assertThat(seen.path("ok").asBoolean()).isTrue();
    }

    private JsonNode runClient(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "smoke.mjs"));
        command.addAll(arguments);
        Path output = work.resolve("client-output.txt");
        Process client = new ProcessBuilder(command).directory(CLIENT.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean finished = client.waitFor(3, TimeUnit.MINUTES);
        String text = Files.readString(output);
        assertThat(finished && client.exitValue() == 0).as("TypeScript client: " + text).isTrue();
        String last = text.lines().filter(line -> line.startsWith("{")).reduce((first, second) -> second).orElseThrow();
        return new ObjectMapper().readTree(last);
    }
}
