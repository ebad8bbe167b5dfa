package dev.smartsheetmcp.resources;

import dev.smartsheetmcp.sheets.SheetColumns;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The columns that play a project role in a sheet, found by type and title the way people name
 * them (Smartsheet's project sheets: Task Name, Start, Finish, Duration, Predecessors, % Complete,
 * Assigned To, Status). A role no column plays is null.
 */
record ProjectColumns(SheetColumns.Column name, SheetColumns.Column start, SheetColumns.Column end,
                      SheetColumns.Column duration, SheetColumns.Column percentComplete, SheetColumns.Column status,
                      SheetColumns.Column assignee, SheetColumns.Column predecessors, SheetColumns.Column done) {

    private static final List<String> DATE_TYPES = List.of("DATE", "DATETIME", "ABSTRACT_DATETIME");

    static ProjectColumns of(SheetColumns columns) {
        List<SheetColumns.Column> all = columns.all();
        return new ProjectColumns(columns.primary(),
                find(all, date().and(titled("start"))),
                find(all, date().and(titled("end", "finish", "due"))),
                find(all, titled("duration")),
                find(all, titled("% complete", "percent", "progress", "% done")),
                find(all, titled("status", "state")),
                find(all, column -> "CONTACT_LIST".equals(column.type()) || titled("assigned", "owner", "assignee").test(column)),
                find(all, column -> "PREDECESSOR".equals(column.type()) || titled("predecessor").test(column)),
                find(all, column -> "CHECKBOX".equals(column.type()) && titled("done", "complete").test(column)));
    }

    Long id(SheetColumns.Column column) {
        return column == null ? null : column.id();
    }

    /** The role each found column plays, by title: what a reader needs to trust the figures. */
    Map<String, String> roles() {
        Map<String, String> roles = new LinkedHashMap<>();
        put(roles, "task_name", name);
        put(roles, "start", start);
        put(roles, "end", end);
        put(roles, "duration", duration);
        put(roles, "percent_complete", percentComplete);
        put(roles, "status", status);
        put(roles, "assignee", assignee);
        put(roles, "predecessors", predecessors);
        put(roles, "done", done);
        return roles;
    }

    /** Percent complete 0 to 100: Smartsheet keeps 50% as 0.5 and shows "50%". */
    Optional<Double> percent(RowCells row) {
        if (percentComplete == null) return Optional.empty();
        boolean shownAsPercent = row.text(percentComplete.id()).map(text -> text.endsWith("%")).orElse(false);
        return row.number(percentComplete.id()).map(value -> !shownAsPercent && value <= 1 ? value * 100 : value);
    }

    /** Done: the done box ticked, 100% complete, or a status that says so. */
    boolean complete(RowCells row) {
        if (done != null && row.checked(done.id())) return true;
        if (percent(row).map(value -> value >= 100).orElse(false)) return true;
        return row.text(id(status)).map(text -> text.toLowerCase(Locale.ROOT))
                .map(text -> text.contains("complete") || text.equals("done") || text.contains("closed")).orElse(false);
    }

    private static void put(Map<String, String> roles, String role, SheetColumns.Column column) {
        if (column != null) roles.put(role, column.title());
    }

    private static SheetColumns.Column find(List<SheetColumns.Column> all, Predicate<SheetColumns.Column> test) {
        return all.stream().filter(test).findFirst().orElse(null);
    }

    private static Predicate<SheetColumns.Column> date() {
        return column -> DATE_TYPES.contains(column.type());
    }

    private static Predicate<SheetColumns.Column> titled(String... words) {
        return column -> {
            String title = column.title().toLowerCase(Locale.ROOT);
            for (String word : words) if (title.contains(word)) return true;
            return false;
        };
    }
}
