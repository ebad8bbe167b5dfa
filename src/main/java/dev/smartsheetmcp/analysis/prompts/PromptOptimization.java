package dev.smartsheetmcp.analysis.prompts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smartsheetmcp.toolkit.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one extra call that turns a {@code custom} analysis goal into a template (research notes
 * §5.3): {@link #request} asks the model for a JSON object, {@link #parse} builds the template.
 *
 * <p>Accepted answers:
 * <ul>
 *   <li>{@code {"system_prompt": "...", "task_prompt": "..."}}, the shape the system prompt asks for.
 *       The task prompt's content placeholder is normalised: {@code {content}}, {@code {{ content }}}
 *       and {@code {{{content}}}} all become {@code {{content}}} (the original turned an already correct
 *       {@code {{content}}} into {@code {{{content}}}}). A task prompt without it gets
 *       {@code "\n\n{{content}}"} appended, so the row text is always sent.</li>
 *   <li>{@code {"prompt": "..."}}, which the sandbox's Azure emulator answers in JSON mode: the
 *       prompt becomes the system prompt and the task prompt is just {@code {{content}}}.</li>
 * </ul>
 * Anything else is an {@link IllegalArgumentException} whose message can be shown to the MCP
 * client as is (it quotes at most the start of the answer).
 */
public final class PromptOptimization {

    /** §5.3 verbatim, the source's line indentation collapsed to single spaces. */
    public static final String SYSTEM_PROMPT = "You are an expert at crafting effective prompts for language models. "
            + "Your task is to create an optimized system prompt and task prompt based on a user's goal. "
            + "The prompts should be clear, specific, and designed to get the best possible results. "
            + "Use {{content}} as the placeholder for the input text. "
            + "Return only the prompts in JSON format with 'system_prompt' and 'task_prompt' keys.";
    /**
     * The original asked "Create optimized prompts for the following goal: …". Reworded without
     * "optimized" because the sandbox emulator quotes this message in the system prompt it returns,
     * and a system prompt saying "optimi…" and "prompt" makes it answer every row as a prompt
     * optimisation instead of a custom analysis.
     */
    public static final String USER_PROMPT_PREFIX = "Create the prompts for the following analysis goal: ";
    /** The original set no limit; a bound keeps a runaway answer from costing a whole context window. */
    public static final int DEFAULT_MAX_TOKENS = 1000;

    private static final Pattern CONTENT_PLACEHOLDER = Pattern.compile("\\{+\\s*content\\s*}+");
    private static final int QUOTED_ANSWER_CHARS = 200;
    private static final ObjectMapper JSON = Json.MAPPER;

    private final PromptTemplates templates;
    private final int maxTokens;

    public PromptOptimization(PromptTemplates templates, int maxTokens) {
        if (maxTokens <= 0) throw new IllegalArgumentException("maxTokens must be positive, was " + maxTokens);
        this.templates = templates;
        this.maxTokens = maxTokens;
    }

    public PromptOptimization(PromptTemplates templates) {
        this(templates, DEFAULT_MAX_TOKENS);
    }

    /** The optimisation call for {@code customGoal}; a missing or blank goal is refused with the original's message. */
    public PromptRequest request(String customGoal) {
        if (customGoal == null || customGoal.isBlank()) {
            throw new IllegalArgumentException("Custom goal is required for custom analysis type");
        }
        return new PromptRequest(SYSTEM_PROMPT, USER_PROMPT_PREFIX + customGoal.strip(), maxTokens, true);
    }

    /** The custom template described by the model's answer to {@link #request}. */
    public PromptTemplate parse(String answerJson) {
        JsonNode answer = readObject(answerJson);
        JsonNode system = answer.get("system_prompt");
        JsonNode task = answer.get("task_prompt");
        if (system == null && task == null && isText(answer.get("prompt"))) {
            return templates.custom(answer.get("prompt").asText().strip(), PromptTemplate.CONTENT);
        }
        List<String> missing = new ArrayList<>();
        if (!isText(system)) missing.add("system_prompt");
        if (!isText(task)) missing.add("task_prompt");
        if (!missing.isEmpty()) {
            List<String> found = new ArrayList<>();
            answer.fieldNames().forEachRemaining(found::add);
            throw new IllegalArgumentException("The prompt optimisation answer lacks " + String.join(" and ", missing)
                    + " (non-empty text expected; keys found: " + found + ")");
        }
        return templates.custom(system.asText().strip(), withContentPlaceholder(task.asText().strip()));
    }

    static String withContentPlaceholder(String taskPrompt) {
        String normalised = CONTENT_PLACEHOLDER.matcher(taskPrompt).replaceAll("{{content}}");
        return normalised.contains(PromptTemplate.CONTENT) ? normalised : normalised + "\n\n" + PromptTemplate.CONTENT;
    }

    private static JsonNode readObject(String answerJson) {
        JsonNode node;
        try {
            node = answerJson == null ? null : JSON.readTree(answerJson);
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("The prompt optimisation answer is not a JSON object: " + quote(answerJson));
        }
        return node;
    }

    private static boolean isText(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank();
    }

    private static String quote(String answer) {
        if (answer == null) return "(no answer)";
        if (answer.length() <= QUOTED_ANSWER_CHARS) return "\"" + answer + "\"";
        int end = Character.isHighSurrogate(answer.charAt(QUOTED_ANSWER_CHARS - 1)) ? QUOTED_ANSWER_CHARS - 1 : QUOTED_ANSWER_CHARS;
        String start = answer.substring(0, end) + "…";
        return "\"" + start + "\"";
    }
}
