package dev.smartsheetmcp.sheets.rows;

import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.toolkit.ToolException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** smartsheet_delete: row ids checked up front; the answer tells deleted ids from ids not in the sheet. */
public final class RowDeletion {

    /** The ids to delete, each once, in call order. */
    public List<Long> rowIds(Map<String, Object> arguments) {
        List<?> given = ToolArguments.of(arguments).list("row_ids");
        if (given.isEmpty()) throw ToolException.invalidArgument("row_ids", "must hold at least one row id");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) ids.add(Ids.parse(given.get(i), "row_ids[" + i + "]"));
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    public Map<String, Object> answer(List<Long> requested, List<Long> deleted) {
        Set<Long> gone = new HashSet<>(deleted);
        List<String> deletedIds = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        for (Long id : requested) (gone.contains(id) ? deletedIds : notFound).add(Long.toString(id));
        // Deleting a parent row deletes its children: Smartsheet lists them too
        Set<Long> asked = new HashSet<>(requested);
        deleted.stream().filter(id -> !asked.contains(id)).forEach(id -> deletedIds.add(Long.toString(id)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("message", deletedIds.isEmpty() ? "No rows deleted: none of the " + requested.size() + " ids is a row of this sheet"
                : "Successfully deleted " + deletedIds.size() + " rows" + (notFound.isEmpty() ? "" : "; " + notFound.size() + " not found"));
        answer.put("rows_deleted", deletedIds.size());
        answer.put("deleted_row_ids", deletedIds);
        answer.put("not_found", notFound);
        return answer;
    }
}
