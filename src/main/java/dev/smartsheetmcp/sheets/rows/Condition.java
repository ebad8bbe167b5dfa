package dev.smartsheetmcp.sheets.rows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.toolkit.ToolException;
import dev.smartsheetmcp.sheets.SheetColumns;
import dev.smartsheetmcp.sheets.SheetColumns.Column;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One condition of a smartsheet_bulk_update rule, compared by type: numbers as numbers
 * (also numbers held as text, so 10 &gt; 9), dates as dates in DATE/DATETIME columns,
 * checkboxes as booleans, anything else as text (greaterThan/lessThan a number never match
 * a cell that is not a number). {@code equals} on text is exact and case-sensitive;
 * {@code contains} ignores case. An empty cell matches only isEmpty (and,
 * in a CHECKBOX column, equals false); equals null means isEmpty.
 */
public record Condition(Column column, String operator, Object expected) {

    static final Set<String> OPERATORS = Set.of("equals", "contains", "greaterThan", "lessThan", "isEmpty", "isNotEmpty");
    private static final Set<String> DATE_TYPES = Set.of("DATE", "DATETIME", "ABSTRACT_DATETIME");

    static Condition of(Object raw, SheetColumns columns, String field) {
        if (!(raw instanceof Map<?, ?> condition)) throw ToolException.invalidArgument(field, "must be an object {columnId, operator, value}");
        Column column = columns.requireId(Ids.parse(condition.get("columnId"), field + ".columnId"), field + ".columnId");
        return checked(column, condition, field);
    }

    /** A condition naming its column by title: {@code {column, operator, value}}, as the read tools take it. */
    public static Condition byTitle(Object raw, SheetColumns columns, String field) {
        if (!(raw instanceof Map<?, ?> condition)) throw ToolException.invalidArgument(field, "must be an object {column, operator, value}");
        if (!(condition.get("column") instanceof String title)) throw ToolException.invalidArgument(field + ".column", "must be a column title");
        return checked(columns.requireTitle(title, field + ".column"), condition, field);
    }

    private static Condition checked(Column column, Map<?, ?> condition, String field) {
        Object operatorValue = condition.get("operator");
        if (!(operatorValue instanceof String operator) || !OPERATORS.contains(operator)) {
            throw ToolException.invalidArgument(field + ".operator", "must be one of equals, contains, greaterThan, lessThan, isEmpty, isNotEmpty");
        }
        Object expected = condition.get("value");
        if (expected instanceof Map<?, ?> || expected instanceof java.util.List<?>) {
            throw ToolException.invalidArgument(field + ".value", "must be a string, number, boolean or null");
        }
        boolean needsValue = operator.equals("contains") || operator.equals("greaterThan") || operator.equals("lessThan");
        if (needsValue && CellValues.isEmpty(expected)) throw ToolException.invalidArgument(field + ".value", "is required for " + operator);
        boolean ordered = operator.equals("greaterThan") || operator.equals("lessThan");
        if (DATE_TYPES.contains(column.type()) && (ordered || operator.equals("equals")) && !CellValues.isEmpty(expected)
                && (!(expected instanceof String text) || CellValues.dateTime(text).isEmpty())) {
            throw ToolException.invalidArgument(field + ".value", "column '" + column.title() + "' is a " + column.type()
                    + " column: compare it with an ISO 8601 date such as 2026-01-31");
        }
        if ("CHECKBOX".equals(column.type())) {
            if (ordered) throw ToolException.invalidArgument(field + ".operator", "column '" + column.title() + "' is a CHECKBOX: use equals, isEmpty or isNotEmpty");
            if (operator.equals("equals") && !CellValues.isEmpty(expected) && checkbox(expected).isEmpty()) {
                throw ToolException.invalidArgument(field + ".value", "column '" + column.title() + "' is a CHECKBOX: compare it with true or false");
            }
        }
        return new Condition(column, operator, expected);
    }

    /** Whether the cell (as Get Sheet answers it; null when the row has none in this column) meets the condition. */
    public boolean test(JsonNode cell) {
        Object actual = actual(cell);
        boolean empty = actual == null || actual instanceof String text && text.isBlank()
                || "CHECKBOX".equals(column.type()) && Boolean.FALSE.equals(actual);
        switch (operator) {
            case "isEmpty" -> { return empty; }
            case "isNotEmpty" -> { return !empty; }
            default -> { /* compared below */ }
        }
        if (operator.equals("equals") && CellValues.isEmpty(expected)) return empty;
        if ("CHECKBOX".equals(column.type()) && operator.equals("equals")) {
            return checkbox(expected).orElse(false) == Boolean.TRUE.equals(actual);
        }
        if (actual == null) return false;
        if (operator.equals("contains")) {
            String wanted = CellValues.text(expected).toLowerCase(Locale.ROOT);
            return CellValues.text(actual).toLowerCase(Locale.ROOT).contains(wanted)
                    || cell.path("displayValue").asText("").toLowerCase(Locale.ROOT).contains(wanted);
        }
        Optional<Integer> order = compare(actual);
        if (order.isEmpty()) return false;
        return switch (operator) {
            case "equals" -> order.get() == 0;
            case "greaterThan" -> order.get() > 0;
            default -> order.get() < 0;
        };
    }

    /** The cell against the expected value; empty when they cannot be compared (a cell that is not a date). */
    private Optional<Integer> compare(Object actual) {
        if (DATE_TYPES.contains(column.type())) {
            Optional<LocalDateTime> cellDate = CellValues.dateTime(CellValues.text(actual));
            Optional<LocalDateTime> wanted = CellValues.dateTime(CellValues.text(expected));
            return cellDate.isPresent() && wanted.isPresent() ? Optional.of(cellDate.get().compareTo(wanted.get())) : Optional.empty();
        }
        Optional<BigDecimal> cellNumber = CellValues.number(actual);
        Optional<BigDecimal> wantedNumber = CellValues.number(expected);
        if (cellNumber.isPresent() && wantedNumber.isPresent()) return Optional.of(cellNumber.get().compareTo(wantedNumber.get()));
        // "n/a" is neither greater nor less than 9
        if (wantedNumber.isPresent() && !operator.equals("equals")) return Optional.empty();
        return Optional.of(Integer.signum(CellValues.text(actual).compareTo(CellValues.text(expected))));
    }

    private static Object actual(JsonNode cell) {
        if (cell == null) return null;
        JsonNode objectValue = cell.get("objectValue");
        if (objectValue != null && "MULTI_PICKLIST".equals(objectValue.path("objectType").asText())) {
            StringBuilder joined = new StringBuilder();
            objectValue.path("values").forEach(item -> joined.append(joined.isEmpty() ? "" : ", ").append(item.asText()));
            return joined.toString();
        }
        return CellValues.plainValue(cell);
    }

    private static Optional<Boolean> checkbox(Object value) {
        if (value instanceof Boolean flag) return Optional.of(flag);
        if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return Optional.of(Boolean.parseBoolean(text));
        }
        return Optional.empty();
    }
}
