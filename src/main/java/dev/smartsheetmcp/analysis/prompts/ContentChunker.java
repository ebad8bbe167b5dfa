package dev.smartsheetmcp.analysis.prompts;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a text whose tokens exceed the input budget into chunks of at most that many tokens, in
 * order. Chunks end on sentence boundaries ({@link BreakIterator} sentence rules), packing as many
 * whole sentences as fit; a sentence longer than the budget is split between words, and a "word"
 * longer than the budget (a long URL, a base64 blob) between code points.
 *
 * <p>Nothing is lost or reordered: each chunk is a stripped slice of the text, and the slices are
 * consecutive, so concatenating the chunks gives the text back except for the whitespace where
 * two chunks meet. A text within budget is returned unchanged as the only chunk; a blank text has
 * no chunks.
 */
public final class ContentChunker {

    /** The original server's {@code max_input_tokens}. */
    public static final int DEFAULT_MAX_INPUT_TOKENS = 6000;

    private final TokenCounter tokens;
    private final int maxInputTokens;

    public ContentChunker(TokenCounter tokens, int maxInputTokens) {
        if (maxInputTokens <= 0) throw new IllegalArgumentException("maxInputTokens must be positive, was " + maxInputTokens);
        this.tokens = tokens;
        this.maxInputTokens = maxInputTokens;
    }

    public ContentChunker(TokenCounter tokens) {
        this(tokens, DEFAULT_MAX_INPUT_TOKENS);
    }

    public int maxInputTokens() {
        return maxInputTokens;
    }

    public List<String> chunks(String content) {
        if (content == null || content.isBlank()) return List.of();
        if (tokens.count(content) <= maxInputTokens) return List.of(content);
        List<String> pieces = new ArrayList<>();
        for (String sentence : segments(content, BreakIterator.getSentenceInstance(Locale.ROOT))) {
            if (tokens.count(sentence) <= maxInputTokens) {
                pieces.add(sentence);
                continue;
            }
            for (String word : segments(sentence, BreakIterator.getWordInstance(Locale.ROOT))) {
                if (tokens.count(word) <= maxInputTokens) pieces.add(word);
                else pieces.addAll(cutByCodePoints(word));
            }
        }
        return pack(pieces);
    }

    /**
     * Greedy packing: each chunk takes the most following pieces whose joined, stripped text fits,
     * found by bisection on the exact count (summing the pieces' counts would overestimate, since
     * tokens merge where pieces meet). A single piece always fits, so every step makes progress.
     */
    private List<String> pack(List<String> pieces) {
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (start < pieces.size()) {
            int low = start + 1;
            int high = pieces.size();
            while (low < high) {
                int middle = (low + high + 1) >>> 1;
                if (tokens.count(join(pieces, start, middle)) <= maxInputTokens) low = middle;
                else high = middle - 1;
            }
            String chunk = join(pieces, start, low);
            if (!chunk.isEmpty()) chunks.add(chunk);
            start = low;
        }
        return chunks;
    }

    private static String join(List<String> pieces, int from, int to) {
        return String.join("", pieces.subList(from, to)).strip();
    }

    private static List<String> segments(String text, BreakIterator boundaries) {
        boundaries.setText(text);
        List<String> segments = new ArrayList<>();
        int start = boundaries.first();
        for (int end = boundaries.next(); end != BreakIterator.DONE; start = end, end = boundaries.next()) {
            segments.add(text.substring(start, end));
        }
        return segments;
    }

    /** Longest prefixes within budget, found by bisection on code points. */
    private List<String> cutByCodePoints(String word) {
        List<String> parts = new ArrayList<>();
        String rest = word;
        while (tokens.count(rest) > maxInputTokens) {
            int low = 1;
            int high = rest.codePointCount(0, rest.length());
            while (low < high) {
                int middle = (low + high + 1) >>> 1;
                if (tokens.count(rest.substring(0, rest.offsetByCodePoints(0, middle))) <= maxInputTokens) low = middle;
                else high = middle - 1;
            }
            int end = rest.offsetByCodePoints(0, low);
            parts.add(rest.substring(0, end));
            rest = rest.substring(end);
        }
        if (!rest.isEmpty()) parts.add(rest);
        return parts;
    }
}
