package dev.smartsheetmcp.sandbox.smartsheet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Add, update and delete columns. Like Smartsheet, renaming a column rewrites the formulas
 * that name it, and deleting one turns those references into #REF. Callers hold the sheet's lock.
 */
final class ColumnEdits {

    static final Set<String> TYPES = Set.of("ABSTRACT_DATETIME", "CHECKBOX", "CONTACT_LIST", "DATE", "DATETIME",
            "DURATION", "MULTI_CONTACT_LIST", "MULTI_PICKLIST", "PICKLIST", "PREDECESSOR", "TEXT_NUMBER");

    private ColumnEdits() {
    }

    /** The checks Smartsheet makes on any one column definition. */
    static void check(ColumnSpec spec) {
        if (spec.title() == null || spec.title().isBlank()) throw ApiError.missingAttribute("column.title");
        if (spec.type() == null) throw ApiError.missingAttribute("column.type");
        if (!TYPES.contains(spec.type())) throw ApiError.invalidAttribute(spec.type(), "column.type");
        if (!spec.options().isEmpty() && !spec.type().endsWith("PICKLIST")) throw ApiError.optionsNotAllowed(spec.type());
        String system = spec.systemColumnType();
        if (system != null) {
            if (!SystemColumns.isKnown(system)) throw ApiError.invalidAttribute(system, "column.systemColumnType");
            if (!SystemColumns.typeFor(system).equals(spec.type())) {
                throw ApiError.systemColumnTypeMismatch(spec.type(), system);
            }
        }
        if (spec.formula() != null && !spec.formula().startsWith("=")) throw ApiError.formulaWithoutEquals();
    }

    static ColumnSpec specFrom(JsonNode node) {
        List<String> options = new ArrayList<>();
        node.path("options").forEach(option -> options.add(option.asText()));
        return new ColumnSpec(node.path("title").asText(null), node.path("type").asText(null),
                node.path("primary").asBoolean(false), options,
                node.path("systemColumnType").asText(null), node.path("formula").asText(null));
    }

    /** Inserts each column at its index, in request order; answers the new columns. */
    static List<Map<String, Object>> add(Sheet sheet, IdSource ids, List<JsonNode> inputs) {
        Set<String> titles = new HashSet<>();
        sheet.columns.forEach(column -> titles.add(column.title));
        List<Column> added = new ArrayList<>();
        Integer first = null;
        for (JsonNode input : inputs) {
            ColumnSpec spec = specFrom(input);
            check(spec);
            if (spec.primary()) throw ApiError.invalidAttribute("true", "column.primary");
            if (!titles.add(spec.title())) throw ApiError.titlesNotUnique();
            if (!input.hasNonNull("index")) throw ApiError.missingAttribute("column.index");
            int index = input.get("index").asInt();
            if (first == null) first = index;
            if (index != first) {
                throw new ApiError(400, 1135, "Input column index " + index
                        + " is different from the first input column index " + first + ".");
            }
            if (index < 0 || index > sheet.columns.size()) {
                throw ApiError.invalidAttribute(String.valueOf(index), "column.index");
            }
            Column column = new Column(ids.next(), spec);
            column.validation = input.path("validation").asBoolean(false);
            column.description = input.path("description").asText(null);
            added.add(column);
        }
        for (int i = 0; i < added.size(); i++) sheet.columns.add(first + i, added.get(i));
        sheet.touch();
        List<Map<String, Object>> views = new ArrayList<>();
        for (Column column : added) views.add(SheetViews.column(column, sheet.columns.indexOf(column)));
        return views;
    }

    static Map<String, Object> update(Sheet sheet, Column column, JsonNode input) {
        String newTitle = input.path("title").asText(column.title);
        if (!newTitle.equals(column.title)) {
            if (newTitle.isBlank()) throw ApiError.missingAttribute("column.title");
            for (Column other : sheet.columns) if (other.title.equals(newTitle)) throw ApiError.titlesNotUnique();
            rewriteReferences(sheet, column.title, "[" + newTitle + "]");
            column.title = newTitle;
        }
        if (input.has("type") || input.has("options")) {
            String type = input.path("type").asText(column.type);
            if ((column.primary || column.isSystem()) && !type.equals(column.type)) {
                throw ApiError.invalidAttribute(type, "column.type");
            }
            List<String> options = new ArrayList<>();
            if (input.has("options")) input.get("options").forEach(option -> options.add(option.asText()));
            else options.addAll(column.options);
            check(new ColumnSpec(column.title, type, column.primary, options, column.systemColumnType, null));
            column.type = type;
            column.options = options;
        }
        if (input.has("formula")) {
            String formula = input.get("formula").isNull() ? null : input.get("formula").asText();
            if (formula != null && !formula.startsWith("=")) throw ApiError.formulaWithoutEquals();
            column.formula = formula;
        }
        if (input.has("validation")) column.validation = input.get("validation").asBoolean();
        if (input.has("hidden")) column.hidden = input.get("hidden").asBoolean();
        if (input.has("description")) column.description = input.get("description").asText(null);
        if (input.hasNonNull("index")) {
            int index = input.get("index").asInt();
            if (index < 0 || index >= sheet.columns.size()) throw ApiError.invalidAttribute(String.valueOf(index), "column.index");
            sheet.columns.remove(column);
            sheet.columns.add(index, column);
        }
        sheet.touch();
        return SheetViews.column(column, sheet.columns.indexOf(column));
    }

    static void delete(Sheet sheet, Column column) {
        if (column.primary) throw ApiError.columnNotDeletable();
        sheet.columns.remove(column);
        for (Row row : sheet.rows) row.dropCell(column.id);
        rewriteReferences(sheet, column.title, "#REF");
        sheet.touch();
    }

    /** Replaces references to a column, {@code [Title]} or a bare one-word {@code Title@row}, in every formula. */
    private static void rewriteReferences(Sheet sheet, String title, String replacement) {
        for (Column column : sheet.columns) {
            if (column.formula != null) column.formula = rewrite(column.formula, title, replacement);
        }
        for (Row row : sheet.rows) {
            for (Column column : sheet.columns) {
                Cell cell = row.existingCell(column.id);
                if (cell != null && cell.formula != null) cell.formula = rewrite(cell.formula, title, replacement);
            }
        }
    }

    static String rewrite(String formula, String title, String replacement) {
        String rewritten = formula.replace("[" + title + "]", replacement);
        if (title.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            Pattern bare = Pattern.compile("(?<![\\w\\]\"])" + Pattern.quote(title) + "(?=@|\\d|:)");
            rewritten = bare.matcher(rewritten).replaceAll(Matcher.quoteReplacement(replacement));
        }
        return rewritten;
    }
}
