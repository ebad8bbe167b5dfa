package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a formula that names cross-sheet references ({@code {Reference Name}}, outside string
 * literals) shows in its cell: {@code #UNPARSEABLE} when a name is no reference of the sheet,
 * {@code #INVALID REF} when the reference is not OK (broken, or its source is not shared), as
 * Smartsheet shows them. The emulator computes no other formula values.
 */
final class ReferenceFormulas {

    static final String UNPARSEABLE = "#UNPARSEABLE";
    static final String INVALID_REF = "#INVALID REF";

    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"]|\"\")*\"");
    private static final Pattern REFERENCE = Pattern.compile("\\{([^{}]+)\\}");

    private ReferenceFormulas() {
    }

    /** The error the formula shows, or null; {@code statuses} null means references are not looked at. */
    static String error(String formula, Map<String, String> statuses) {
        if (statuses == null) return null;
        Matcher names = REFERENCE.matcher(STRING_LITERAL.matcher(formula).replaceAll("\"\""));
        String error = null;
        while (names.find()) {
            String status = statuses.get(names.group(1).toLowerCase(Locale.ROOT));
            if (status == null) return UNPARSEABLE;
            if (!CrossSheetReferenceEndpoints.OK.equals(status)) error = INVALID_REF;
        }
        return error;
    }
}
