package dev.smartsheetmcp.completions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** List Sheets page by page (pageSize and page), every sheet's id and name kept. */
public final class SheetListing {

    private final int pageSize;
    private final List<Directory.Entry> entries = new ArrayList<>();
    private int nextPage = 1;
    private int totalPages = -1;

    SheetListing(int pageSize) {
        this.pageSize = pageSize;
    }

    public boolean morePages() {
        return totalPages < 0 || nextPage <= totalPages;
    }

    public String nextQuery() {
        return "pageSize=" + pageSize + "&page=" + nextPage;
    }

    void take(JsonNode page) {
        totalPages = page.path("totalPages").asInt(0);
        nextPage++;
        page.path("data").forEach(sheet -> entries.add(new Directory.Entry(sheet.path("id").asText(), sheet.path("name").asText())));
    }

    List<Directory.Entry> entries() {
        return entries;
    }
}
