package dev.smartsheetmcp.sheets.columns;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * References to one column, by title, inside Smartsheet formulas: {@code [Title]} (also in
 * {@code [Title]@row} and {@code [Title]1:[Title]5}) and, for a one-word title, the bare
 * {@code Title@row}, {@code Title1} and {@code Title1:Title5}. Smartsheet formulas never name a
 * column by id. Matching ignores case, as formulas do.
 */
final class FormulaReferences {

    private static final Pattern ONE_WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Pattern reference;

    FormulaReferences(String title) {
        String bracketed = "\\[" + Pattern.quote(title) + "\\]";
        String expression = ONE_WORD.matcher(title).matches()
                ? bracketed + "|(?<![\\w\\]\"])" + Pattern.quote(title) + "(?=@|\\d|:)"
                : bracketed;
        this.reference = Pattern.compile(expression, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    boolean foundIn(String formula) {
        return formula != null && reference.matcher(formula).find();
    }

    /** The formula with every reference to this column pointing at {@code newTitle} instead. */
    String rewrite(String formula, String newTitle) {
        return reference.matcher(formula).replaceAll(Matcher.quoteReplacement("[" + newTitle + "]"));
    }
}
