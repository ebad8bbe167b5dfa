package dev.smartsheetmcp.sandbox.smartsheet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders sheets, columns, rows and cells as Smartsheet's JSON objects. Callers hold the
 * sheet's lock. Absent attributes are left out rather than written as null, as the API does.
 */
final class SheetViews {

    /**
     * What the include/exclude/columnIds parameters ask of rows and cells; {@code references}, the
     * sheet's cross-sheet references by lower-case name and status, lets cell formulas that name
     * one show its error (null: formulas are shown as written).
     */
    record Options(Set<String> include, Set<String> exclude, Set<Long> columnIds, Map<String, String> references) {
        static final Options DEFAULT = new Options(Set.of(), Set.of(), null, null);

        boolean shows(Column column) {
            return columnIds == null || columnIds.contains(column.id);
        }
    }

    private static final Set<String> NO_DISPLAY_VALUE = Set.of("CHECKBOX", "DATE", "DATETIME", "ABSTRACT_DATETIME");

    private SheetViews() {
    }

    static Map<String, Object> sheet(Sheet sheet, List<Row> rows, Options options) {
        Map<String, Object> view = summary(sheet);
        view.put("version", sheet.version);
        view.put("totalRowCount", sheet.rows.size());
        view.put("ganttEnabled", false);
        view.put("dependenciesEnabled", false);
        view.put("resourceManagementEnabled", false);
        view.put("resourceManagementType", "NONE");
        view.put("cellImageUploadEnabled", true);
        view.put("hasSummaryFields", false);
        view.put("isMultiPicklistEnabled", true);
        view.put("userSettings", Map.of("criticalPathEnabled", false, "displaySummaryTasks", true));
        view.put("userPermissions", Map.of("summaryPermissions", "ADMIN"));
        if (sheet.workspace != null) {
            view.put("workspace", Map.of("id", sheet.workspace.id, "name", sheet.workspace.name));
        }
        List<Map<String, Object>> columns = new ArrayList<>();
        for (int i = 0; i < sheet.columns.size(); i++) {
            Column column = sheet.columns.get(i);
            if (options.shows(column)) columns.add(column(column, i));
        }
        view.put("columns", columns);
        Map<Row, Integer> rowNumbers = new IdentityHashMap<>();
        for (int i = 0; i < sheet.rows.size(); i++) rowNumbers.put(sheet.rows.get(i), i + 1);
        List<Map<String, Object>> rowViews = new ArrayList<>();
        for (Row row : rows) rowViews.add(row(sheet, row, rowNumbers.get(row), options, false));
        view.put("rows", rowViews);
        return view;
    }

    /** The short form used in sheet lists and workspace contents. */
    static Map<String, Object> summary(Sheet sheet) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", sheet.id);
        view.put("name", sheet.name);
        view.put("accessLevel", "OWNER");
        view.put("permalink", sheet.permalink());
        view.put("createdAt", sheet.createdAt);
        view.put("modifiedAt", sheet.modifiedAt);
        return view;
    }

    static Map<String, Object> column(Column column, int index) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", column.id);
        view.put("version", column.level());
        view.put("index", index);
        view.put("title", column.title);
        view.put("type", column.type);
        if (column.primary) view.put("primary", true);
        if (!column.options.isEmpty()) view.put("options", List.copyOf(column.options));
        if (column.systemColumnType != null) view.put("systemColumnType", column.systemColumnType);
        if (column.formula != null) view.put("formula", column.formula);
        if (column.description != null) view.put("description", column.description);
        if (column.hidden) view.put("hidden", true);
        view.put("validation", column.validation);
        view.put("width", 150);
        return view;
    }

    /** A row; {@code forWriteResult} adds the sheetId and version that add/update results carry. */
    static Map<String, Object> row(Sheet sheet, Row row, Options options, boolean forWriteResult) {
        return row(sheet, row, sheet.rowNumber(row), options, forWriteResult);
    }

    private static Map<String, Object> row(Sheet sheet, Row row, int rowNumber, Options options, boolean forWriteResult) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", row.id);
        if (forWriteResult) view.put("sheetId", sheet.id);
        if (row.parentId != null) view.put("parentId", row.parentId);
        view.put("rowNumber", rowNumber);
        if (forWriteResult) view.put("version", sheet.version);
        view.put("expanded", true);
        view.put("createdAt", row.createdAt);
        view.put("modifiedAt", row.modifiedAt);
        if (options.include().contains("writerInfo")) {
            Map<String, Object> user = Map.of("name", SystemColumns.USER_NAME, "email", SystemColumns.USER_EMAIL);
            view.put("createdBy", user);
            view.put("modifiedBy", user);
        }
        if (options.include().contains("rowPermalink")) {
            view.put("permaLink", sheet.permalink() + "?rowId=" + Long.toString(row.id, 36));
        }
        List<Map<String, Object>> cells = new ArrayList<>();
        for (Column column : sheet.columns) {
            if (!options.shows(column)) continue;
            Map<String, Object> cell = cell(column, row, options);
            if (cell != null) cells.add(cell);
        }
        view.put("cells", cells);
        if (options.include().contains("discussions")) view.put("discussions", RowDetails.discussions(sheet, row.id));
        if (options.include().contains("attachments")) view.put("attachments", RowDetails.attachments(sheet, row.id));
        return view;
    }

    /** A cell, or null when exclude=nonexistentCells hides a cell that never held data. */
    static Map<String, Object> cell(Column column, Row row, Options options) {
        Cell stored = row.existingCell(column.id);
        String formula = column.formula != null ? column.formula : stored == null ? null : stored.formula;
        if (stored == null && formula == null && !column.isSystem() && options.exclude().contains("nonexistentCells")) {
            return null;
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("columnId", column.id);
        if (options.include().contains("columnType")) view.put("columnType", column.type);
        Object value;
        String display;
        if (column.isSystem()) {
            value = SystemColumns.valueOf(column.systemColumnType, row);
            display = SystemColumns.displayValueOf(column.systemColumnType);
        } else if (formula != null && formula.contains("#REF")) {
            value = "#REF";
            display = "#REF";
        } else if (formula != null && ReferenceFormulas.error(formula, options.references()) != null) {
            value = ReferenceFormulas.error(formula, options.references());
            display = (String) value;
        } else {
            value = stored == null ? null : stored.value;
            display = stored == null ? null : stored.displayValue;
        }
        if (value != null) {
            view.put("value", value);
            if (display == null) display = text(value);
            if (!NO_DISPLAY_VALUE.contains(column.type)) view.put("displayValue", display);
        }
        if (formula != null) view.put("formula", formula);
        if (stored != null && stored.objectValue != null && options.include().contains("objectValue")) {
            view.put("objectValue", stored.objectValue);
        }
        return view;
    }

    /** How a value reads in the grid: numbers without a trailing ".0". */
    static String text(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    static Map<String, Object> workspace(Workspace workspace) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", workspace.id);
        view.put("name", workspace.name);
        view.put("accessLevel", "OWNER");
        view.put("permalink", workspace.permalink());
        return view;
    }
}
