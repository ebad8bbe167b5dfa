package dev.smartsheetmcp.crossrefs;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cross-sheet references a Smartsheet formula names: {@code {Reference Name}} outside string
 * literals. Names match ignoring case, as formulas match column titles.
 */
final class ReferenceNames {

    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"]|\"\")*\"");
    private static final Pattern REFERENCE = Pattern.compile("\\{([^{}]+)\\}");

    private ReferenceNames() {
    }

    /** The names as written, in order of first use. */
    static Set<String> in(String formula) {
        Set<String> names = new LinkedHashSet<>();
        if (formula == null) return names;
        Matcher matcher = REFERENCE.matcher(withoutLiterals(formula));
        while (matcher.find()) names.add(matcher.group(1));
        return names;
    }

    /** The key two names share when they mean the same reference. */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** A looser key: also ignores spaces at the ends and doubled between words, the slips a repair may fix. */
    static String looseKey(String name) {
        return key(name.strip().replaceAll("\\s+", " "));
    }

    /** The formula with every {@code {oldName}} outside string literals naming {@code newName} instead. */
    static String rewrite(String formula, String oldName, String newName) {
        StringBuilder rewritten = new StringBuilder();
        Matcher literals = STRING_LITERAL.matcher(formula);
        int from = 0;
        while (literals.find()) {
            rewritten.append(rewriteCode(formula.substring(from, literals.start()), oldName, newName)).append(literals.group());
            from = literals.end();
        }
        return rewritten.append(rewriteCode(formula.substring(from), oldName, newName)).toString();
    }

    private static String rewriteCode(String code, String oldName, String newName) {
        Matcher matcher = REFERENCE.matcher(code);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = key(matcher.group(1)).equals(key(oldName)) ? newName : matcher.group(1);
            matcher.appendReplacement(out, Matcher.quoteReplacement("{" + name + "}"));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String withoutLiterals(String formula) {
        return STRING_LITERAL.matcher(formula).replaceAll("\"\"");
    }
}
