package dev.smartsheetmcp.sandbox.smartsheet;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One sheet's columns and ordered rows. Not thread-safe by itself: every reader and writer
 * holds the sheet's monitor ({@code synchronized (sheet)}) for the whole operation, so one
 * API call sees and makes one consistent version.
 */
final class Sheet {

    final long id;
    String name;
    final Workspace workspace;
    /** The folder holding the sheet; null at the top of Home or of a workspace. */
    Folder folder;
    /** Sheet summary fields, in order. */
    final List<SummaryField> summaryFields = new ArrayList<>();
    final String createdAt;
    String modifiedAt;
    long version = 1;
    final List<Column> columns = new ArrayList<>();
    final List<Row> rows = new ArrayList<>();
    /** Read without the sheet's lock (a source sheet is locked to work out their status). */
    final List<CrossSheetReference> crossSheetReferences = new CopyOnWriteArrayList<>();
    /** Sheet and row discussions, oldest first. */
    final List<Discussion> discussions = new ArrayList<>();
    /** Sheet, row and comment attachments, oldest first. */
    final List<Attachment> attachments = new ArrayList<>();
    private final Map<Long, Row> rowsById = new HashMap<>();
    private long lastAutoNumber;

    Sheet(long id, String name, Workspace workspace) {
        this.id = id;
        this.name = name;
        this.workspace = workspace;
        this.createdAt = now();
        this.modifiedAt = createdAt;
    }

    /** Smartsheet's timestamp form: ISO-8601 in UTC, whole seconds. */
    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    String permalink() {
        return "https://app.smartsheet.com/sheets/" + Long.toString(id, 36);
    }

    Column column(long columnId) {
        for (Column column : columns) if (column.id == columnId) return column;
        return null;
    }

    Column requireColumn(long columnId) {
        Column column = column(columnId);
        if (column == null) throw ApiError.notFound();
        return column;
    }

    Column columnTitled(String title) {
        for (Column column : columns) if (column.title.equals(title)) return column;
        throw new IllegalArgumentException("sheet " + id + " has no column titled '" + title + "'");
    }

    Row row(long rowId) {
        return rowsById.get(rowId);
    }

    Row requireRow(long rowId) {
        Row row = rowsById.get(rowId);
        if (row == null) throw ApiError.notFound();
        return row;
    }

    Row newRow(long rowId) {
        return new Row(rowId, ++lastAutoNumber, now());
    }

    /** Places a row at a position (0-based), or moves it there if it is already in the sheet. */
    void place(Row row, int index) {
        if (rowsById.containsKey(row.id)) rows.remove(row);
        rows.add(Math.min(index, rows.size()), row);
        rowsById.put(row.id, row);
    }

    void remove(Row row) {
        rows.remove(row);
        rowsById.remove(row.id);
    }

    /** 1-based position, as Smartsheet's rowNumber. */
    int rowNumber(Row row) {
        return rows.indexOf(row) + 1;
    }

    /** Records a change: a new version and modification time. */
    void touch() {
        version++;
        modifiedAt = now();
    }
}
