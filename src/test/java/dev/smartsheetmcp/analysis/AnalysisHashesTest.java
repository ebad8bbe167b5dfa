package dev.smartsheetmcp.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smartsheetmcp.analysis.prompts.AnalysisType;
import dev.smartsheetmcp.analysis.prompts.PromptTemplate;
import dev.smartsheetmcp.analysis.prompts.PromptTemplates;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisHashesTest {

    private static final PromptTemplate SUMMARIZE = PromptTemplates.defaults().forType(AnalysisType.SUMMARIZE);

    @Test
    void contentHashIsTheSha256OfTheText() {
        assertThat(AnalysisHashes.content("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void specHashChangesWithEveryPartThatChangesTheAnswer() {
        String base = AnalysisHashes.spec(AnalysisType.SUMMARIZE, null, List.of(1L, 2L), SUMMARIZE);
        assertThat(base).hasSize(64).isEqualTo(AnalysisHashes.spec(AnalysisType.SUMMARIZE, null, List.of(1L, 2L), SUMMARIZE));
        assertThat(AnalysisHashes.spec(AnalysisType.SENTIMENT, null, List.of(1L, 2L), SUMMARIZE)).isNotEqualTo(base);
        assertThat(AnalysisHashes.spec(AnalysisType.SUMMARIZE, null, List.of(2L, 1L), SUMMARIZE)).isNotEqualTo(base);
        assertThat(AnalysisHashes.spec(AnalysisType.SUMMARIZE, null, List.of(1L, 2L), SUMMARIZE.withMaxTokens(7)))
                .isNotEqualTo(base);
        PromptTemplate reworded = new PromptTemplate(SUMMARIZE.systemPrompt() + " Be brief.", SUMMARIZE.initialPrompt(),
                SUMMARIZE.continuationPrompt(), SUMMARIZE.maxTokens());
        assertThat(AnalysisHashes.spec(AnalysisType.SUMMARIZE, null, List.of(1L, 2L), reworded)).isNotEqualTo(base);
        assertThat(AnalysisHashes.spec(AnalysisType.CUSTOM, "goal one", List.of(1L), SUMMARIZE))
                .isNotEqualTo(AnalysisHashes.spec(AnalysisType.CUSTOM, "goal two", List.of(1L), SUMMARIZE));
    }

    @Test
    void customSpecsDependOnTheGoalNotOnTheOptimisedPrompts() {
        PromptTemplate other = new PromptTemplate("another wording", "Text: " + PromptTemplate.CONTENT,
                PromptTemplate.CONTENT + PromptTemplate.PREVIOUS_RESULT, 99);
        assertThat(AnalysisHashes.spec(AnalysisType.CUSTOM, " goal ", List.of(1L), SUMMARIZE))
                .isEqualTo(AnalysisHashes.spec(AnalysisType.CUSTOM, "goal", List.of(1L), other));
    }

    @Test
    void builtInSpecsIgnoreAGoal() {
        assertThat(AnalysisHashes.spec(AnalysisType.SUMMARIZE, "ignored", List.of(1L), SUMMARIZE))
                .isEqualTo(AnalysisHashes.spec(AnalysisType.SUMMARIZE, null, List.of(1L), SUMMARIZE));
    }

    @Test
    void specFieldsCannotRunIntoEachOther() {
        assertThat(AnalysisHashes.spec(AnalysisType.SUMMARIZE, null, List.of(12L), SUMMARIZE))
                .isNotEqualTo(AnalysisHashes.spec(AnalysisType.SUMMARIZE, null, List.of(1L, 2L), SUMMARIZE));
    }
}
