package dev.smartsheetmcp.sheets.rows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sheets.SheetColumns;
import dev.smartsheetmcp.sheets.SheetPager;
import dev.smartsheetmcp.smartsheet.PagedRead;
import dev.smartsheetmcp.toolkit.BudgetedList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * get_all_row_ids: a one-row read gives the primary column and the row count; then pages
 * of only the primary column (the least a row can carry) give the ids in sheet order, until the
 * answer's size budget is full. A cursor continues after the last id answered: its page is read
 * first (where that row stood), and the whole sheet only when rows added or deleted before it
 * moved it; a row deleted meanwhile makes the cursor stale.
 */
public final class RowIdListing {

    static final String TOOL = "get_all_row_ids";

    private int pageSize = 5000;
    private int defaultMaxChars = 100_000;

    /** Rows per page (tools.rows.page-size). */
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    /** The size budget when the call gives no max_chars (tools.rows.ids-max-answer-chars). */
    public void setDefaultMaxChars(int defaultMaxChars) {
        this.defaultMaxChars = defaultMaxChars;
    }

    /** The ids taken so far and the pages still to read. */
    public static final class Listing implements PagedRead {
        private final BudgetedList<String> page;
        private final String query;
        private final int pageSize;
        private long totalRows;
        private SheetPager pager;
        /** The id the previous answer ended with, until this read has passed it. */
        private String anchor;
        private boolean fromFirstPage;

        private Listing(BudgetedList<String> page, String query, int pageSize, long totalRows) {
            this.page = page;
            this.query = query;
            this.pageSize = pageSize;
            this.totalRows = totalRows;
            this.anchor = page.after().orElse(null);
            int anchorIndex = page.answeredBefore() - 1;
            this.fromFirstPage = anchor == null || anchorIndex < pageSize;
            this.pager = new SheetPager(query, pageSize).knowingTotal(totalRows)
                    .startingAt(anchor == null ? 1 : anchorIndex / pageSize + 1);
        }

        @Override
        public boolean morePages() {
            if (page.full()) return false;
            if (pager.hasMore()) return true;
            if (anchor == null) return false;
            if (fromFirstPage) throw BudgetedList.staleCursor("row");
            // the row moved off its page: look for it from the first page
            fromFirstPage = true;
            pager = new SheetPager(query, pageSize).knowingTotal(totalRows);
            return pager.hasMore();
        }

        @Override
        public String nextPageQuery() {
            return pager.nextQuery();
        }

        @Override
        public void takePage(JsonNode sheet) {
            totalRows = sheet.path("totalRowCount").asLong(totalRows);
            JsonNode rows = pager.take(sheet);
            int from = 0;
            if (anchor != null) {
                from = -1;
                for (int i = 0; i < rows.size(); i++) {
                    if (anchor.equals(rows.get(i).path("id").asText())) from = i + 1;
                }
                if (from < 0) {
                    if (!fromFirstPage) pager = new SheetPager(query, pageSize).knowingTotal(0); // ends the pass
                    return;
                }
                anchor = null;
            }
            for (int i = from; i < rows.size(); i++) {
                if (!page.offer(rows.get(i).path("id").asText())) return;
            }
        }
    }

    /** The query of the first, one-row read. */
    public String firstQuery() {
        return "pageSize=1&page=1";
    }

    public Listing start(Map<String, Object> arguments, JsonNode firstPage) {
        BudgetedList<String> page = BudgetedList.of(TOOL, arguments, defaultMaxChars);
        long totalRows = firstPage.path("totalRowCount").asLong(0);
        page.frame(frame(totalRows));
        long primary = SheetColumns.of(firstPage).primary().id();
        return new Listing(page, "columnIds=" + primary + "&exclude=nonexistentCells", pageSize, totalRows);
    }

    public Map<String, Object> answer(Listing listing) {
        Map<String, Object> answer = frame(listing.totalRows);
        answer.put("row_ids", listing.page.items());
        return listing.page.finish(answer, id -> id);
    }

    private static Map<String, Object> frame(long totalRows) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("row_ids", java.util.List.of());
        answer.put("total_count", totalRows);
        return answer;
    }
}
