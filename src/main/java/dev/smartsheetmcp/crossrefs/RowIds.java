package dev.smartsheetmcp.crossrefs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sheets.SheetPager;
import dev.smartsheetmcp.smartsheet.PagedRead;
import java.util.ArrayList;
import java.util.List;

/** Every row id of a sheet, read page by page with one column only. */
final class RowIds implements PagedRead {

    private final SheetPager pager;
    private final List<Long> ids = new ArrayList<>();

    RowIds(long columnId, int pageSize) {
        this.pager = new SheetPager("columnIds=" + columnId, pageSize);
    }

    @Override
    public boolean morePages() {
        return pager.hasMore();
    }

    @Override
    public String nextPageQuery() {
        return pager.nextQuery();
    }

    @Override
    public void takePage(JsonNode sheet) {
        pager.take(sheet).forEach(row -> ids.add(row.path("id").asLong()));
    }

    List<Long> ids() {
        return ids;
    }
}
