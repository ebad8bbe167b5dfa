package dev.smartsheetmcp.sheets.rows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.toolkit.ToolException;
import dev.smartsheetmcp.sheets.SheetColumns.Column;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a value from a tool call into a Smartsheet cell for one column, refusing what
 * Smartsheet would refuse (or silently mangle) with an error naming the field; and reduces
 * cell values to a comparable text, for duplicate checks and conditions.
 */
public final class CellValues {

    public static final int MAX_CELL_CHARS = 4000;

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?");

    private CellValues() {
    }

    /** True for a value that leaves the cell empty: null, "" or an empty list. */
    public static boolean isEmpty(Object value) {
        return value == null || value instanceof String text && text.isEmpty() || value instanceof List<?> list && list.isEmpty();
    }

    /**
     * The cell {@code {columnId, value|objectValue}} that writes {@code value} into {@code column};
     * an empty value clears the cell ({@code value: ""}).
     *
     * @param validated whether the column restricts values to its options (Smartsheet's column validation)
     * @param field     the argument path named in errors, such as {@code row_data[3].Status}
     */
    public static Map<String, Object> cell(Column column, boolean validated, Object value, String field) {
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("columnId", column.id());
        if (isEmpty(value)) {
            cell.put("value", "");
            return cell;
        }
        if (value instanceof List<?> list) {
            cell.put("objectValue", multiPicklist(column, validated, list, field));
            return cell;
        }
        if (value instanceof Map<?, ?>) {
            throw ToolException.invalidArgument(field, "must be a string, number, boolean or (for a MULTI_PICKLIST column) a list, not an object");
        }
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw ToolException.invalidArgument(field, "must be a string, number or boolean");
        }
        checkLength(String.valueOf(value), field);
        switch (column.type()) {
            case "CHECKBOX" -> {
                if (!(value instanceof Boolean)) {
                    throw ToolException.invalidArgument(field, "column '" + column.title() + "' is a CHECKBOX and takes true or false, got " + describe(value));
                }
            }
            case "DATE", "DATETIME", "ABSTRACT_DATETIME" -> {
                if (!(value instanceof String text) || dateTime(text).isEmpty()) {
                    throw ToolException.invalidArgument(field, "column '" + column.title() + "' is a " + column.type()
                            + " column and takes an ISO 8601 date such as 2026-01-31, got " + describe(value));
                }
            }
            case "PICKLIST", "MULTI_PICKLIST" -> checkOptions(column, validated, List.of(text(value)), field);
            default -> { /* TEXT_NUMBER, contacts and the rest take text or numbers as given */ }
        }
        cell.put("value", value);
        return cell;
    }

    private static Map<String, Object> multiPicklist(Column column, boolean validated, List<?> list, String field) {
        if (!"MULTI_PICKLIST".equals(column.type())) {
            throw ToolException.invalidArgument(field, "a list of values is only accepted by a MULTI_PICKLIST column; column '"
                    + column.title() + "' is " + column.type());
        }
        List<String> values = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String || item instanceof Number || item instanceof Boolean)) {
                throw ToolException.invalidArgument(field, "the items of a MULTI_PICKLIST list must be strings");
            }
            values.add(text(item));
        }
        checkLength(String.join(", ", values), field);
        checkOptions(column, validated, values, field);
        Map<String, Object> objectValue = new LinkedHashMap<>();
        objectValue.put("objectType", "MULTI_PICKLIST");
        objectValue.put("values", values);
        return objectValue;
    }

    private static void checkOptions(Column column, boolean validated, List<String> values, String field) {
        if (!validated) return;
        for (String value : values) {
            if (!column.options().contains(value)) {
                throw ToolException.invalidArgument(field, "'" + shorten(value) + "' is not an option of column '" + column.title()
                        + "', which only accepts its options: " + String.join(", ", column.options()));
            }
        }
    }

    private static void checkLength(String text, String field) {
        if (text.length() > MAX_CELL_CHARS) {
            throw ToolException.invalidArgument(field, "is " + String.format("%,d", text.length())
                    + " characters long; a Smartsheet cell holds at most 4,000");
        }
    }

    // ------------------------------------------------------------------ comparing

    /** A value from a tool call as comparable text: numbers without trailing zeros, lists joined, empty as "". */
    public static String comparable(Column column, Object value) {
        if (isEmpty(value)) return "CHECKBOX".equals(column.type()) ? "false" : "";
        if (value instanceof List<?> list) return String.join(", ", list.stream().map(CellValues::text).toList());
        String text = text(value);
        return "TEXT_NUMBER".equals(column.type()) ? number(text).map(CellValues::plain).orElse(text) : text;
    }

    /** A cell as Smartsheet answered it, as comparable text (see {@link #comparable(Column, Object)}). */
    public static String comparable(Column column, JsonNode cell) {
        JsonNode objectValue = cell == null ? null : cell.get("objectValue");
        if (objectValue != null && "MULTI_PICKLIST".equals(objectValue.path("objectType").asText())) {
            List<String> values = new ArrayList<>();
            objectValue.path("values").forEach(item -> values.add(item.asText()));
            return comparable(column, values);
        }
        return comparable(column, plainValue(cell));
    }

    /** A cell's value as a Java value (String, BigDecimal, Boolean) or null. */
    public static Object plainValue(JsonNode cell) {
        JsonNode value = cell == null ? null : cell.get("value");
        if (value == null || value.isNull()) return null;
        if (value.isBoolean()) return value.booleanValue();
        if (value.isNumber()) return value.decimalValue();
        return value.asText();
    }

    /** How a value reads: numbers plainly (5, not 5.0), the rest as text. */
    public static String text(Object value) {
        if (value instanceof BigDecimal decimal) return plain(decimal);
        if (value instanceof Double || value instanceof Float) return plain(new BigDecimal(value.toString()));
        return String.valueOf(value);
    }

    /** A number, or text that is a plain decimal number. */
    public static Optional<BigDecimal> number(Object value) {
        if (value instanceof BigDecimal decimal) return Optional.of(decimal);
        if (value instanceof Number number) return Optional.of(new BigDecimal(number.toString()));
        if (value instanceof String text) {
            String trimmed = text.trim();
            if (PLAIN_NUMBER.matcher(trimmed).matches()) return Optional.of(new BigDecimal(trimmed));
        }
        return Optional.empty();
    }

    /** An ISO 8601 date, date-time with offset (as UTC) or local date-time. */
    public static Optional<LocalDateTime> dateTime(String text) {
        String trimmed = text.trim();
        try {
            return Optional.of(LocalDate.parse(trimmed).atStartOfDay());
        } catch (DateTimeParseException notADate) {
            // try the longer forms
        }
        try {
            return Optional.of(OffsetDateTime.parse(trimmed).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        } catch (DateTimeParseException notAnOffsetDateTime) {
            // try a local date-time
        }
        try {
            return Optional.of(LocalDateTime.parse(trimmed));
        } catch (DateTimeParseException notADateTime) {
            return Optional.empty();
        }
    }

    private static String plain(BigDecimal decimal) {
        return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
    }

    private static String describe(Object value) {
        return value instanceof String text ? "'" + shorten(text) + "'" : String.valueOf(value);
    }

    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
