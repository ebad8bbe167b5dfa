package dev.smartsheetmcp.analysis.azure;

import java.util.List;

/**
 * What {@code direct:azure-chat} takes: the messages, the completion budget ({@code max_tokens},
 * which Azure charges to the tokens-per-minute limit up front), an optional temperature, and whether
 * the answer must be a JSON object ({@code response_format json_object}; a message must then
 * mention JSON).
 */
public record ChatRequest(List<ChatMessage> messages, int maxTokens, Double temperature, boolean jsonObject) {

    public ChatRequest {
        if (messages == null || messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, got " + maxTokens);
        }
        messages = List.copyOf(messages);
    }
}
