package dev.smartsheetmcp.smartsheet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smartsheetmcp.toolkit.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Reads one Smartsheet HTTP answer: a success becomes the parsed JSON body (ids stay 64-bit
 * longs); an error becomes a {@link SmartsheetApiException}, retryable or not as Smartsheet
 * documents. A server-given Retry-After sets Camel's redelivery delay for the next attempt.
 */
public final class SmartsheetResponses {

    private static final ObjectMapper JSON = Json.MAPPER;
    private static final Set<Integer> TRANSIENT_SERVER_CODES = Set.of(4000, 4001, 4002, 4004);
    private static final int RATE_LIMITED = 4003;

    public void read(Exchange exchange) {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        // the bytes as they came: parsed once, not decoded into a String first
        byte[] body = message.getBody(byte[].class);
        if (status >= 200 && status < 300) {
            message.setBody(parseSuccess(exchange, status, body));
            return;
        }
        rememberRetryAfter(message);
        throw failure(status, body == null ? null : new String(body, StandardCharsets.UTF_8));
    }

    private static JsonNode parseSuccess(Exchange exchange, int status, byte[] body) {
        try {
            JsonNode json = body == null ? null : JSON.readTree(body);
            if (json != null && json.isContainerNode()) return json;
        } catch (IOException e) {
            // a garbled success: the request may have been applied
        }
        throw unconfirmed(exchange, status, "Smartsheet answered HTTP " + status + " with malformed JSON");
    }

    /**
     * No valid answer to a request that may have been applied. A read is retried; an update is
     * retried after checking what was applied (see {@link RowWriteReconciler}); adding rows is not
     * retried, since a second add could duplicate them.
     */
    private static SmartsheetApiException unconfirmed(Exchange exchange, int status, String what) {
        if ("POST".equals(exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class))) {
            return new SmartsheetApiException(status, 0, what + "; the request may or may not have been applied,"
                    + " so it was not sent again: check before repeating it", null);
        }
        return new SmartsheetUnavailableException(status, 0, what, null, true);
    }

    /** The answer to an update the reconciler found applied already: success, nothing written now. */
    public JsonNode alreadyApplied() {
        return JSON.createObjectNode().put("message", "SUCCESS").put("resultCode", 0).set("result", JSON.createArrayNode());
    }

    /** The request got no answer: refused or unreachable (never sent, retryable), or reset, dropped, timed out. */
    public void noAnswer(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String what = "Smartsheet did not answer (" + (cause == null ? "no answer" : cause.getClass().getSimpleName()) + ")";
        throw neverSent(cause) ? new SmartsheetUnavailableException(0, 0, what, null) : unconfirmed(exchange, 0, what);
    }

    private static boolean neverSent(Exception cause) {
        return cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException
                || cause instanceof org.apache.hc.client5.http.ConnectTimeoutException
                || cause instanceof org.apache.hc.core5.http.ConnectionRequestTimeoutException;
    }

    static SmartsheetApiException failure(int status, String body) {
        JsonNode error = readErrorBody(body);
        int errorCode = error.path("errorCode").asInt(0);
        String text = error.path("message").asText("HTTP " + status + " without an error body");
        String refId = error.path("refId").isMissingNode() ? null : error.path("refId").asText();
        boolean retryable = status == 429 || errorCode == RATE_LIMITED || status == 503 || status == 502
                || status == 504 || (status == 500 && (errorCode == 0 || TRANSIENT_SERVER_CODES.contains(errorCode)));
        return retryable ? new SmartsheetUnavailableException(status, errorCode, text, refId)
                : new SmartsheetApiException(status, errorCode, text, refId);
    }

    private static JsonNode readErrorBody(String body) {
        try {
            JsonNode json = JSON.readTree(body == null ? "" : body);
            return json == null ? JSON.createObjectNode() : json;
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    private static void rememberRetryAfter(Message message) {
        String retryAfter = message.getHeader("Retry-After", String.class);
        if (retryAfter == null) return;
        try {
            message.setHeader(Exchange.REDELIVERY_DELAY, Long.parseLong(retryAfter.trim()) * 1000);
        } catch (NumberFormatException ignored) {
            // an HTTP date instead of seconds: keep the exponential backoff
        }
    }
}
