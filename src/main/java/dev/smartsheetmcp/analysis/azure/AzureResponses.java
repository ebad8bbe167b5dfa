package dev.smartsheetmcp.analysis.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smartsheetmcp.toolkit.Json;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Reads one chat completions answer. A 200 with the documented shape becomes a {@link ChatAnswer};
 * a filtered prompt or answer an {@link AzureContentFilterException}; 429 an
 * {@link AzureRateLimitedException} whose {@code retry-after-ms} (or {@code retry-after}) sets
 * Camel's delay before the next attempt; 408, 5xx, malformed bodies and lost connections an
 * {@link AzureUnavailableException}; any other status an {@link AzureRequestException}.
 */
public final class AzureResponses {

    /** Exchange property: 429s in a row on this call to this deployment (see {@link AzureRetryPolicy}). */
    public static final String RATE_LIMITS_IN_A_ROW = "AzureRateLimitsInARow";

    private static final ObjectMapper JSON = Json.MAPPER;
    private static final int MAX_TEXT = 300;

    public ChatAnswer read(Exchange exchange) {
        Message message = exchange.getMessage();
        String deployment = exchange.getProperty(AzureDeployments.CURRENT, String.class);
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        byte[] body = message.getBody(byte[].class);
        if (status == 429) {
            exchange.setProperty(RATE_LIMITS_IN_A_ROW, exchange.getProperty(RATE_LIMITS_IN_A_ROW, 0, Integer.class) + 1);
            rememberRetryAfter(message);
        } else {
            exchange.removeProperty(RATE_LIMITS_IN_A_ROW);
        }
        if (status == 200) return answer(deployment, parse(body));
        throw failure(status, error(body), deployment);
    }

    /** The request got no answer: refused, reset, dropped or timed out. Retryable. */
    public void noAnswer(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String what = cause == null ? "no answer" : cause.getClass().getSimpleName();
        exchange.removeProperty(RATE_LIMITS_IN_A_ROW);
        throw new AzureUnavailableException(0, null, exchange.getProperty(AzureDeployments.CURRENT, String.class),
                "Azure OpenAI did not answer (" + what + ")");
    }

    /** The deployment's circuit breaker refused the call. */
    public void circuitOpen(Exchange exchange) {
        CallNotPermittedException open = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, CallNotPermittedException.class);
        throw new AzureCircuitOpenException(exchange.getProperty(AzureDeployments.CURRENT, String.class),
                open == null ? "unknown" : open.getCausingCircuitBreakerName());
    }

    private static ChatAnswer answer(String deployment, JsonNode completion) {
        JsonNode choice = completion.path("choices").path(0);
        JsonNode finishReason = choice.path("finish_reason");
        JsonNode usage = completion.path("usage");
        if (!finishReason.isTextual() || !usage.path("prompt_tokens").canConvertToInt()
                || !usage.path("completion_tokens").canConvertToInt()) {
            throw malformed(deployment, "an answer without choices[0].finish_reason or usage");
        }
        if (finishReason.asText().equals("content_filter")) {
            throw new AzureContentFilterException(200, deployment, false,
                    "the answer was filtered" + categories(choice.path("content_filter_results")));
        }
        JsonNode content = choice.path("message").path("content");
        if (!content.isTextual()) throw malformed(deployment, "an answer without choices[0].message.content");
        return new ChatAnswer(content.asText(), finishReason.asText(), deployment,
                usage.path("prompt_tokens").asInt(), usage.path("completion_tokens").asInt());
    }

    static AzureOpenAiException failure(int status, JsonNode error, String deployment) {
        String code = error.path("code").isValueNode() ? error.path("code").asText() : null;
        String text = shortened(error.path("message").asText("HTTP " + status + " without an error body"));
        if ("content_filter".equals(code)) {
            return new AzureContentFilterException(status, deployment, true,
                    "the prompt was filtered" + categories(error.path("innererror").path("content_filter_result")));
        }
        if (status == 429) return new AzureRateLimitedException(code, deployment, text);
        if (status == 408 || status >= 500) return new AzureUnavailableException(status, code, deployment, text);
        return new AzureRequestException(status, code, deployment, text);
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode json = JSON.readTree(body == null ? new byte[0] : body);
            return json == null ? JSON.missingNode() : json;
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    private static JsonNode error(byte[] body) {
        return parse(body).path("error");
    }

    private static AzureUnavailableException malformed(String deployment, String what) {
        return new AzureUnavailableException(200, null, deployment, "Azure OpenAI sent " + what + " (malformed JSON)");
    }

    /** " (violence)" for the categories a filter verdict marks as filtered. */
    private static String categories(JsonNode results) {
        List<String> filtered = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = results.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> category = it.next();
            if (category.getValue().path("filtered").asBoolean(false)) filtered.add(category.getKey());
        }
        return filtered.isEmpty() ? "" : " (" + String.join(", ", filtered) + ")";
    }

    private static String shortened(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }

    private static void rememberRetryAfter(Message message) {
        Long millis = retryAfterMillis(message);
        if (millis != null) message.setHeader(Exchange.REDELIVERY_DELAY, millis);
    }

    /** A 429's {@code retry-after-ms}, else its {@code retry-after} in seconds; null when it names neither. */
    static Long retryAfterMillis(Message message) {
        Long millis = number(message.getHeader("retry-after-ms", String.class));
        if (millis != null) return millis;
        Long seconds = number(message.getHeader("retry-after", String.class));
        return seconds == null ? null : seconds * 1000;
    }

    private static Long number(String value) {
        if (value == null) return null;
        try {
            return Math.max(0, (long) Double.parseDouble(value.trim()));
        } catch (NumberFormatException ignored) {
            return null; // an HTTP date instead of a delay: keep the exponential backoff
        }
    }
}
