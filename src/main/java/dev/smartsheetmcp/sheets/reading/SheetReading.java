package dev.smartsheetmcp.sheets.reading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sheets.SheetColumns;
import dev.smartsheetmcp.sheets.rows.Condition;
import dev.smartsheetmcp.toolkit.Cursor;
import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.toolkit.ToolException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * get_sheet: the steps of {@code direct:tool-get_sheet}. Arguments are checked before anything
 * is read; the sheet is found by its link when no id is given; its columns are read once to
 * resolve titles and check the filter; a cursor's rows are placed; then the pages are read (see
 * {@link SheetRead}).
 */
public final class SheetReading {

    static final Set<String> INCLUDES = Set.of("discussions", "attachments");
    static final int MAX_ROW_IDS = 200;

    private final ReadLimits limits;
    private final int urlLookupPageSize;
    private final int urlLookupMaxPages;

    public SheetReading(ReadLimits limits, int urlLookupPageSize, int urlLookupMaxPages) {
        this.limits = limits;
        this.urlLookupPageSize = urlLookupPageSize;
        this.urlLookupMaxPages = urlLookupMaxPages;
    }

    public SheetRequest read(Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        Long sheetId = args.optionalId("sheet_id").orElse(null);
        String url = args.optionalText("url").orElse(null);
        if ((sheetId == null) == (url == null)) {
            throw ToolException.invalidArgument("sheet_id", "give either sheet_id or url (a link to the sheet), not both or neither");
        }
        String token = url == null ? null : SheetUrl.token(url, "url");
        List<String> columns = args.titles("columns");
        List<?> filter = args.optionalList("filter").orElse(List.of());
        List<Long> rowIds = args.has("row_ids") ? args.ids("row_ids") : List.of();
        if (rowIds.size() > MAX_ROW_IDS) {
            throw ToolException.invalidArgument("row_ids", "holds " + rowIds.size() + " ids; at most " + MAX_ROW_IDS
                    + " a call (use filter to select more rows)");
        }
        Set<String> include = include(args);
        int maxChars = limits.maxChars(args);
        int pageSize = limits.pageSize(args);
        List<String> anchors = List.of();
        long matchedBefore = 0;
        if (args.has(Cursor.ARGUMENT)) {
            JsonNode position = Cursor.decode(SheetRead.TOOL, arguments, args.text(Cursor.ARGUMENT));
            sheetId = position.path("sheet").asLong();
            List<String> after = new ArrayList<>();
            position.path("after").forEach(id -> after.add(id.asText()));
            if (after.isEmpty() || sheetId == 0) {
                throw ToolException.invalidArgument(Cursor.ARGUMENT, "is not a cursor this server answered; pass it back unchanged");
            }
            anchors = after;
            matchedBefore = position.path("matched").asLong();
        }
        return new SheetRequest(sheetId, token, columns, filter, rowIds, include, maxChars, pageSize, anchors,
                matchedBefore, arguments);
    }

    /** Finds the sheet of a link, when no id is known. */
    public SheetUrlLookup urlLookup(SheetRequest request) {
        return new SheetUrlLookup(request.urlToken(), urlLookupPageSize, urlLookupMaxPages);
    }

    public void urlLookupPage(SheetUrlLookup lookup, JsonNode page) {
        lookup.takePage(page);
    }

    public SheetRequest located(SheetRequest request, SheetUrlLookup lookup) {
        return request.located(lookup.sheetId());
    }

    /** Resolves titles and checks the filter against the sheet's columns (Get Columns); nothing else has been read. */
    public SheetRead start(SheetRequest request, JsonNode columnList) {
        SheetColumns columns = SheetColumns.of(columnList);
        List<SheetColumns.Column> output = new ArrayList<>();
        if (request.columns().isEmpty()) {
            output.addAll(columns.all());
        } else {
            for (int i = 0; i < request.columns().size(); i++) {
                output.add(columns.requireTitle(request.columns().get(i), "columns[" + i + "]"));
            }
        }
        List<Condition> filter = new ArrayList<>();
        for (int i = 0; i < request.filter().size(); i++) {
            filter.add(Condition.byTitle(request.filter().get(i), columns, "filter[" + i + "]"));
        }
        return new SheetRead(request, columns, output, filter, limits);
    }

    /** Places a cursor: the answer of {@link SheetRead#anchorQuery()}. */
    public void resume(SheetRead read, JsonNode anchorRows) {
        read.resumeFrom(anchorRows);
    }

    public Map<String, Object> answer(SheetRead read) {
        return read.answer();
    }

    static Set<String> include(ToolArguments args) {
        Set<String> include = new LinkedHashSet<>();
        List<?> raw = args.optionalList("include").orElse(List.of());
        for (int i = 0; i < raw.size(); i++) {
            if (!(raw.get(i) instanceof String word) || !INCLUDES.contains(word)) {
                throw ToolException.invalidArgument("include[" + i + "]", "must be one of " + String.join(", ", INCLUDES));
            }
            include.add(word);
        }
        return include;
    }
}
