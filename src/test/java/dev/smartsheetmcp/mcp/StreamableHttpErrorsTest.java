package dev.smartsheetmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smartsheetmcp.testing.SandboxApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Transport-level errors on /mcp are JSON-RPC errors without stack traces. */
class StreamableHttpErrorsTest {

    @Test
    void aRequestWithoutASessionIsRefusedWithoutAStackTrace() throws Exception {
        try (SandboxApp app = SandboxApp.start()) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/mcp"))
                    .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isBetween(400, 499);
            assertThat(response.body()).doesNotContain("stackTrace").doesNotContain("\tat ").doesNotContain("java.");
        }
    }
}
