package dev.smartsheetmcp.crossrefs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sheets.SheetColumns;
import dev.smartsheetmcp.smartsheet.SmartsheetApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A sheet's cross-sheet references, filled in step by step by the routes: the references listed,
 * where the sheet's formulas use them ({@link ReferenceUsage}), and one read of each source sheet.
 */
public final class SheetReferences {

    /** One Get Sheet of a source sheet: every column, and only the rows at the edges of its ranges. */
    public record SourceRead(long sheetId, String query) {
    }

    private final long sheetId;
    private final List<CrossReference> references = new ArrayList<>();
    private final Map<Long, SourceSheet> sources = new LinkedHashMap<>();
    private ReferenceUsage usage;

    SheetReferences(long sheetId, JsonNode listed) {
        this.sheetId = sheetId;
        listed.path("data").forEach(reference -> references.add(CrossReference.of(reference)));
    }

    long sheetId() {
        return sheetId;
    }

    List<CrossReference> references() {
        return references;
    }

    ReferenceUsage usage() {
        return usage;
    }

    /** The scan of the sheet's formulas, to be filled page by page. */
    public ReferenceUsage scanFormulas(JsonNode columns, int pageSize) {
        usage = new ReferenceUsage(SheetColumns.of(columns), pageSize);
        return usage;
    }

    public List<SourceRead> sourceReads() {
        Map<Long, Set<Long>> edgeRows = new LinkedHashMap<>();
        for (CrossReference reference : references) {
            Set<Long> rows = edgeRows.computeIfAbsent(reference.sourceSheetId(), id -> new LinkedHashSet<>());
            if (reference.startRowId() != null) rows.add(reference.startRowId());
            if (reference.endRowId() != null) rows.add(reference.endRowId());
        }
        List<SourceRead> reads = new ArrayList<>();
        edgeRows.forEach((id, rows) -> reads.add(new SourceRead(id, rows.isEmpty() ? "pageSize=1&page=1"
                : "rowIds=" + rows.stream().map(String::valueOf).collect(Collectors.joining(",")))));
        return reads;
    }

    public void sourceRead(SourceRead read, JsonNode sheet) {
        sources.put(read.sheetId(), SourceSheet.read(read.sheetId(), sheet));
    }

    public void sourceFailed(SourceRead read, SmartsheetApiException error) {
        sources.put(read.sheetId(), SourceSheet.unreadable(read.sheetId(), error));
    }

    SourceSheet source(CrossReference reference) {
        return sources.get(reference.sourceSheetId());
    }

    /** Why the reference is broken, or null: its source is gone or unreadable, or an edge of its range is not on it. */
    String problem(CrossReference reference) {
        SourceSheet source = source(reference);
        if (source == null) return null;
        if (!source.readable()) return source.problem();
        for (Long column : new Long[] {reference.startColumnId(), reference.endColumnId()}) {
            if (column != null && source.columns().byId(column).isEmpty()) {
                return "column " + column + " at an edge of the range is no longer in the source sheet";
            }
        }
        for (Long row : new Long[] {reference.startRowId(), reference.endRowId()}) {
            if (row != null && !source.rowNumbers().containsKey(row)) {
                return "row " + row + " at an edge of the range is no longer in the source sheet";
            }
        }
        return null;
    }

    /** The range in words and ids: columns by title, rows by number, where the source could be read. */
    Map<String, Object> range(CrossReference reference) {
        SourceSheet source = source(reference);
        Map<String, Object> range = new LinkedHashMap<>();
        if (reference.startColumnId() != null) {
            range.put("start_column", column(source, reference.startColumnId()));
            range.put("end_column", column(source, reference.endColumnId()));
        }
        if (reference.startRowId() != null) {
            range.put("start_row", row(source, reference.startRowId()));
            range.put("end_row", row(source, reference.endRowId()));
        }
        range.put("shape", reference.startRowId() == null ? "whole columns"
                : reference.startColumnId() == null ? "whole rows" : "cells");
        return range;
    }

    private static Map<String, Object> column(SourceSheet source, long id) {
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("id", Long.toString(id));
        if (source != null && source.readable()) {
            column.put("title", source.columns().byId(id).map(SheetColumns.Column::title).orElse(null));
        }
        return column;
    }

    private static Map<String, Object> row(SourceSheet source, long id) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", Long.toString(id));
        if (source != null && source.readable()) row.put("row_number", source.rowNumbers().get(id));
        return row;
    }

    /** The reference for a name a formula uses (any case), or null when the sheet has none of that name. */
    CrossReference named(String name) {
        for (CrossReference reference : references) {
            if (ReferenceNames.key(reference.name()).equals(ReferenceNames.key(name))) return reference;
        }
        return null;
    }
}
