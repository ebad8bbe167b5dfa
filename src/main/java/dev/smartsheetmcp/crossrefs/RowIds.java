package dev.smartsheetmcp.crossrefs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sheets.PagedSheetRead;
import dev.smartsheetmcp.sheets.SheetPager;
import java.util.ArrayList;
import java.util.List;

/** Every row id of a sheet, read page by page with one column only. */
final class RowIds extends PagedSheetRead {

    private final List<Long> ids = new ArrayList<>();

    RowIds(long columnId, int pageSize) {
        super(new SheetPager("columnIds=" + columnId, pageSize));
    }

    @Override
    protected void takeRows(JsonNode sheet, JsonNode rows) {
        rows.forEach(row -> ids.add(row.path("id").asLong()));
    }

    List<Long> ids() {
        return ids;
    }
}
