package dev.smartsheetmcp.prompts;

import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.toolkit.ToolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One prompt's markdown: {@code {{argument}}} is required and replaced by its value,
 * {@code {{argument|default}}} falls back to the default; a line {@code @resource <uri>} embeds
 * that resource as a message of its own.
 */
record PromptText(String name, String markdown) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)(?:\\|([^}]*))?}}");
    private static final String RESOURCE_LINE = "@resource ";
    private static final List<String> ID_ARGUMENTS = List.of("sheet_id", "workspace_id");

    /** The messages: the text as one user message, then each embedded resource by URI. */
    List<Map<String, Object>> messages(Map<String, Object> arguments) {
        ID_ARGUMENTS.stream().filter(arguments::containsKey).forEach(id -> ToolArguments.of(arguments).id(id));
        StringBuilder text = new StringBuilder();
        List<Map<String, Object>> resources = new ArrayList<>();
        for (String line : markdown.split("\n")) {
            if (line.startsWith(RESOURCE_LINE)) resources.add(Map.of("role", "user", "resource", line.substring(RESOURCE_LINE.length()).strip()));
            else text.append(fill(line, arguments)).append('\n');
        }
        List<Map<String, Object>> messages = new ArrayList<>();
        messages.add(Map.of("role", "user", "text", text.toString().strip()));
        messages.addAll(resources);
        return messages;
    }

    private String fill(String line, Map<String, Object> arguments) {
        Matcher matcher = PLACEHOLDER.matcher(line);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            Object value = arguments.get(matcher.group(1));
            String text = value == null || value.toString().isBlank() ? matcher.group(2) : value.toString().strip();
            if (text == null) {
                throw ToolException.invalidArgument(matcher.group(1), "is required by prompt " + name);
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(text));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    Map<String, Object> answer(Map<String, Object> arguments) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("messages", messages(arguments));
        return answer;
    }
}
