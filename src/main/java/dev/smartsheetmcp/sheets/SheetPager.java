package dev.smartsheetmcp.sheets;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a sheet page by page (Get Sheet with pageSize and page), so that a 20,000-row sheet
 * is never held whole. The number of pages follows from the sheet's totalRowCount.
 */
public final class SheetPager {

    private final String query;
    private final int pageSize;
    private int nextPage = 1;
    private long totalRows = -1;
    private boolean lastPageEmpty;

    /** @param query what every page asks besides paging, such as {@code columnIds=1,2} */
    public SheetPager(String query, int pageSize) {
        this.query = query;
        this.pageSize = pageSize;
    }

    /** For a sheet whose row count is already known (no page is read when it is 0). */
    public SheetPager knowingTotal(long totalRows) {
        this.totalRows = totalRows;
        return this;
    }

    /** Starts at page {@code page} (1-based) instead of the first, the rows before it unread. */
    public SheetPager startingAt(int page) {
        this.nextPage = Math.max(page, 1);
        return this;
    }

    public boolean hasMore() {
        return totalRows < 0 || !lastPageEmpty && (long) (nextPage - 1) * pageSize < totalRows;
    }

    public String nextQuery() {
        return (query.isEmpty() ? "" : query + "&") + "pageSize=" + pageSize + "&page=" + nextPage;
    }

    /** Notes a page read; answers its rows. */
    public JsonNode take(JsonNode sheet) {
        totalRows = sheet.path("totalRowCount").asLong(0);
        nextPage++;
        JsonNode rows = sheet.path("rows");
        lastPageEmpty = rows.isEmpty();
        return rows;
    }

    /** The sheet's row count, as of the last page read (-1 before the first). */
    public long totalRows() {
        return totalRows;
    }
}
