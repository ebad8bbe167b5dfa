package dev.smartsheetmcp.analysis.prompts;

import java.util.Map;
import java.util.Objects;

/**
 * The prompts of one analysis type. {@code initialPrompt} holds {@code {{content}}};
 * {@code continuationPrompt}, used for the second and later chunks of a long text, holds
 * {@code {{content}}} and {@code {{previous_result}}} (the answer to the chunk before).
 * {@code maxTokens} is the completion budget of every call.
 */
public record PromptTemplate(String systemPrompt, String initialPrompt, String continuationPrompt, int maxTokens) {

    public static final String CONTENT = Placeholders.token(Placeholders.CONTENT);
    public static final String PREVIOUS_RESULT = Placeholders.token(Placeholders.PREVIOUS_RESULT);

    public PromptTemplate {
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        Objects.requireNonNull(initialPrompt, "initialPrompt");
        Objects.requireNonNull(continuationPrompt, "continuationPrompt");
        if (!initialPrompt.contains(CONTENT)) {
            throw new IllegalArgumentException("The initial prompt must contain " + CONTENT);
        }
        if (!continuationPrompt.contains(CONTENT) || !continuationPrompt.contains(PREVIOUS_RESULT)) {
            throw new IllegalArgumentException("The continuation prompt must contain " + CONTENT + " and " + PREVIOUS_RESULT);
        }
        if (maxTokens <= 0) throw new IllegalArgumentException("maxTokens must be positive, was " + maxTokens);
    }

    /** The user message for the first (or only) chunk. */
    public String initial(String content) {
        return Placeholders.fill(initialPrompt, Map.of(Placeholders.CONTENT, content));
    }

    /** The user message for a later chunk, given the answer to the chunk before. */
    public String continuation(String content, String previousResult) {
        return Placeholders.fill(continuationPrompt,
                Map.of(Placeholders.CONTENT, content, Placeholders.PREVIOUS_RESULT, previousResult));
    }

    public PromptTemplate withMaxTokens(int tokens) {
        return new PromptTemplate(systemPrompt, initialPrompt, continuationPrompt, tokens);
    }
}
