package dev.smartsheetmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smartsheetmcp.testing.AppProcess;
import dev.smartsheetmcp.testing.NodeClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official MCP conformance scenarios ({@code @modelcontextprotocol/conformance}, pinned in
 * {@code clients/conformance}: 0.1.16 and later need Node.js 22) against the packaged jar over
 * Streamable HTTP, run with the locally installed binary.
 */
class McpConformanceIT {

    private static Path conformance;
    private static AppProcess app;

    @TempDir
    static Path work;

    @BeforeAll
    static void startServer() throws Exception {
        conformance = NodeClients.install("conformance", "@modelcontextprotocol/conformance");
        app = AppProcess.start(work.resolve("app"), Map.of(), List.of("--sandbox", "--transport", "http"));
        app.awaitHealthy(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (app != null) app.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"resources-list", "prompts-list"})
    void scenarioPasses(String scenario) throws Exception {
        Path results = work.resolve("results-" + scenario);
        NodeClients.Run run = NodeClients.run(conformance, List.of(
                        conformance.resolve("node_modules/.bin/conformance").toString(), "server",
                        "--url", app.baseUrl() + "/mcp", "--scenario", scenario, "--output-dir", results.toString()),
                work.resolve(scenario + ".txt"), Duration.ofMinutes(2));

        assertThat(run.succeeded()).as("conformance %s exited %s:%n%s", scenario, run.exitCode(), run.output()).isTrue();
        List<JsonNode> checks = checks(results);
        assertThat(checks).as("the checks of %s:%n%s", scenario, run.output()).isNotEmpty()
                .allSatisfy(check -> assertThat(check.path("status").asText())
                        .as("%s: %s%n%s", check.path("id").asText(), check.path("errorMessage").asText(), run.output())
                        .isEqualTo("SUCCESS"));
    }

    /** Every check the tool saved ({@code checks.json}, in a directory named by scenario and time). */
    private static List<JsonNode> checks(Path results) throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.walk(results)) {
            List<Path> saved = files.filter(file -> file.getFileName().toString().equals("checks.json")).toList();
            assertThat(saved).as("checks.json under " + results).hasSize(1);
            JsonNode checks = json.readTree(saved.get(0).toFile());
            return Stream.iterate(0, i -> i < checks.size(), i -> i + 1).map(checks::get).toList();
        }
    }
}
