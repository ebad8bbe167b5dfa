package dev.smartsheetmcp.analysis.prompts;

import java.util.List;

/**
 * The requests that analyse one row's text with a template. A text within the input budget is one
 * request built from the initial prompt. A longer text is chunked ({@link ContentChunker}); the first
 * chunk goes with the initial prompt and each later chunk with the continuation prompt, which carries
 * the answer to the chunk before — so the caller sends them one at a time: {@link #first}, then
 * {@link #next} with the previous answer.
 *
 * <p>Answers are plain text (no JSON mode): they go into a cell as they are.
 */
public final class PromptBuilder {

    private final ContentChunker chunker;

    public PromptBuilder(ContentChunker chunker) {
        this.chunker = chunker;
    }

    /** The chunks to send, in order; one for a text within budget, none for a blank text. */
    public List<String> chunks(String content) {
        return chunker.chunks(content);
    }

    public PromptRequest first(PromptTemplate template, String chunk) {
        return new PromptRequest(template.systemPrompt(), template.initial(nonBlank(chunk)), template.maxTokens(), false);
    }

    public PromptRequest next(PromptTemplate template, String chunk, String previousResult) {
        if (previousResult == null) throw new IllegalArgumentException("A continuation needs the previous chunk's answer");
        return new PromptRequest(template.systemPrompt(), template.continuation(nonBlank(chunk), previousResult),
                template.maxTokens(), false);
    }

    private static String nonBlank(String chunk) {
        if (chunk == null || chunk.isBlank()) throw new IllegalArgumentException("Rows with no content are skipped, not analysed");
        return chunk;
    }
}
