package dev.smartsheetmcp.analysis.prompts;

import java.util.EnumMap;
import java.util.Map;

/**
 * The built-in prompts of the original server (research notes §5.2, kept word for word except the
 * interpret system prompt) and the completion budgets per type, which can be overridden so they
 * become properties ({@code analysis.max-tokens.summarize=150} → {@link #withMaxTokens}).
 *
 * <p>The system prompts are also what the Azure emulator reads to choose its answer
 * ({@code AnalysisKind.detect}): summarize says "summar", sentiment says "sentiment" and not
 * "summar", interpret says "interpret" and neither of the others. The original interpret prompt
 * ("…analyzing text for healthcare and medical contexts…") did not say "interpret" and was
 * healthcare-only; it is generalised here.
 */
public final class PromptTemplates {

    /** Completion budgets of §5.2; custom as the original's custom template. */
    public static final Map<AnalysisType, Integer> DEFAULT_MAX_TOKENS = Map.of(
            AnalysisType.SUMMARIZE, 150,
            AnalysisType.SENTIMENT, 10,
            AnalysisType.INTERPRET, 300,
            AnalysisType.CUSTOM, 300);

    static final String SUMMARIZE_SYSTEM = "You are an AI assistant specialized in summarizing text. "
            + "Provide clear, concise summaries that capture the main points.";
    static final String SUMMARIZE_INITIAL = "Summarize the following text concisely: {{content}}";
    static final String SUMMARIZE_CONTINUATION = "Continue summarizing, incorporating this new content while "
            + "maintaining consistency with the previous summary: {{content}}\n\nPrevious summary: {{previous_result}}";

    static final String SENTIMENT_SYSTEM = "You are an AI assistant specialized in sentiment analysis. "
            + "Provide numerical sentiment scores between -1 and 1.";
    static final String SENTIMENT_INITIAL = "Analyze the sentiment of the following text. "
            + "Return only a number between -1 (most negative) and 1 (most positive): {{content}}";
    static final String SENTIMENT_CONTINUATION = "Analyze the sentiment of this additional content, considering it "
            + "together with the previous analysis ({{previous_result}}). Return a single number between -1 and 1: {{content}}";

    static final String INTERPRET_SYSTEM = "You are an AI assistant specialized in interpreting text in its "
            + "business or domain context. Extract key insights and patterns.";
    static final String INTERPRET_INITIAL = "Interpret and extract key insights from the following text: {{content}}";
    static final String INTERPRET_CONTINUATION = "Continue analysis, incorporating these new items while maintaining "
            + "consistency with previous insights.\n\nPrevious insights: {{previous_result}}\n\nNew content: {{content}}";

    static final String CUSTOM_CONTINUATION = "Continue the analysis, incorporating this new content while "
            + "maintaining consistency with previous results.\n\nPrevious results: {{previous_result}}\n\nNew content: {{content}}";

    private static final PromptTemplates DEFAULTS = new PromptTemplates(Map.of());

    private final Map<AnalysisType, Integer> maxTokens = new EnumMap<>(DEFAULT_MAX_TOKENS);

    /** @param maxTokensOverrides budgets replacing the defaults; types not named keep theirs */
    public PromptTemplates(Map<AnalysisType, Integer> maxTokensOverrides) {
        maxTokensOverrides.forEach((type, tokens) -> {
            if (tokens == null || tokens <= 0) {
                throw new IllegalArgumentException("max tokens for " + type.wireName() + " must be positive, was " + tokens);
            }
            maxTokens.put(type, tokens);
        });
    }

    public static PromptTemplates defaults() {
        return DEFAULTS;
    }

    /** Overrides keyed by type name as in properties ({@code "summarize" → 200}); unknown names are refused. */
    public static PromptTemplates withMaxTokens(Map<String, Integer> byTypeName) {
        Map<AnalysisType, Integer> overrides = new EnumMap<>(AnalysisType.class);
        byTypeName.forEach((name, tokens) -> overrides.put(AnalysisType.parse(name), tokens));
        return new PromptTemplates(overrides);
    }

    public int maxTokens(AnalysisType type) {
        return maxTokens.get(type);
    }

    /**
     * The built-in template of {@code type}. A custom template depends on the user's goal, so
     * {@link AnalysisType#CUSTOM} is refused here: use {@link PromptOptimization} or {@link #custom}.
     */
    public PromptTemplate forType(AnalysisType type) {
        return switch (type) {
            case SUMMARIZE -> new PromptTemplate(SUMMARIZE_SYSTEM, SUMMARIZE_INITIAL, SUMMARIZE_CONTINUATION, maxTokens(type));
            case SENTIMENT -> new PromptTemplate(SENTIMENT_SYSTEM, SENTIMENT_INITIAL, SENTIMENT_CONTINUATION, maxTokens(type));
            case INTERPRET -> new PromptTemplate(INTERPRET_SYSTEM, INTERPRET_INITIAL, INTERPRET_CONTINUATION, maxTokens(type));
            case CUSTOM -> throw new IllegalArgumentException(
                    "A custom template is built from the user's goal (PromptOptimization), not taken from the built-ins");
        };
    }

    /** A custom template: the optimised prompts, the shared custom continuation and the custom budget. */
    public PromptTemplate custom(String systemPrompt, String taskPrompt) {
        return new PromptTemplate(systemPrompt, taskPrompt, CUSTOM_CONTINUATION, maxTokens(AnalysisType.CUSTOM));
    }
}
