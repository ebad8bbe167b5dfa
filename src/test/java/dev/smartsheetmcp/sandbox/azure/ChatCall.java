package dev.smartsheetmcp.sandbox.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for the emulator's contract tests: builds chat bodies and posts them. */
final class ChatCall {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String API_VERSION = "2024-10-21";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ChatCall() {}

    /** A body with one system and one user message. */
    static ObjectNode body(String system, String user) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("messages")
                .add(JSON.createObjectNode().put("role", "system").put("content", system))
                .add(JSON.createObjectNode().put("role", "user").put("content", user));
        return body;
    }

    static String datedPath(String deployment) {
        return "/openai/deployments/" + deployment + "/chat/completions?api-version=" + API_VERSION;
    }

    static HttpResponse<String> post(String endpoint, String pathAndQuery, String header, String value, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (header != null) request.header(header, value);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String content(HttpResponse<String> response) {
        return json(response).path("choices").path(0).path("message").path("content").asText();
    }
}
