package dev.smartsheetmcp.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.toolkit.AnswerBudget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code smartsheet://{workspace_id}/overview} in progress: the workspace's contents (folders
 * included, as Get Workspace with loadAll answers them), then one one-row read of each sheet, up to
 * a bound, for its size and last change; answered within a size budget.
 */
public final class WorkspaceOverview {

    private final long workspaceId;
    private final int maxSheets;
    private final int maxChars;
    private final List<JsonNode> sheets = new ArrayList<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final List<Map<String, Object>> sheetFigures = new ArrayList<>();
    private String name;
    private int next;

    WorkspaceOverview(long workspaceId, int maxSheets, int maxChars) {
        this.workspaceId = workspaceId;
        this.maxSheets = maxSheets;
        this.maxChars = maxChars;
    }

    public long workspaceId() {
        return workspaceId;
    }

    void takeWorkspace(JsonNode workspace) {
        name = workspace.path("name").asText();
        collect(workspace, "");
    }

    /** Sheets, reports and dashboards of the workspace and of every folder in it, with the folder path. */
    private void collect(JsonNode container, String path) {
        for (String kind : List.of("sheets", "reports", "sights")) {
            for (JsonNode item : container.path(kind)) {
                counts.merge(kind.equals("sights") ? "dashboards" : kind, 1, Integer::sum);
                if (kind.equals("sheets")) sheets.add(withPath(item, path));
            }
        }
        for (JsonNode folder : container.path("folders")) {
            counts.merge("folders", 1, Integer::sum);
            collect(folder, path + "/" + folder.path("name").asText());
        }
    }

    private static JsonNode withPath(JsonNode sheet, String path) {
        var copy = ((com.fasterxml.jackson.databind.node.ObjectNode) sheet.deepCopy());
        copy.put("folder", path.isEmpty() ? "/" : path);
        return copy;
    }

    public boolean moreSheets() {
        return next < Math.min(sheets.size(), maxSheets);
    }

    public long nextSheetId() {
        return sheets.get(next).path("id").asLong();
    }

    void takeSheet(JsonNode sheet) {
        JsonNode listed = sheets.get(next++);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("id", listed.path("id").asText());
        figures.put("name", listed.path("name").asText());
        figures.put("folder", listed.path("folder").asText());
        figures.put("rows", sheet.path("totalRowCount").asLong());
        figures.put("columns", sheet.path("columns").size());
        figures.put("modified_at", sheet.path("modifiedAt").asText(listed.path("modifiedAt").asText(null)));
        if (listed.hasNonNull("permalink")) figures.put("permalink", listed.path("permalink").asText());
        sheetFigures.add(figures);
    }

    Map<String, Object> answer() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("workspace_id", Long.toString(workspaceId));
        answer.put("name", name);
        answer.put("counts", counts);
        answer.put("total_rows_of_sheets_read", sheetFigures.stream().mapToLong(sheet -> (Long) sheet.get("rows")).sum());
        answer.put("sheets_read", sheetFigures.size());
        if (sheets.size() > sheetFigures.size()) answer.put("sheets_not_read", sheets.size() - sheetFigures.size());
        answer.put("sheets", List.of());
        AnswerBudget budget = new AnswerBudget(maxChars, AnswerBudget.jsonLength(answer) + 100);
        List<Map<String, Object>> kept = new ArrayList<>();
        sheetFigures.stream().sorted((a, b) -> String.valueOf(b.get("modified_at")).compareTo(String.valueOf(a.get("modified_at"))))
                .takeWhile(budget::tryTake).forEach(kept::add);
        answer.put("sheets", kept);
        if (kept.size() < sheetFigures.size()) answer.put("omitted_for_size", Map.of("sheets", sheetFigures.size() - kept.size()));
        return answer;
    }
}
