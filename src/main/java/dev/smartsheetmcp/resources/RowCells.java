package dev.smartsheetmcp.resources;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** One row of a Get Sheet page, its cells by column id. */
record RowCells(long id, int rowNumber, Long parentId, String modifiedAt, Map<Long, JsonNode> cells) {

    static RowCells of(JsonNode row) {
        Map<Long, JsonNode> cells = new HashMap<>();
        row.path("cells").forEach(cell -> cells.put(cell.path("columnId").asLong(), cell));
        JsonNode parent = row.get("parentId");
        return new RowCells(row.path("id").asLong(), row.path("rowNumber").asInt(),
                parent == null || parent.isNull() ? null : parent.asLong(), row.path("modifiedAt").asText(null), cells);
    }

    /** The cell's value as text (its display value when it has one); empty when blank. */
    Optional<String> text(Long columnId) {
        if (columnId == null) return Optional.empty();
        JsonNode cell = cells.get(columnId);
        if (cell == null) return Optional.empty();
        JsonNode shown = cell.hasNonNull("displayValue") ? cell.get("displayValue") : cell.get("value");
        if (shown == null || shown.isNull() || shown.isContainerNode()) return Optional.empty();
        String text = shown.asText().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    Optional<Double> number(Long columnId) {
        JsonNode value = columnId == null || cells.get(columnId) == null ? null : cells.get(columnId).get("value");
        if (value != null && value.isNumber()) return Optional.of(value.asDouble());
        return text(columnId).flatMap(RowCells::parseNumber);
    }

    /** A date cell's day (ISO date or the date part of a timestamp). */
    Optional<LocalDate> date(Long columnId) {
        JsonNode value = columnId == null || cells.get(columnId) == null ? null : cells.get(columnId).get("value");
        String text = value == null || value.isNull() ? null : value.asText();
        if (text == null || text.length() < 10) return Optional.empty();
        try {
            return Optional.of(LocalDate.parse(text.substring(0, 10)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    boolean checked(Long columnId) {
        JsonNode value = columnId == null || cells.get(columnId) == null ? null : cells.get(columnId).get("value");
        return value != null && (value.asBoolean(false) || "true".equalsIgnoreCase(value.asText()));
    }

    /** A duration such as {@code 5d}, {@code 3} or {@code 2w} in days; hours count as a fraction of a day. */
    Optional<Double> durationDays(Long columnId) {
        return text(columnId).flatMap(text -> {
            String trimmed = text.toLowerCase().replace(" ", "");
            double unit = trimmed.endsWith("w") ? 5 : trimmed.endsWith("h") ? 1.0 / 8 : 1;
            return parseNumber(trimmed.replaceAll("[dwh]$", "")).map(number -> number * unit);
        });
    }

    private static Optional<Double> parseNumber(String text) {
        try {
            return Optional.of(Double.parseDouble(text.replace("%", "").replace(",", "").strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
