package dev.smartsheetmcp.analysis.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smartsheetmcp.sandbox.azure.AnalysisKind;
import dev.smartsheetmcp.sandbox.azure.DeterministicAnswers;
import org.junit.jupiter.api.Test;

class PromptOptimizationTest {

    private final PromptOptimization optimization = new PromptOptimization(PromptTemplates.defaults());

    @Test
    void requestAsksForJsonWithTheOriginalPrompts() {
        PromptRequest request = optimization.request("  List the product names mentioned ");
        assertThat(request.systemPrompt()).isEqualTo(PromptOptimization.SYSTEM_PROMPT)
                .contains("'system_prompt' and 'task_prompt' keys").contains("Use {{content}} as the placeholder");
        assertThat(request.userPrompt()).isEqualTo("Create the prompts for the following analysis goal: List the product names mentioned");
        assertThat(request.jsonObject()).isTrue();
        assertThat(request.maxTokens()).isEqualTo(PromptOptimization.DEFAULT_MAX_TOKENS);
    }

    @Test
    void blankGoalIsRefusedWithTheOriginalMessage() {
        assertThatThrownBy(() -> optimization.request(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Custom goal is required for custom analysis type");
        assertThatThrownBy(() -> optimization.request(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesSystemAndTaskPromptIntoACustomTemplate() {
        PromptTemplate template = optimization.parse(
                "{\"system_prompt\":\"You extract product names.\",\"task_prompt\":\"List the products in: {{content}}\"}");
        assertThat(template.systemPrompt()).isEqualTo("You extract product names.");
        assertThat(template.initialPrompt()).isEqualTo("List the products in: {{content}}");
        assertThat(template.continuationPrompt()).isEqualTo(PromptTemplates.CUSTOM_CONTINUATION);
        assertThat(template.maxTokens()).isEqualTo(300);
    }

    @Test
    void correctDoubleBracePlaceholderIsNotTripled() {
        PromptTemplate template = optimization.parse("{\"system_prompt\":\"s\",\"task_prompt\":\"Text: {{content}}\"}");
        assertThat(template.initial("abc")).isEqualTo("Text: abc");
    }

    @Test
    void singleBraceAndSpacedPlaceholdersAreNormalised() {
        assertThat(optimization.parse("{\"system_prompt\":\"s\",\"task_prompt\":\"A {content} B\"}").initialPrompt())
                .isEqualTo("A {{content}} B");
        assertThat(optimization.parse("{\"system_prompt\":\"s\",\"task_prompt\":\"A {{ content }} B {{{content}}}\"}").initialPrompt())
                .isEqualTo("A {{content}} B {{content}}");
    }

    @Test
    void taskPromptWithoutPlaceholderGetsTheRowTextAppended() {
        PromptTemplate template = optimization.parse("{\"system_prompt\":\"s\",\"task_prompt\":\"List the product names.\"}");
        assertThat(template.initialPrompt()).isEqualTo("List the product names.\n\n{{content}}");
        assertThat(template.initial("Widget A, Widget B")).endsWith("\n\nWidget A, Widget B");
    }

    @Test
    void acceptsTheEmulatorsSinglePromptShape() {
        PromptTemplate template = optimization.parse("{\"prompt\":\"You are a careful analyst. Reply briefly.\"}");
        assertThat(template.systemPrompt()).isEqualTo("You are a careful analyst. Reply briefly.");
        assertThat(template.initialPrompt()).isEqualTo("{{content}}");
    }

    @Test
    void emulatorRoundTripGivesATemplateTheEmulatorTreatsAsCustom() {
        PromptRequest request = optimization.request("List the product names mentioned");
        String answer = DeterministicAnswers.answer(AnalysisKind.detect(request.systemPrompt()), request.userPrompt(), request.jsonObject());
        PromptTemplate template = optimization.parse(answer);

        String user = template.initial("Widget A arrived late");
        assertThat(AnalysisKind.detect(template.systemPrompt())).isEqualTo(AnalysisKind.CUSTOM);
        assertThat(DeterministicAnswers.answer(AnalysisKind.CUSTOM, user, false)).isEqualTo("Custom: Widget A arrived late");
    }

    @Test
    void missingKeysAreNamedWithTheKeysFound() {
        assertThatThrownBy(() -> optimization.parse("{\"system_prompt\":\"s\",\"prompt_text\":\"t\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lacks task_prompt")
                .hasMessageContaining("[system_prompt, prompt_text]");
        assertThatThrownBy(() -> optimization.parse("{\"system_prompt\":\"  \",\"task_prompt\":\"{{content}}\"}"))
                .hasMessageContaining("lacks system_prompt");
        assertThatThrownBy(() -> optimization.parse("{}")).hasMessageContaining("lacks system_prompt and task_prompt");
    }

    @Test
    void answerThatIsNotAJsonObjectIsRefusedQuotingItsStart() {
        assertThatThrownBy(() -> optimization.parse("Sure! Here are your prompts"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The prompt optimisation answer is not a JSON object: \"Sure! Here are your prompts\"");
        assertThatThrownBy(() -> optimization.parse("[1,2]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> optimization.parse(null)).hasMessageContaining("(no answer)");
        assertThatThrownBy(() -> optimization.parse("x".repeat(1000))).hasMessageEndingWith("…\"");
    }
}
