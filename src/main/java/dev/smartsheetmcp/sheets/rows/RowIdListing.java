package dev.smartsheetmcp.sheets.rows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sheets.SheetColumns;
import dev.smartsheetmcp.sheets.SheetPager;
import dev.smartsheetmcp.smartsheet.PagedRead;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * get_all_row_ids: a one-row read gives the primary column and the row count; then pages
 * of only the primary column (the least a row can carry) give the ids in sheet order.
 */
public final class RowIdListing {

    private int pageSize = 5000;

    /** Rows per page (tools.rows.page-size). */
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    /** The ids collected so far and the pages still to read. */
    public static final class Listing implements PagedRead {
        private final List<String> rowIds = new ArrayList<>();
        private SheetPager pager;

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
            for (JsonNode row : pager.take(sheet)) rowIds.add(row.path("id").asText());
        }
    }

    /** The query of the first, one-row read. */
    public String firstQuery() {
        return "pageSize=1&page=1";
    }

    public Listing start(JsonNode firstPage) {
        Listing listing = new Listing();
        long primary = SheetColumns.of(firstPage).primary().id();
        listing.pager = new SheetPager("columnIds=" + primary + "&exclude=nonexistentCells", pageSize)
                .knowingTotal(firstPage.path("totalRowCount").asLong(0));
        return listing;
    }

    public Map<String, Object> answer(Listing listing) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("row_ids", listing.rowIds);
        answer.put("total_count", listing.rowIds.size());
        return answer;
    }
}
