package dev.smartsheetmcp.analysis.prompts;

import java.util.List;
import java.util.function.Function;

/**
 * The requests that analyse one row's text with a template. A text within the input budget is one
 * request built from the initial prompt. A longer text is chunked ({@link ContentChunker}); the first
 * chunk goes with the initial prompt and each later chunk with the continuation prompt, which carries
 * the answer to the chunk before — so the caller sends them one at a time: {@link #first}, then
 * {@link #next} with the previous answer, or lets {@link #fold} do that loop.
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

    /**
     * Sends every chunk through {@code complete} (one chat completion, answer text out) in order and
     * returns the last answer, the one that has seen the whole text.
     */
    public String fold(PromptTemplate template, String content, Function<PromptRequest, String> complete) {
        List<String> chunks = chunks(content);
        if (chunks.isEmpty()) throw new IllegalArgumentException("Rows with no content are skipped, not analysed");
        String answer = complete.apply(first(template, chunks.get(0)));
        for (String chunk : chunks.subList(1, chunks.size())) {
            answer = complete.apply(next(template, chunk, answer));
        }
        return answer;
    }

    private static String nonBlank(String chunk) {
        if (chunk == null || chunk.isBlank()) throw new IllegalArgumentException("Rows with no content are skipped, not analysed");
        return chunk;
    }
}
