package dev.smartsheetmcp.sheets.search;

import dev.smartsheetmcp.toolkit.ToolException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What {@code smartsheet_search} looks for: the caller's text (quoted unless {@code regex}),
 * optionally as a whole word, case-insensitive unless {@code case_sensitive}. PICKLIST cells
 * are compared with the raw pattern as a whole value instead, since they hold one option.
 */
record SearchPattern(String raw, Pattern compiled, boolean caseSensitive) {

    static SearchPattern of(String raw, boolean regex, boolean wholeWord, boolean caseSensitive) {
        if (raw.isEmpty()) throw ToolException.invalidArgument("pattern", "must not be empty");
        String expression = regex ? raw : Pattern.quote(raw);
        // Word boundaries as lookarounds so that a pattern starting or ending with a non-word
        // character still matches (\b would demand a word character next to it).
        if (wholeWord) expression = "(?<!\\w)(?:" + expression + ")(?!\\w)";
        int flags = Pattern.UNICODE_CHARACTER_CLASS | (caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        try {
            return new SearchPattern(raw, Pattern.compile(expression, flags), caseSensitive);
        } catch (PatternSyntaxException e) {
            throw ToolException.invalidArgument("pattern", "is not a valid regular expression (java.util.regex): "
                    + e.getDescription() + " near index " + e.getIndex()
                    + "; set options.regex to false to search for the text as written");
        }
    }

    /** The regular expression actually used, as reported in search_info.pattern_used. */
    String patternUsed() {
        return compiled.pattern();
    }

    Matcher matcher(CharSequence text) {
        return compiled.matcher(text);
    }

    /** A PICKLIST cell matches when its whole value is the raw pattern. */
    boolean matchesWholeValue(String value) {
        return caseSensitive ? value.equals(raw) : value.equalsIgnoreCase(raw);
    }
}
