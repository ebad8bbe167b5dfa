package dev.smartsheetmcp.sheets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.smartsheet.PagedRead;

/**
 * A read of a sheet's pages as a {@link SheetPager} plans them, through
 * {@code direct:smartsheet-read-pages}: a subclass says only what it keeps of each page's rows.
 */
public abstract class PagedSheetRead implements PagedRead {

    private final SheetPager pager;

    protected PagedSheetRead(SheetPager pager) {
        this.pager = pager;
    }

    @Override
    public final boolean morePages() {
        return pager.hasMore();
    }

    @Override
    public final String nextPageQuery() {
        return pager.nextQuery();
    }

    @Override
    public final void takePage(JsonNode sheet) {
        takeRows(sheet, pager.take(sheet));
    }

    /** The rows of one page ({@code sheet} is the whole Get Sheet answer, for its other fields). */
    protected abstract void takeRows(JsonNode sheet, JsonNode rows);
}
