package dev.smartsheetmcp.resources;

import dev.smartsheetmcp.sandbox.smartsheet.ColumnSpec;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A project plan seeded straight into the emulator: row i (1-based) starts on 2020-01-01 plus i
 * days and finishes five days later; every fourth row is complete; every row but the first of
 * each ten depends on the row before; rows 3, 4 and 5 form a cycle; the last row points at a row
 * that does not exist; every third row has no owner.
 */
final class ProjectSheets {

    static final List<ColumnSpec> COLUMNS = List.of(
            ColumnSpec.primary("Task Name"),
            ColumnSpec.of("Assigned To", "CONTACT_LIST"),
            ColumnSpec.picklist("Status", "Not Started", "In Progress", "Complete"),
            ColumnSpec.of("Start", "DATE"),
            ColumnSpec.of("Finish", "DATE"),
            ColumnSpec.text("Duration"),
            ColumnSpec.text("Predecessors"),
            ColumnSpec.text("% Complete"));

    private ProjectSheets() {
    }

    static long create(SmartsheetEmulator smartsheet, Long workspaceId, String name, int rows) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = 1; i <= rows; i++) data.add(row(i, rows));
        return smartsheet.createSheet(workspaceId, name, COLUMNS, data);
    }

    static boolean complete(int i) {
        return i % 4 == 0;
    }

    private static Map<String, Object> row(int i, int rows) {
        Map<String, Object> row = new HashMap<>();
        LocalDate start = LocalDate.of(2020, 1, 1).plusDays(i);
        row.put("Task Name", "Task " + i);
        if (i % 3 != 0) row.put("Assigned To", Map.of("email", "owner" + (i % 7) + "@example.com", "name", "Owner " + (i % 7)));
        row.put("Status", complete(i) ? "Complete" : i % 4 == 1 ? "Not Started" : "In Progress");
        row.put("Start", start.toString());
        row.put("Finish", start.plusDays(5).toString());
        row.put("Duration", "5d");
        row.put("% Complete", complete(i) ? 1.0 : 0.25);
        String predecessors = i == 3 ? "2, 5" : i == rows ? (i - 1) + ", 99999FS +2d" : i % 10 != 1 ? Integer.toString(i - 1) : null;
        if (predecessors != null) row.put("Predecessors", predecessors);
        return row;
    }
}
