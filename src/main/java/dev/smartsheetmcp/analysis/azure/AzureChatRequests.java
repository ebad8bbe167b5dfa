package dev.smartsheetmcp.analysis.azure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smartsheetmcp.analysis.prompts.TokenCounter;
import dev.smartsheetmcp.toolkit.Json;
import org.apache.camel.Exchange;

/**
 * Turns a {@link ChatRequest} into the chat completions request body (UTF-8 JSON bytes) and
 * records what Azure will charge it against the tokens-per-minute limit: the prompt's tokens with
 * their chat framing, as the model's encoding counts them, plus {@code max_tokens}.
 */
public final class AzureChatRequests {

    /** Exchange property: the tokens the request is charged ({@link AzureQuota}). */
    public static final String TOKEN_COST = "AzureTokenCost";

    private static final ObjectMapper JSON = Json.MAPPER;

    private final TokenCounter tokens;

    /** Counts with the deployment's encoding ({@code azure.tokenizer}), as the prompts are chunked. */
    public AzureChatRequests(TokenCounter tokens) {
        this.tokens = tokens;
    }

    public byte[] write(ChatRequest request, Exchange exchange) {
        exchange.setProperty(TOKEN_COST, estimatedTokens(request));
        try {
            return JSON.writeValueAsBytes(body(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /** The chat completions request body (a Batch API request line's {@code body}, with {@code model} added). */
    public static ObjectNode body(ChatRequest request) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode messages = body.putArray("messages");
        request.messages().forEach(m -> messages.addObject().put("role", m.role()).put("content", m.content()));
        body.put("max_tokens", request.maxTokens());
        if (request.temperature() != null) body.put("temperature", request.temperature());
        if (request.jsonObject()) body.putObject("response_format").put("type", "json_object");
        return body;
    }

    /**
     * What Azure charges the request against the TPM quota before the model runs: its prompt tokens
     * plus {@code max_tokens}.
     */
    int estimatedTokens(ChatRequest request) {
        return promptTokens(request) + request.maxTokens();
    }

    /**
     * The prompt's tokens as the service counts them in {@code usage.prompt_tokens}: every message
     * with its framing, and the tokens priming the reply; special-token markers in user text count
     * as ordinary text.
     */
    int promptTokens(ChatRequest request) {
        return request.messages().stream().mapToInt(m -> tokens.message(m.role(), m.content())).sum()
                + TokenCounter.REPLY_PRIMING_TOKENS;
    }
}
