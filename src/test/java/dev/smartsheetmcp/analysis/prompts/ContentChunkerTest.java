package dev.smartsheetmcp.analysis.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContentChunkerTest {

    private final TokenCounter tokens = new TokenCounter();

    @Test
    void textWithinBudgetIsTheOnlyChunkUnchanged() {
        String text = "  Late delivery. Refund requested.  ";
        assertThat(new ContentChunker(tokens).chunks(text)).containsExactly(text);
    }

    @Test
    void blankTextHasNoChunks() {
        assertThat(new ContentChunker(tokens).chunks(" \n ")).isEmpty();
        assertThat(new ContentChunker(tokens).chunks(null)).isEmpty();
    }

    @Test
    void twentyThousandTokenTextSplitsIntoChunksWithinTheDefaultBudgetOnSentenceBoundaries() {
        String text = longText(20_000);
        assertThat(tokens.count(text)).isGreaterThanOrEqualTo(20_000);

        List<String> chunks = new ContentChunker(tokens).chunks(text);

        assertThat(chunks).hasSize(4);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(tokens.count(chunk)).isLessThanOrEqualTo(ContentChunker.DEFAULT_MAX_INPUT_TOKENS);
            assertThat(chunk).startsWith("Customer ").endsWith(".");
        });
        assertConsecutiveSlicesOf(text, chunks);
    }

    @Test
    void chunksArePackedGreedily() {
        String text = longText(20_000);
        List<String> chunks = new ContentChunker(tokens).chunks(text);
        for (int i = 0; i + 1 < chunks.size(); i++) {
            String nextSentence = chunks.get(i + 1).substring(0, chunks.get(i + 1).indexOf('.') + 1);
            assertThat(tokens.count(chunks.get(i) + " " + nextSentence)).isGreaterThan(ContentChunker.DEFAULT_MAX_INPUT_TOKENS);
        }
    }

    @Test
    void sentenceLongerThanTheBudgetIsSplitBetweenWords() {
        String sentence = "word ".repeat(300).strip() + ".";
        List<String> chunks = new ContentChunker(tokens, 50).chunks("Short one. " + sentence + " Last one.");

        assertThat(chunks.size()).isGreaterThan(5);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(tokens.count(chunk)).isLessThanOrEqualTo(50);
            assertThat(chunk).doesNotStartWith("ord").doesNotEndWith("wor");
        });
        assertConsecutiveSlicesOf("Short one. " + sentence + " Last one.", chunks);
    }

    @Test
    void wordLongerThanTheBudgetIsCutBetweenCodePointsLosingNothing() {
        String blob = "é😀x".repeat(400);
        List<String> chunks = new ContentChunker(tokens, 40).chunks(blob);

        assertThat(chunks.size()).isGreaterThan(1);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(tokens.count(chunk)).isLessThanOrEqualTo(40);
            assertThat(Character.isLowSurrogate(chunk.charAt(0))).isFalse();
        });
        assertThat(String.join("", chunks)).isEqualTo(blob);
    }

    @Test
    void linesWithoutFullStopsStillSplitAndKeepTheirOrder() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) text.append("Feedback ").append(i).append(": parcel arrived damaged again\n");
        List<String> chunks = new ContentChunker(tokens, 100).chunks(text.toString());
        assertThat(chunks).allSatisfy(chunk -> assertThat(tokens.count(chunk)).isLessThanOrEqualTo(100));
        assertConsecutiveSlicesOf(text.toString(), chunks);
    }

    /** Each chunk is the next slice of the text; only whitespace lies between or around them. */
    static void assertConsecutiveSlicesOf(String text, List<String> chunks) {
        int position = 0;
        for (String chunk : chunks) {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) position++;
            assertThat(text.startsWith(chunk, position)).as("chunk at %d: %s", position, chunk).isTrue();
            position += chunk.length();
        }
        assertThat(text.substring(position)).isBlank();
        assertThat(String.join("", chunks).replaceAll("\\s+", "")).isEqualTo(text.replaceAll("\\s+", ""));
    }

    static String longText(int minimumTokens) {
        TokenCounter counter = new TokenCounter();
        StringBuilder text = new StringBuilder();
        String[] topics = {"the invoice was wrong", "the parcel came late", "support was helpful", "the app crashed twice"};
        for (int i = 0; counter.count(text.toString()) < minimumTokens; i++) {
            for (int j = 0; j < 100; j++, i++) {
                text.append("Customer ").append(i).append(" wrote that ").append(topics[i % topics.length])
                        .append(" and asked for a reply by day ").append(i % 28 + 1).append(". ");
            }
        }
        return text.toString().strip();
    }
}
