package dev.smartsheetmcp.sheets.reading;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One get_sheet call's arguments, checked: the sheet (its id, or the token of its link until it is
 * found), what to return and the position a cursor carried.
 *
 * @param sheetId       null while only the link is known
 * @param urlToken      the link's token, or null when sheet_id was given
 * @param columns       titles to return; empty for all
 * @param filter        the raw conditions, checked against the columns once they are read
 * @param rowIds        rows to read; empty for all
 * @param include       discussions, attachments
 * @param anchors       the rows a cursor stopped at; empty on a first call
 * @param matchedBefore rows that matched before the cursor's position
 */
public record SheetRequest(Long sheetId, String urlToken, List<String> columns, List<?> filter, List<Long> rowIds,
                           Set<String> include, int maxChars, int pageSize, List<String> anchors, long matchedBefore,
                           Map<String, Object> arguments) {

    SheetRequest located(long id) {
        return new SheetRequest(id, urlToken, columns, filter, rowIds, include, maxChars, pageSize, anchors, matchedBefore, arguments);
    }
}
