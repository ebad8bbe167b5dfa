package dev.smartsheetmcp.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sheets.PagedSheetRead;
import dev.smartsheetmcp.sheets.SheetColumns;
import dev.smartsheetmcp.sheets.SheetPager;
import dev.smartsheetmcp.toolkit.AnswerBudget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A resource computed from every row of a sheet: it reads the sheet page by page through
 * {@code direct:smartsheet-read-pages}, keeping running figures rather than rows, so a large
 * sheet is never held whole; its answer lists items within a size budget and says how many it left out.
 */
abstract class SheetView extends PagedSheetRead {

    protected final long sheetId;
    protected SheetColumns columns;
    protected ProjectColumns project;
    protected String sheetName;
    protected long rowsRead;
    protected final int maxChars;

    SheetView(long sheetId, int pageSize, int maxChars) {
        super(new SheetPager("exclude=nonexistentCells", pageSize));
        this.sheetId = sheetId;
        this.maxChars = maxChars;
    }

    /** The sheet's columns are known before the first page. */
    void plan(JsonNode columnsAnswer) {
        columns = SheetColumns.of(columnsAnswer);
        project = ProjectColumns.of(columns);
    }

    @Override
    protected void takeRows(JsonNode sheet, JsonNode rows) {
        if (sheetName == null) sheetName = sheet.path("name").asText();
        for (JsonNode row : rows) {
            rowsRead++;
            accept(RowCells.of(row));
        }
    }

    abstract void accept(RowCells row);

    /** The figures over every row, then the item lists within the size budget. */
    final Map<String, Object> answer() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sheet_id", Long.toString(sheetId));
        answer.put("sheet_name", sheetName);
        answer.put("rows_read", rowsRead);
        answer.putAll(figures());
        Map<String, ItemList> lists = lists();
        lists.keySet().forEach(name -> answer.put(name, List.of()));
        AnswerBudget budget = new AnswerBudget(maxChars, AnswerBudget.jsonLength(answer) + 200);
        Map<String, Long> omitted = new LinkedHashMap<>();
        lists.forEach((name, items) -> {
            List<Object> kept = new ArrayList<>();
            for (Object item : items.kept()) {
                if (!budget.tryTake(item)) break;
                kept.add(item);
            }
            answer.put(name, kept);
            if (kept.size() < items.total()) omitted.put(name, items.total() - kept.size());
        });
        if (!omitted.isEmpty()) answer.put("omitted_for_size", omitted);
        return answer;
    }

    abstract Map<String, Object> figures();

    /** Lists of items, most important first; each is cut where the budget ends. */
    abstract Map<String, ItemList> lists();

    ItemList items() {
        return new ItemList(maxChars);
    }
}
