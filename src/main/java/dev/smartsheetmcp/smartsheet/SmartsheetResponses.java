package dev.smartsheetmcp.smartsheet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Reads one Smartsheet HTTP answer: a success becomes the parsed JSON body (ids stay 64-bit
 * longs); an error becomes a {@link SmartsheetApiException}, retryable or not as Smartsheet
 * documents. A server-given Retry-After sets Camel's redelivery delay for the next attempt.
 */
public final class SmartsheetResponses {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> TRANSIENT_SERVER_CODES = Set.of(4000, 4001, 4002, 4004);
    private static final int RATE_LIMITED = 4003;

    public void read(Exchange exchange) {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = message.getBody(String.class);
        if (status >= 200 && status < 300) {
            message.setBody(parseSuccess(status, body));
            return;
        }
        rememberRetryAfter(message);
        throw failure(status, body);
    }

    private static JsonNode parseSuccess(int status, String body) {
        try {
            JsonNode json = JSON.readTree(body == null ? "" : body);
            if (json == null || json.isMissingNode() || !json.isContainerNode()) {
                throw new SmartsheetUnavailableException(status, 0, "Smartsheet sent an empty or non-JSON answer", null);
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new SmartsheetUnavailableException(status, 0, "Smartsheet sent malformed JSON", null);
        }
    }

    /** The request got no answer: refused, reset, dropped or timed out. Retryable. */
    public void noAnswer(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String what = cause == null ? "no answer" : cause.getClass().getSimpleName();
        throw new SmartsheetUnavailableException(0, 0, "Smartsheet did not answer (" + what + ")", null);
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
