package dev.smartsheetmcp.analysis.azure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.smartsheetmcp.toolkit.Json;
import org.apache.camel.Exchange;

/**
 * Turns a {@link ChatRequest} into the chat completions request body (UTF-8 JSON bytes) and
 * records what Azure will charge it against the tokens-per-minute limit: the prompt's tokens with
 * their chat framing, as the model's encoding counts them, plus {@code max_tokens}.
 */
public final class AzureChatRequests {

    /** Exchange property: the tokens the request is charged ({@link AzureTokenBudget}). */
    public static final String TOKEN_COST = "AzureTokenCost";

    private static final ObjectMapper JSON = Json.MAPPER;

    private EncodingType encodingType = EncodingType.O200K_BASE;
    private volatile Encoding encoding;

    /** {@code o200k_base} (GPT-4o family) or {@code cl100k_base} (GPT-4, GPT-3.5). */
    public void setTokenizer(String name) {
        this.encodingType = EncodingType.fromName(name == null ? "" : name.trim())
                .orElseThrow(() -> new IllegalArgumentException(
                        "azure.tokenizer must be o200k_base or cl100k_base, got '" + name + "'"));
    }

    public byte[] write(ChatRequest request, Exchange exchange) {
        exchange.setProperty(TOKEN_COST, estimatedTokens(request));
        ObjectNode body = JSON.createObjectNode();
        ArrayNode messages = body.putArray("messages");
        request.messages().forEach(m -> messages.addObject().put("role", m.role()).put("content", m.content()));
        body.put("max_tokens", request.maxTokens());
        if (request.temperature() != null) body.put("temperature", request.temperature());
        if (request.jsonObject()) body.putObject("response_format").put("type", "json_object");
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /**
     * What Azure charges the request against the TPM quota before the model runs: the prompt with its
     * chat framing (3 tokens a message plus its role, and 3 priming the reply, as OpenAI documents
     * for these models) plus {@code max_tokens}.
     */
    int estimatedTokens(ChatRequest request) {
        int framing = request.messages().stream().mapToInt(m -> 3 + encoding().countTokensOrdinary(m.role())).sum() + 3;
        return promptTokens(request) + framing + request.maxTokens();
    }

    /** Tokens of the message contents; special-token markers in user text count as ordinary text. */
    int promptTokens(ChatRequest request) {
        return request.messages().stream()
                .mapToInt(m -> m.content().isEmpty() ? 0 : encoding().countTokensOrdinary(m.content()))
                .sum();
    }

    /** Loaded on first use: the vocabularies take a while, and the application may run without Azure. */
    private Encoding encoding() {
        Encoding loaded = encoding;
        if (loaded == null) {
            loaded = Encodings.newLazyEncodingRegistry().getEncoding(encodingType);
            encoding = loaded;
        }
        return loaded;
    }
}
