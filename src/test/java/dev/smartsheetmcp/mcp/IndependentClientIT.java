package dev.smartsheetmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smartsheetmcp.testing.AppProcess;
import dev.smartsheetmcp.testing.NodeClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session with an MCP client we did not write: the official TypeScript SDK
 * ({@code clients/ts-smoke/smoke.mjs}), over Streamable HTTP and over stdio.
 */
class IndependentClientIT {

    private static Path client;

    @TempDir
    Path work;

    @BeforeAll
    static void installClient() throws Exception {
        client = NodeClients.install("ts-smoke", "@modelcontextprotocol/sdk");
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
        NodeClients.Run run = NodeClients.run(client, command, work.resolve("client-output.txt"), Duration.ofMinutes(3));
        assertThat(run.succeeded()).as("TypeScript client: " + run.output()).isTrue();
        String last = run.output().lines().filter(line -> line.startsWith("{")).reduce((first, second) -> second).orElseThrow();
        return new ObjectMapper().readTree(last);
    }
}
