package dev.smartsheetmcp.analysis.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smartsheetmcp.sandbox.azure.AnalysisKind;
import dev.smartsheetmcp.sandbox.azure.DeterministicAnswers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PromptTemplatesTest {

    private final PromptTemplates templates = PromptTemplates.defaults();

    @ParameterizedTest
    @EnumSource(value = AnalysisType.class, names = {"SUMMARIZE", "SENTIMENT", "INTERPRET"})
    void emulatorDetectsEachBuiltInSystemPromptAsItsOwnKind(AnalysisType type) {
        assertThat(AnalysisKind.detect(templates.forType(type).systemPrompt())).isEqualTo(AnalysisKind.valueOf(type.name()));
    }

    @Test
    void optimisationSystemPromptIsDetectedAsPromptOptimisation() {
        assertThat(AnalysisKind.detect(PromptOptimization.SYSTEM_PROMPT)).isEqualTo(AnalysisKind.PROMPT_OPTIMIZATION);
    }

    @Test
    void keepsTheOriginalPromptsWordForWord() {
        PromptTemplate summarize = templates.forType(AnalysisType.SUMMARIZE);
        assertThat(summarize.systemPrompt()).isEqualTo(
                "You are an AI assistant specialized in summarizing text. Provide clear, concise summaries that capture the main points.");
        assertThat(summarize.initialPrompt()).isEqualTo("Summarize the following text concisely: {{content}}");
        assertThat(summarize.continuationPrompt()).isEqualTo("Continue summarizing, incorporating this new content while maintaining"
                + " consistency with the previous summary: {{content}}\n\nPrevious summary: {{previous_result}}");
        PromptTemplate sentiment = templates.forType(AnalysisType.SENTIMENT);
        assertThat(sentiment.initialPrompt()).isEqualTo("Analyze the sentiment of the following text. Return only a number between"
                + " -1 (most negative) and 1 (most positive): {{content}}");
        assertThat(templates.forType(AnalysisType.INTERPRET).initialPrompt())
                .isEqualTo("Interpret and extract key insights from the following text: {{content}}");
    }

    @Test
    void interpretSystemPromptIsGeneralNotHealthcareOnly() {
        String system = templates.forType(AnalysisType.INTERPRET).systemPrompt();
        assertThat(system).containsIgnoringCase("interpret").doesNotContainIgnoringCase("healthcare").doesNotContainIgnoringCase("summar");
    }

    @Test
    void maxTokensFollowTheOriginalByDefault() {
        assertThat(templates.forType(AnalysisType.SUMMARIZE).maxTokens()).isEqualTo(150);
        assertThat(templates.forType(AnalysisType.SENTIMENT).maxTokens()).isEqualTo(10);
        assertThat(templates.forType(AnalysisType.INTERPRET).maxTokens()).isEqualTo(300);
        assertThat(templates.custom("Be brief.", "{{content}}").maxTokens()).isEqualTo(300);
    }

    @Test
    void maxTokensCanBeOverriddenByTypeNameAsPropertiesWould() {
        PromptTemplates tuned = PromptTemplates.withMaxTokens(Map.of("sentiment", 16, "custom", 500));
        assertThat(tuned.forType(AnalysisType.SENTIMENT).maxTokens()).isEqualTo(16);
        assertThat(tuned.forType(AnalysisType.SUMMARIZE).maxTokens()).isEqualTo(150);
        assertThat(tuned.custom("Be brief.", "{{content}}").maxTokens()).isEqualTo(500);
        assertThatThrownBy(() -> PromptTemplates.withMaxTokens(Map.of("sentiment", 0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PromptTemplates.withMaxTokens(Map.of("tone", 5))).hasMessageContaining("allowed values");
    }

    @Test
    void customIsNotABuiltInTemplate() {
        assertThatThrownBy(() -> templates.forType(AnalysisType.CUSTOM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PromptOptimization");
    }

    @Test
    void templateWithoutContentPlaceholderIsRefused() {
        assertThatThrownBy(() -> new PromptTemplate("s", "no placeholder", "{{content}} {{previous_result}}", 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{{content}}");
        assertThatThrownBy(() -> new PromptTemplate("s", "{{content}}", "{{content}} only", 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{{previous_result}}");
    }

    @Test
    void promptWordsDoNotSwayTheEmulatorsSentimentOfTheRowText() {
        PromptTemplate sentiment = templates.forType(AnalysisType.SENTIMENT);
        String row = "Great service, fast delivery, but the app is slow. Thanks!";
        assertThat(DeterministicAnswers.answer(AnalysisKind.detect(sentiment.systemPrompt()), sentiment.initial(row), false))
                .isEqualTo("Positive (score 0.50)");
    }
}
