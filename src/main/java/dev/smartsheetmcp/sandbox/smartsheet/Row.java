package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.HashMap;
import java.util.Map;

/** A sheet row: its cells by column id. Mutable; guarded by its sheet's lock. */
final class Row {

    final long id;
    final long autoNumber;
    final String createdAt;
    String modifiedAt;
    /** The row this one is indented under, or null at the top level. */
    Long parentId;
    private final Map<Long, Cell> cells = new HashMap<>();

    Row(long id, long autoNumber, String now) {
        this.id = id;
        this.autoNumber = autoNumber;
        this.createdAt = now;
        this.modifiedAt = now;
    }

    /** The cell in a column, created empty on first use. */
    Cell cell(long columnId) {
        return cells.computeIfAbsent(columnId, key -> new Cell());
    }

    /** The cell in a column, or null when it never held anything. */
    Cell existingCell(long columnId) {
        return cells.get(columnId);
    }

    void dropCell(long columnId) {
        cells.remove(columnId);
    }
}
