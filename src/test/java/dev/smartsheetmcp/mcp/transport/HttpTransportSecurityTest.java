package dev.smartsheetmcp.mcp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.SandboxApplication;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HTTP port with a bearer token set: who gets in, from which Origin, with how large a body. */
@SandboxApplication({"http.auth-token=" + HttpTransportSecurityTest.TOKEN,
        "http.max-request-bytes=" + HttpTransportSecurityTest.MAX_BYTES})
class HttpTransportSecurityTest {

    static final String TOKEN = "test-token-4b1d9e7c2a";
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    static final int MAX_BYTES = 64 * 1024;

    private static SandboxApp app;

    @Test
    void aRequestWithoutTheTokenIsRefusedWithABearerChallenge() throws Exception {
        HttpResponse<String> response = send(mcpPost(INITIALIZE));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"error\":\"unauthorized\"").doesNotContain(TOKEN);
    }

    @Test
    void aWrongTokenIsRefusedWithoutEchoingEitherToken() throws Exception {
        String wrong = "wrong-token-0000000000";
        HttpResponse<String> response = send(mcpPost(INITIALIZE).header("Authorization", "Bearer " + wrong));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).contains("error=\"invalid_token\""));
        assertThat(response.body()).contains("invalid_token").doesNotContain(wrong).doesNotContain(TOKEN);
    }

    @Test
    void aBrowserMayGiveTheTokenAsTheBasicPasswordAfterTheChallenge() throws Exception {
        HttpResponse<String> challenged = send(get("/jobs"));
        assertThat(challenged.headers().allValues("WWW-Authenticate")).anySatisfy(
                challenge -> assertThat(challenge).startsWith("Basic realm="));

        String credentials = Base64.getEncoder().encodeToString(("engineer:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        assertThat(send(mcpPost(INITIALIZE).header("Authorization", "Basic " + credentials)).statusCode()).isEqualTo(200);
        String wrong = Base64.getEncoder().encodeToString("engineer:guess-guess-guess-1".getBytes(StandardCharsets.UTF_8));
        assertThat(send(mcpPost(INITIALIZE).header("Authorization", "Basic " + wrong)).statusCode()).isEqualTo(401);
    }

    @Test
    void everyPathButTheHealthProbesNeedsTheToken() throws Exception {
        assertThat(send(get("/jobs")).statusCode()).isEqualTo(401);
        assertThat(send(get("/metrics")).statusCode()).isEqualTo(401);
        assertThat(send(get("/healthy")).statusCode()).isEqualTo(401);
        assertThat(send(get("/health/../mcp")).statusCode()).isIn(400, 401);
        assertThat(send(get("/health/ready")).statusCode()).isNotEqualTo(401);
        HttpResponse<String> health = send(get("/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\"");
    }

    @Test
    void noEndpointSendsTheRequestsCredentialsBack() throws Exception {
        for (String path : List.of("/health", "/health/live", "/health/ready", "/metrics", "/jobs", "/jobs/data.json")) {
            HttpResponse<String> response = send(get(path).header("Authorization", "Bearer " + TOKEN)
                    .header("Cookie", "session=cookie-value-7d3f"));
            assertThat(response.statusCode()).as(path).isIn(200, 503);
            assertThat(response.headers().map().keySet()).as(path).noneMatch(name ->
                    name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Cookie"));
            assertThat(response.headers().map().values().toString()).as(path).doesNotContain(TOKEN, "cookie-value-7d3f");
            assertThat(response.body()).as(path).doesNotContain(TOKEN);
        }
    }

    @Test
    void anMcpClientWithoutTheTokenCannotConnect() {
        assertThatThrownBy(() -> app.mcpClient().close())
                .hasRootCauseInstanceOf(McpHttpClientTransportAuthorizationException.class);
    }

    @Test
    void anMcpClientWithTheTokenUsesTheTools() {
        try (McpSyncClient client = app.mcpClient(TOKEN)) {
            String sheetId = Long.toString(app.sandbox().demo().sheetId());
            assertThat(ToolCalls.ok(client, "get_column_map", Map.of("sheet_id", sheetId)).path("sheet_id").asText())
                    .isEqualTo(sheetId);
        }
    }

    @Test
    void aForeignOriginIsRefusedEvenWithTheToken() throws Exception {
        for (String origin : new String[] {"http://evil.example", "http://localhost.evil.example:3000", "null"}) {
            HttpResponse<String> response = send(mcpPost(INITIALIZE).header("Authorization", "Bearer " + TOKEN)
                    .header("Origin", origin));
            assertThat(response.statusCode()).as(origin).isEqualTo(403);
            assertThat(response.body()).contains("forbidden_origin");
        }
    }

    @Test
    void anAllowedOriginPasses() throws Exception {
        for (String origin : new String[] {"http://localhost:6274", "http://127.0.0.1:3000", "http://[::1]:8080"}) {
            HttpResponse<String> response = send(mcpPost(INITIALIZE).header("Authorization", "Bearer " + TOKEN)
                    .header("Origin", origin));
            assertThat(response.statusCode()).as(origin).isEqualTo(200);
        }
    }

    @Test
    void aRequestAddressedToAnotherHostNameIsRefusedOnALoopbackServer() throws Exception {
        int port = URI.create(app.baseUrl()).getPort();
        assertThat(statusOfGet(port, "rebound.evil.example:" + port, "/health")).isEqualTo(403);
        assertThat(statusOfGet(port, "rebound.evil.example:" + port, "/jobs")).isEqualTo(403);
        assertThat(statusOfGet(port, "localhost:" + port, "/health")).isEqualTo(200);
        assertThat(statusOfGet(port, "[::1]:" + port, "/health")).isEqualTo(200);
    }

    /** HttpClient will not send a Host header of our choosing; a socket will. */
    static int statusOfGet(int port, String host, String path) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    void anOversizedBodyIsRefusedWithItsLengthDeclaredAndTheServerAnswersTheNextRequest() throws Exception {
        HttpResponse<String> response = send(mcpPost(oversizedJson()).header("Authorization", "Bearer " + TOKEN));

        assertThat(response.statusCode()).isEqualTo(413);
        assertServing();
    }

    @Test
    void anOversizedChunkedBodyIsRefusedAndTheServerAnswersTheNextRequest() throws Exception {
        byte[] body = oversizedJson().getBytes();
        HttpRequest.Builder chunked = authorizedMcp().POST(
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(send(chunked).statusCode()).isEqualTo(413);
        assertServing();
    }

    @Test
    void anOversizedBodyIsRefusedOnEveryPath() throws Exception {
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/health"))
                .POST(HttpRequest.BodyPublishers.ofString(oversizedJson()));

        assertThat(send(post).statusCode()).isEqualTo(413);
    }

    private static void assertServing() throws Exception {
        assertThat(send(get("/health")).statusCode()).isEqualTo(200);
        assertThat(send(mcpPost(INITIALIZE).header("Authorization", "Bearer " + TOKEN)).statusCode()).isEqualTo(200);
    }

    private static String oversizedJson() {
        char[] padding = new char[MAX_BYTES * 2];
        Arrays.fill(padding, 'x');
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + new String(padding) + "\"}}";
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).GET();
    }

    private static HttpRequest.Builder mcpPost(String body) {
        return HttpRequest.newBuilder(URI.create(app.baseUrl() + "/mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder authorizedMcp() {
        return HttpRequest.newBuilder(URI.create(app.baseUrl() + "/mcp")).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream");
    }

    /** A new client each time: a connection the server closed after a refusal is never reused. */
    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
