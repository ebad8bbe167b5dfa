package dev.smartsheetmcp.sandbox.azure;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * An error answer in Azure OpenAI's shape, {@code {"error": {"code", "message", ...}}}, thrown by the
 * emulator's checks and sent by its handler. Texts are the service's own where they are known.
 * Errors the service passes through from the OpenAI model layer keep that layer's members
 * ({@code message, type, param, code}); where that layer sends a null code the emulator sends
 * {@code "BadRequest"}, so {@code code} is always a string.
 */
final class AzureError extends Exception {

    private static final long serialVersionUID = 1L;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String QUOTA_HINT =
            "Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.";

    private final int status;
    private final transient ObjectNode body;
    private final transient Map<String, String> headers;

    /** An error answer with Azure's {@code {"error": {...}}} body. */
    AzureError(int status, ObjectNode error) {
        this(status, error, Map.of());
    }

    private AzureError(int status, ObjectNode error, Map<String, String> headers) {
        super(error.path("message").asText(), null, false, false);
        this.status = status;
        this.body = NODES.objectNode().set("error", error);
        this.headers = headers;
    }

    int status() { return status; }

    ObjectNode body() { return body; }

    /** Headers particular to this error, such as {@code retry-after}. */
    Map<String, String> headers() { return headers; }

    static AzureError unauthorized() {
        return simple(401, "401", "Access denied due to invalid subscription key or wrong API endpoint. Make sure to"
                + " provide a valid key for an active subscription and use a correct regional API endpoint for your resource.");
    }

    /** Unknown path, or a dated path without {@code api-version}: Azure answers both alike. */
    static AzureError resourceNotFound() {
        return simple(404, "404", "Resource not found");
    }

    static AzureError apiVersionNotSupported() {
        return simple(400, "BadRequest", "API version not supported");
    }

    /** A file or batch id the resource does not hold. */
    static AzureError notFound(String what, String id) {
        return new AzureError(404, NODES.objectNode().put("code", "404").put("message", what + " '" + id + "' not found."),
                Map.of());
    }

    static AzureError deploymentNotFound() {
        return simple(404, "DeploymentNotFound", "The API deployment for this resource does not exist. If you created"
                + " the deployment within the last 5 minutes, please wait a moment and try again.");
    }

    static AzureError invalidJson() {
        return invalidRequest("We could not parse the JSON body of your request. (HINT: This likely means you aren't"
                + " using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was"
                + " not valid JSON.)", null, "BadRequest");
    }

    /** A request the model layer refuses, as {@code invalid_request_error}. */
    static AzureError invalidRequest(String message, String param, String code) {
        ObjectNode error = NODES.objectNode().put("message", message).put("type", "invalid_request_error");
        error.put("param", param).put("code", code);
        return new AzureError(400, error, Map.of());
    }

    /**
     * Over a limit. {@code apiVersion} is the one the caller used ({@code "v1"} on the v1 path);
     * the seconds in the text and in {@code retry-after} are whole and at least 1.
     */
    static AzureError rateLimited(String apiVersion, DeploymentLimits.Limit limit, long retryAfterMillis) {
        long seconds = Math.max(1, (retryAfterMillis + 999) / 1000);
        String which = limit == DeploymentLimits.Limit.TOKENS ? "token" : "call";
        ObjectNode error = NODES.objectNode().put("code", "429").put("message",
                "Requests to the ChatCompletions_Create Operation under Azure OpenAI API version " + apiVersion
                        + " have exceeded " + which + " rate limit of your current OpenAI S0 pricing tier."
                        + " Please retry after " + seconds + " seconds. " + QUOTA_HINT);
        return new AzureError(429, error, Map.of(
                "retry-after", Long.toString(seconds),
                "retry-after-ms", Long.toString(Math.max(1, retryAfterMillis))));
    }

    static AzureError promptFiltered() {
        ObjectNode error = NODES.objectNode()
                .put("message", "The response was filtered due to the prompt triggering Azure OpenAI's content"
                        + " management policy. Please modify your prompt and retry. To learn more about our content"
                        + " filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766")
                .putNull("type")
                .put("param", "prompt")
                .put("code", "content_filter")
                .put("status", 400);
        error.putObject("innererror")
                .put("code", "ResponsibleAIPolicyViolation")
                .set("content_filter_result", filterResults());
        return new AzureError(400, error, Map.of());
    }

    /** 500 or 503, for an injected server fault. */
    static AzureError serverError(int status) {
        return simple(status, "InternalServerError",
                "The server had an error while processing your request. Sorry about that!");
    }

    /** The per-category verdicts Azure reports when a filter fires; the emulator always blames violence. */
    static ObjectNode filterResults() {
        ObjectNode results = NODES.objectNode();
        results.putObject("hate").put("filtered", false).put("severity", "safe");
        results.putObject("jailbreak").put("filtered", false).put("detected", false);
        results.putObject("self_harm").put("filtered", false).put("severity", "safe");
        results.putObject("sexual").put("filtered", false).put("severity", "safe");
        results.putObject("violence").put("filtered", true).put("severity", "medium");
        return results;
    }

    private static AzureError simple(int status, String code, String message) {
        return new AzureError(status, NODES.objectNode().put("code", code).put("message", message), Map.of());
    }
}
