package dev.smartsheetmcp.sandbox.smartsheet;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One validated cell from an add/update rows call, ready to apply. {@link #parse} makes
 * Smartsheet's checks in Smartsheet's order and throws the matching {@link ApiError}.
 */
record CellWrite(Column column, Object value, String displayValue, Map<String, Object> objectValue, String formula) {

    static final int MAX_CELL_CHARS = 4000;

    void applyTo(Cell cell) {
        cell.clear();
        cell.value = value;
        cell.displayValue = displayValue;
        cell.objectValue = objectValue;
        cell.formula = formula;
    }

    static CellWrite parse(Sheet sheet, JsonNode cell, Set<Long> columnsSeen) {
        JsonNode idNode = cell.get("columnId");
        if (idNode == null || idNode.isNull()) throw ApiError.missingAttribute("cell.columnId");
        if (!idNode.isIntegralNumber()) throw ApiError.invalidColumnId(idNode.asText());
        long columnId = idNode.longValue();
        Column column = sheet.column(columnId);
        if (column == null) throw ApiError.invalidColumnId(columnId);
        if (!columnsSeen.add(columnId)) throw ApiError.duplicateColumnId(columnId);
        if (column.isSystem()) throw ApiError.systemColumn(columnId);
        if (column.formula != null) throw ApiError.columnFormulaCell();
        JsonNode value = cell.get("value");
        JsonNode objectValue = cell.get("objectValue");
        boolean hasValue = value != null && !value.isNull();
        boolean hasObjectValue = objectValue != null && !objectValue.isNull();
        if (hasValue && hasObjectValue) throw ApiError.valueAndObjectValue();
        if (cell.hasNonNull("formula")) return formula(column, cell.get("formula").asText());
        if (hasObjectValue) return fromObjectValue(column, objectValue);
        if (value == null) throw ApiError.missingAttribute("cell.value");
        if (!hasValue || value.isTextual() && value.asText().isEmpty()) return new CellWrite(column, null, null, null, null);
        if (!value.isTextual() && !value.isNumber() && !value.isBoolean()) throw ApiError.invalidCellValue();
        checkLength(value.asText());
        boolean strict = !cell.has("strict") || cell.get("strict").asBoolean(true);
        return typed(column, value, strict);
    }

    /**
     * A person's edit, outside the API: a plain value, a list for a MULTI_PICKLIST, or a map
     * with "email" and "name" for a contact. Integral numbers are kept as long.
     */
    static CellWrite fromPerson(Column column, Object value) {
        if (value instanceof List<?> values) {
            return multiPicklist(column, values.stream().map(String::valueOf).toList());
        }
        if (value instanceof Map<?, ?> contact) {
            String email = String.valueOf(contact.get("email"));
            String name = String.valueOf(contact.containsKey("name") ? contact.get("name") : email);
            return new CellWrite(column, email, name, contactObject(email, name), null);
        }
        if (value instanceof Integer || value instanceof Short) value = ((Number) value).longValue();
        return new CellWrite(column, value, null, null, null);
    }

    private static CellWrite formula(Column column, String formula) {
        if (!formula.startsWith("=")) throw ApiError.formulaWithoutEquals();
        checkLength(formula);
        return new CellWrite(column, null, null, null, formula);
    }

    private static CellWrite typed(Column column, JsonNode value, boolean strict) {
        Object plain = plain(value);
        switch (column.type) {
            case "CHECKBOX" -> {
                if (value.isBoolean()) return new CellWrite(column, value.booleanValue(), null, null, null);
                if (strict) throw ApiError.notStrict(column.id, plain, column.type);
                String text = value.asText().trim();
                boolean checked = text.equalsIgnoreCase("true") || text.equals("1") || text.equalsIgnoreCase("yes");
                return new CellWrite(column, checked, null, null, null);
            }
            case "DATE", "DATETIME", "ABSTRACT_DATETIME" -> {
                if (strict && !(value.isTextual() && isDate(value.asText()))) {
                    throw ApiError.notStrict(column.id, plain, column.type);
                }
            }
            case "PICKLIST" -> checkOptions(column, List.of(SheetViews.text(plain)), plain);
            case "MULTI_PICKLIST" -> {
                return multiPicklist(column, List.of(SheetViews.text(plain)));
            }
            default -> { /* TEXT_NUMBER, CONTACT_LIST and the rest take text or numbers as given */ }
        }
        return new CellWrite(column, plain, null, null, null);
    }

    private static CellWrite fromObjectValue(Column column, JsonNode objectValue) {
        String objectType = objectValue.path("objectType").asText();
        switch (column.type + "/" + objectType) {
            case "MULTI_PICKLIST/MULTI_PICKLIST" -> {
                List<String> values = new ArrayList<>();
                objectValue.path("values").forEach(node -> values.add(node.asText()));
                return multiPicklist(column, values);
            }
            case "CONTACT_LIST/CONTACT" -> {
                String email = objectValue.path("email").asText(null);
                if (email == null) throw ApiError.missingAttribute("cell.objectValue.email");
                String name = objectValue.path("name").asText(email);
                return new CellWrite(column, email, name, contactObject(email, name), null);
            }
            case "DATE/DATE", "DATETIME/DATETIME" -> {
                String date = objectValue.path("value").asText();
                if (!isDate(date)) throw ApiError.notStrict(column.id, date, column.type);
                return new CellWrite(column, date, null, null, null);
            }
            default -> throw ApiError.wrongObjectType(column.id, allowedObjectType(column.type));
        }
    }

    private static Map<String, Object> contactObject(String email, String name) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("objectType", "CONTACT");
        contact.put("email", email);
        contact.put("name", name);
        return contact;
    }

    private static CellWrite multiPicklist(Column column, List<String> values) {
        String joined = String.join(", ", values);
        checkLength(joined);
        checkOptions(column, values, joined);
        Map<String, Object> objectValue = new LinkedHashMap<>();
        objectValue.put("objectType", "MULTI_PICKLIST");
        objectValue.put("values", List.copyOf(values));
        return new CellWrite(column, joined, joined, objectValue, null);
    }

    /** Values outside the options are kept as text, unless the column has validation on. */
    private static void checkOptions(Column column, List<String> values, Object shown) {
        if (column.validation && !column.options.containsAll(values)) {
            throw ApiError.notStrict(column.id, shown, column.type);
        }
    }

    private static void checkLength(String text) {
        if (text.length() > MAX_CELL_CHARS) throw ApiError.tooLong("cell.value", MAX_CELL_CHARS, text.length());
    }

    private static String allowedObjectType(String columnType) {
        return switch (columnType) {
            case "MULTI_PICKLIST" -> "MULTI_PICKLIST";
            case "CONTACT_LIST" -> "CONTACT";
            case "DATE" -> "DATE";
            case "DATETIME" -> "DATETIME";
            default -> "none";
        };
    }

    /** JSON text, booleans and numbers as Java values; whole numbers as long. */
    static Object plain(JsonNode value) {
        if (value.isBoolean()) return value.booleanValue();
        if (value.isIntegralNumber() && value.canConvertToLong()) return value.longValue();
        if (value.isNumber()) return value.doubleValue();
        return value.asText();
    }

    /** ISO-8601 date, date-time with offset, or local date-time. */
    private static boolean isDate(String text) {
        for (Function<String, ?> parser : List.<Function<String, ?>>of(LocalDate::parse, OffsetDateTime::parse, LocalDateTime::parse)) {
            try {
                parser.apply(text);
                return true;
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return false;
    }
}
