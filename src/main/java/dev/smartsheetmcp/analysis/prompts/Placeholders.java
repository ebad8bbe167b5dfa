package dev.smartsheetmcp.analysis.prompts;

import java.util.Map;

/**
 * Fills {@code {{name}}} placeholders in one left-to-right pass. Values are inserted literally
 * (no regex, so {@code $} and {@code \} are safe) and never scanned again, so row text that
 * happens to contain {@code {{previous_result}}} stays as written. Unknown names are left as they are.
 */
final class Placeholders {

    static final String CONTENT = "content";
    static final String PREVIOUS_RESULT = "previous_result";

    private Placeholders() {}

    static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length() + 64);
        int from = 0;
        while (true) {
            int open = template.indexOf("{{", from);
            int close = open < 0 ? -1 : template.indexOf("}}", open + 2);
            if (close < 0) break;
            String value = values.get(template.substring(open + 2, close));
            if (value == null) {
                out.append(template, from, open + 1);
                from = open + 1;
            } else {
                out.append(template, from, open).append(value);
                from = close + 2;
            }
        }
        return out.append(template, from, template.length()).toString();
    }

    static String token(String name) {
        return "{{" + name + "}}";
    }
}
