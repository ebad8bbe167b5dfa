package dev.smartsheetmcp.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smartsheetmcp.testing.AppProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's run command: the jar in sandbox mode over HTTP answers /health quickly, and says where its start-up went. */
class SandboxBootIT {

    @TempDir
    Path work;

    @Test
    void bootsInSandboxModeAndAnswersHealthWithin15SecondsLoggingEachPhaseAtDebug() throws Exception {
        try (AppProcess app = AppProcess.start(work, Map.of("LOG_LEVEL", "DEBUG"), List.of("--sandbox", "--transport", "http"))) {
            Duration boot = app.awaitHealthy(Duration.ofSeconds(30));
            assertThat(boot).isLessThan(Duration.ofSeconds(15));
            // the last phase ends just after the port opens
            await().atMost(Duration.ofSeconds(10)).until(() -> app.stderr().contains("start-up phase mcp server"));
            assertThat(app.stderr().lines().filter(line -> line.contains(" DEBUG ") && line.contains("start-up phase"))
                    .map(line -> line.replaceAll(".*start-up phase (.+?): \\d+ ms \\(at \\d+ ms\\)$", "$1")))
                    .containsExactly("jvm", "command line", "camel main set-up", "metrics", "sandbox emulators",
                            "settings checked", "camel auto-configuration", "job store", "beans", "routes read",
                            "routes built", "routes started", "mcp server built", "mcp server");

            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(app.baseUrl() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = new ObjectMapper().readTree(health.body());
            assertThat(health.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(body.path("status").asText()).isEqualTo("ok");
            assertThat(body.path("sandbox").asBoolean()).isTrue();
        }
    }

    @Test
    void helpListsTheCommandLineAndTheEnvironment() throws Exception {
        try (AppProcess app = AppProcess.start(work, Map.of(), List.of("--help"))) {
            assertThat(app.awaitExit(Duration.ofSeconds(30))).isZero();
            assertThat(app.stdout()).contains("--sandbox", "--transport", "--port", "--data-dir",
                    "SMARTSHEET_BASE_URL", "SMARTSHEET_API_KEY", "AZURE_OPENAI_API_BASE", "AZURE_OPENAI_API_KEY",
                    "AZURE_OPENAI_API_VERSION", "AZURE_OPENAI_DEPLOYMENT");
        }
    }

    @Test
    void rejectsAnUnknownTransportOnTheCommandLine() throws Exception {
        try (AppProcess app = AppProcess.start(work, Map.of(), List.of("--transport", "carrier-pigeon"))) {
            assertThat(app.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
            assertThat(app.stderr()).contains("--transport");
        }
    }
}
