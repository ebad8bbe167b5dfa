package dev.smartsheetmcp.workspaces;

import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.toolkit.ToolException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sheet {@code create_sheet_in_workspace} and {@code create_sheet} ask for, checked against
 * Smartsheet's rules for a new sheet before anything is created, so a bad definition fails with
 * the field named instead of a bare API error (or, as the existing server did, after a partial
 * attempt). The primary column is the one marked {@code primary: true}, else the first.
 */
public record NewSheet(String name, List<NewColumn> columns) {

    /** Smartsheet's limit of columns per sheet. */
    static final int MAX_COLUMNS = 400;
    static final List<String> TYPES = List.of("TEXT_NUMBER", "DATE", "CHECKBOX", "PICKLIST", "MULTI_PICKLIST", "CONTACT_LIST");
    private static final Set<String> TAKES_OPTIONS = Set.of("PICKLIST", "MULTI_PICKLIST");
    private static final String PRIMARY_TYPE = "TEXT_NUMBER";

    public record NewColumn(String title, String type, List<String> options, boolean primary) {
    }

    public static NewSheet from(ToolArguments arguments) {
        String name = arguments.nonBlankText("name").strip();
        List<?> items = arguments.list("columns");
        if (items.isEmpty()) throw ToolException.invalidArgument("columns", "a sheet needs at least one column");
        if (items.size() > MAX_COLUMNS) {
            throw ToolException.invalidArgument("columns", "Smartsheet allows at most " + MAX_COLUMNS
                    + " columns in a sheet, got " + items.size());
        }
        List<NewColumn> columns = new ArrayList<>();
        Map<String, Integer> seenTitles = new HashMap<>();
        Integer marked = null;
        for (int i = 0; i < items.size(); i++) {
            NewColumn column = column("columns[" + i + "]", items.get(i));
            Integer earlier = seenTitles.putIfAbsent(column.title(), i);
            if (earlier != null) {
                throw ToolException.invalidArgument("columns[" + i + "].title", "'" + column.title()
                        + "' is already the title of columns[" + earlier + "]; column titles must be unique");
            }
            if (column.primary()) {
                if (marked != null) {
                    throw ToolException.invalidArgument("columns[" + i + "].primary", "columns[" + marked
                            + "] is already the primary column; a sheet has exactly one");
                }
                marked = i;
            }
            columns.add(column);
        }
        if (marked == null) {
            String firstType = columns.get(0).type();
            if (!PRIMARY_TYPE.equals(firstType)) {
                throw ToolException.invalidArgument("columns[0].type", "the first column becomes the sheet's primary column, "
                        + "which Smartsheet requires to be TEXT_NUMBER, got " + firstType + "; put a TEXT_NUMBER column first");
            }
            NewColumn first = columns.get(0);
            columns.set(0, new NewColumn(first.title(), first.type(), first.options(), true));
        } else if (!PRIMARY_TYPE.equals(columns.get(marked).type())) {
            throw ToolException.invalidArgument("columns[" + marked + "].type", "the primary column must be TEXT_NUMBER"
                    + " (Smartsheet's rule), got " + columns.get(marked).type());
        }
        return new NewSheet(name, List.copyOf(columns));
    }

    /** Create Sheet's request body, with the primary column marked. */
    public Map<String, Object> requestBody() {
        List<Map<String, Object>> wireColumns = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            NewColumn column = columns.get(i);
            Map<String, Object> wire = new LinkedHashMap<>();
            wire.put("title", column.title());
            wire.put("type", column.type());
            if (column.primary()) wire.put("primary", true);
            if (!column.options().isEmpty()) wire.put("options", column.options());
            wireColumns.add(wire);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("columns", wireColumns);
        return body;
    }

    private static NewColumn column(String path, Object item) {
        if (!(item instanceof Map<?, ?> fields)) throw ToolException.invalidArgument(path, "must be an object with title and type");
        String title = text(path + ".title", fields.get("title")).strip();
        if (title.isEmpty()) throw ToolException.invalidArgument(path + ".title", "must not be empty");
        String type = text(path + ".type", fields.get("type"));
        if (!TYPES.contains(type)) {
            throw ToolException.invalidArgument(path + ".type", "must be one of " + String.join(", ", TYPES) + ", got '" + type + "'");
        }
        Object primary = fields.get("primary");
        if (primary != null && !(primary instanceof Boolean)) throw ToolException.invalidArgument(path + ".primary", "must be true or false");
        return new NewColumn(title, type, options(path + ".options", type, fields.get("options")), Boolean.TRUE.equals(primary));
    }

    private static List<String> options(String path, String type, Object value) {
        if (value == null) return List.of();
        if (!(value instanceof List<?> items)) throw ToolException.invalidArgument(path, "must be an array of strings");
        if (items.isEmpty()) return List.of();
        if (!TAKES_OPTIONS.contains(type)) {
            throw ToolException.invalidArgument(path, "only PICKLIST and MULTI_PICKLIST columns take options, this column is " + type);
        }
        List<String> options = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String option = text(path + "[" + i + "]", items.get(i));
            if (option.isBlank()) throw ToolException.invalidArgument(path + "[" + i + "]", "must not be empty");
            options.add(option);
        }
        return List.copyOf(options);
    }

    private static String text(String path, Object value) {
        if (value == null) throw ToolException.invalidArgument(path, "is required");
        if (!(value instanceof String text)) throw ToolException.invalidArgument(path, "must be a string");
        return text;
    }
}
