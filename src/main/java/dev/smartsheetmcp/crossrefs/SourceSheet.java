package dev.smartsheetmcp.crossrefs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sheets.SheetColumns;
import dev.smartsheetmcp.smartsheet.SmartsheetApiException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What reading a reference's source sheet found: its name, columns and the row numbers of the rows
 * at the edges of ranges; or why it could not be read (gone, or not shared with the token's user).
 */
record SourceSheet(long id, String name, SheetColumns columns, Map<Long, Integer> rowNumbers, String problem) {

    static SourceSheet read(long id, JsonNode sheet) {
        Map<Long, Integer> rowNumbers = new LinkedHashMap<>();
        sheet.path("rows").forEach(row -> rowNumbers.put(row.path("id").asLong(), row.path("rowNumber").asInt()));
        return new SourceSheet(id, sheet.path("name").asText(), SheetColumns.of(sheet), rowNumbers, null);
    }

    static SourceSheet unreadable(long id, SmartsheetApiException error) {
        String problem = error.status() == 404 ? "the source sheet no longer exists (" + error.getMessage() + ")"
                : "the source sheet cannot be read with this token (" + error.getMessage() + ")";
        return new SourceSheet(id, null, null, Map.of(), problem);
    }

    boolean readable() {
        return problem == null;
    }

    boolean gone() {
        return problem != null && problem.startsWith("the source sheet no longer exists");
    }
}
