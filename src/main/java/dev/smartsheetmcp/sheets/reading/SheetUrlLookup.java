package dev.smartsheetmcp.sheets.reading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.toolkit.ToolException;

/**
 * Finds the sheet a link points to by reading List Sheets page by page and matching each
 * sheet's {@code permalink}; bounded to {@code tools.url-lookup.max-pages} pages of
 * {@code tools.url-lookup.page-size} sheets.
 */
public final class SheetUrlLookup {

    private final String token;
    private final int pageSize;
    private final int maxPages;
    private int pagesRead;
    private boolean lastPage;
    private long sheetsSeen;
    private Long sheetId;

    SheetUrlLookup(String token, int pageSize, int maxPages) {
        this.token = token;
        this.pageSize = pageSize;
        this.maxPages = maxPages;
    }

    public boolean morePages() {
        return sheetId == null && !lastPage && pagesRead < maxPages;
    }

    public String nextQuery() {
        return "pageSize=" + pageSize + "&page=" + (pagesRead + 1);
    }

    /** One page of List Sheets. */
    public void takePage(JsonNode page) {
        pagesRead++;
        for (JsonNode sheet : page.path("data")) {
            sheetsSeen++;
            if (token.equals(SheetUrl.tokenOrNull(sheet.path("permalink").asText()))) {
                sheetId = sheet.path("id").asLong();
                return;
            }
        }
        lastPage = page.path("data").isEmpty() || page.path("pageNumber").asInt(pagesRead) >= page.path("totalPages").asInt(0);
    }

    /** The sheet found; an error naming {@code url} when none matched. */
    long sheetId() {
        if (sheetId != null) return sheetId;
        if (!lastPage) {
            throw ToolException.invalidArgument("url", "no sheet among the first " + sheetsSeen + " sheets you can see has this"
                    + " link (the search stops there); pass sheet_id instead");
        }
        throw ToolException.invalidArgument("url", "no sheet you can see has this link (" + sheetsSeen
                + " sheets checked); check the link, or that the sheet is shared with the Smartsheet account in use");
    }
}
