package dev.smartsheetmcp.sandbox.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A validated chat completions request body: the parts the emulator reads. Message content must be
 * a string (content-part arrays are not emulated); roles are those of the contract.
 */
record ChatRequest(List<Message> messages, Integer maxTokens, boolean jsonObject) {

    /**
     * The completion budget charged to the token limit when the request names none. Azure reserves
     * the model's maximum in that case; the emulator has no model, so it assumes 4,096 (the output
     * ceiling of the first GPT-4o release): unconstrained requests stay costly but admissible.
     */
    static final int DEFAULT_COMPLETION_BUDGET = 4_096;

    private static final Set<String> ROLES = Set.of("system", "user", "assistant", "developer");

    record Message(String role, String content) {}

    /** Checks a parsed body ({@code null} when it was not JSON) in the order the service reports problems. */
    static ChatRequest from(JsonNode body) throws AzureError {
        if (body == null || !body.isObject()) throw AzureError.invalidJson();
        List<Message> messages = messages(body.get("messages"));
        Integer maxTokens = maxTokens(body, "max_completion_tokens");
        if (maxTokens == null) maxTokens = maxTokens(body, "max_tokens");
        ChatRequest request = new ChatRequest(messages, maxTokens, jsonObject(body.get("response_format")));
        if (request.jsonObject() && !request.mentionsJson()) {
            throw AzureError.invalidRequest("'messages' must contain the word 'json' in some form, to use"
                    + " 'response_format' of type 'json_object'.", "messages", "BadRequest");
        }
        return request;
    }

    /** The system and developer messages, joined by line breaks: the instructions. */
    String instructions() {
        return messages.stream()
                .filter(m -> m.role().equals("system") || m.role().equals("developer"))
                .map(Message::content)
                .collect(Collectors.joining("\n"));
    }

    /** The content of the last user message, the text under analysis; {@code null} when there is none. */
    String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) return messages.get(i).content();
        }
        return null;
    }

    /**
     * As the service reports {@code usage.prompt_tokens}: each message's content and role with 3
     * framing tokens, and 3 priming the reply (OpenAI's documented recipe for these models).
     */
    int promptTokens() {
        return messages.stream().mapToInt(m -> 3 + TokenCounter.count(m.role()) + TokenCounter.count(m.content())).sum() + 3;
    }

    /** The completion tokens the token limit is charged on top of the prompt: {@code max_tokens} or the default. */
    int completionBudget() {
        return maxTokens == null ? DEFAULT_COMPLETION_BUDGET : maxTokens;
    }

    private boolean mentionsJson() {
        return messages.stream().anyMatch(m -> m.content() != null && m.content().toLowerCase(Locale.ROOT).contains("json"));
    }

    private static List<Message> messages(JsonNode node) throws AzureError {
        if (node == null || node.isNull()) {
            throw AzureError.invalidRequest("Missing required parameter: 'messages'.", "messages", "missing_required_parameter");
        }
        if (!node.isArray()) {
            throw invalidType("messages", "an array", node);
        }
        if (node.isEmpty()) {
            throw AzureError.invalidRequest("Invalid 'messages': empty array. Expected an array with minimum length 1,"
                    + " but got an empty array instead.", "messages", "empty_array");
        }
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            messages.add(message(node.get(i), "messages[" + i + "]"));
        }
        return List.copyOf(messages);
    }

    private static Message message(JsonNode node, String param) throws AzureError {
        if (!node.isObject()) throw invalidType(param, "an object", node);
        String role = node.path("role").asText("");
        if (!ROLES.contains(role)) {
            throw AzureError.invalidRequest("Invalid value: '" + role + "'. Supported values are: 'system',"
                    + " 'user', 'assistant' and 'developer'.", param + ".role", "invalid_value");
        }
        JsonNode content = node.get("content");
        if (content == null || content.isNull()) {
            if (role.equals("assistant")) return new Message(role, "");
            throw AzureError.invalidRequest("Missing required parameter: '" + param + ".content'.",
                    param + ".content", "missing_required_parameter");
        }
        if (!content.isTextual()) throw invalidType(param + ".content", "a string", content);
        return new Message(role, content.asText());
    }

    private static Integer maxTokens(JsonNode body, String name) throws AzureError {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) return null;
        if (!node.canConvertToInt() || !node.isIntegralNumber()) throw invalidType(name, "an integer", node);
        if (node.intValue() < 1) {
            throw AzureError.invalidRequest("Invalid '" + name + "': integer below minimum value. Expected a value"
                    + " >= 1, but got " + node.intValue() + " instead.", name, "integer_below_min_value");
        }
        return node.intValue();
    }

    private static boolean jsonObject(JsonNode format) throws AzureError {
        if (format == null || format.isNull()) return false;
        String type = format.path("type").asText("");
        if (type.equals("text")) return false;
        if (type.equals("json_object")) return true;
        throw AzureError.invalidRequest("Invalid value: '" + type + "'. Supported values are: 'text' and"
                + " 'json_object' (the emulator does not emulate 'json_schema').", "response_format.type", "invalid_value");
    }

    private static AzureError invalidType(String param, String expected, JsonNode got) {
        return AzureError.invalidRequest("Invalid type for '" + param + "': expected " + expected + ", but got "
                + got.getNodeType().name().toLowerCase(Locale.ROOT) + " instead.", param, "invalid_type");
    }
}
