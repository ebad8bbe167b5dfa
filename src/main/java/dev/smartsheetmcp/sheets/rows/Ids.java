package dev.smartsheetmcp.sheets.rows;

import dev.smartsheetmcp.toolkit.ToolException;
import java.util.regex.Pattern;

/** Smartsheet ids inside nested arguments (row ids, column ids): digits, given as a string or an integer. */
final class Ids {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,19}");

    private Ids() {
    }

    static long parse(Object value, String field) {
        if (value == null) throw ToolException.invalidArgument(field, "is required");
        String text = String.valueOf(value).trim();
        if (!(value instanceof String || value instanceof Long || value instanceof Integer) || !DIGITS.matcher(text).matches()) {
            throw ToolException.invalidArgument(field, "must be a Smartsheet id (digits only), got '" + CellValues.shorten(text) + "'");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ToolException.invalidArgument(field, "is larger than a 64-bit Smartsheet id");
        }
    }
}
