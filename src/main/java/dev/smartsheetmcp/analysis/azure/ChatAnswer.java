package dev.smartsheetmcp.analysis.azure;

/**
 * What {@code direct:azure-chat} answers: the assistant's content, why it stopped ({@code stop},
 * or {@code length} when {@code max_tokens} cut it short), the deployment that answered (the
 * fallback's name when it took the call), and the usage Azure billed.
 */
public record ChatAnswer(String content, String finishReason, String deployment, int promptTokens,
                         int completionTokens) {
}
