package dev.smartsheetmcp.analysis.prompts;

import java.util.Objects;

/**
 * One chat completion to ask for: a system message, a user message, the completion budget and
 * whether the answer must be a JSON object ({@code response_format {"type":"json_object"}}).
 * Temperature is the caller's (the original server always used 0.3).
 */
public record PromptRequest(String systemPrompt, String userPrompt, int maxTokens, boolean jsonObject) {

    public PromptRequest {
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        Objects.requireNonNull(userPrompt, "userPrompt");
        if (maxTokens <= 0) throw new IllegalArgumentException("maxTokens must be positive, was " + maxTokens);
    }
}
