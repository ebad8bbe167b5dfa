package dev.smartsheetmcp.analysis.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromptBuilderTest {

    private final TokenCounter tokens = new TokenCounter();
    private final PromptBuilder builder = new PromptBuilder(new ContentChunker(tokens));
    private final PromptTemplate summarize = PromptTemplates.defaults().forType(AnalysisType.SUMMARIZE);

    @Test
    void textWithinBudgetIsOneRequestWithTheInitialPrompt() {
        List<String> chunks = builder.chunks("Late delivery.");
        assertThat(chunks).containsExactly("Late delivery.");

        PromptRequest request = builder.first(summarize, chunks.get(0));
        assertThat(request).isEqualTo(new PromptRequest(summarize.systemPrompt(),
                "Summarize the following text concisely: Late delivery.", 150, false));
    }

    @Test
    void laterChunksUseTheContinuationPromptWithThePreviousAnswer() {
        PromptRequest request = builder.next(summarize, "More text.", "Summary so far.");
        assertThat(request.userPrompt()).isEqualTo("Continue summarizing, incorporating this new content while maintaining"
                + " consistency with the previous summary: More text.\n\nPrevious summary: Summary so far.");
        assertThat(request.systemPrompt()).isEqualTo(summarize.systemPrompt());
        assertThat(request.maxTokens()).isEqualTo(150);
    }

    @Test
    void dollarsAndBackslashesInContentAreInsertedLiterally() {
        String content = "Paid $1.00 via C:\\temp\\$0 and \\1 $2";
        assertThat(builder.first(summarize, content).userPrompt())
                .isEqualTo("Summarize the following text concisely: " + content);
        assertThat(builder.next(summarize, content, "prev $1 \\n").userPrompt())
                .contains(content).endsWith("Previous summary: prev $1 \\n");
    }

    @Test
    void placeholdersInsideRowTextAreNotFilled() {
        String content = "Template says {{previous_result}} and {{content}}";
        assertThat(builder.next(summarize, content, "PREV").userPrompt())
                .contains(": Template says {{previous_result}} and {{content}}\n\nPrevious summary: PREV");
    }

    @Test
    void blankChunkIsRefusedBecauseEmptyRowsAreSkipped() {
        assertThatThrownBy(() -> builder.first(summarize, "  ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("skipped");
    }

}
