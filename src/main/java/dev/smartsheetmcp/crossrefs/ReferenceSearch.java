package dev.smartsheetmcp.crossrefs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.smartsheet.SmartsheetApiException;
import dev.smartsheetmcp.toolkit.BudgetedList;
import dev.smartsheetmcp.toolkit.Cursor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One call of {@code smartsheet_find_sheet_references}: the sheets in scope (every sheet the token
 * sees, or a workspace's, folders included), at most {@code maxSheets} of them scanned after the
 * cursor's place, and the references among theirs whose source is the target.
 */
public final class ReferenceSearch {

    static final String TOOL = "smartsheet_find_sheet_references";

    private record Found(String sheetId, Map<String, Object> item) {
    }

    private final Map<String, Object> arguments;
    private final long targetSheetId;
    private final Long workspaceId;
    private final BudgetedList<Found> page;
    private final int maxSheets;
    private final Map<String, String> inScope = new LinkedHashMap<>();
    private final Deque<Long> foldersToRead = new ArrayDeque<>();
    private final List<Found> found = new ArrayList<>();
    private final List<Map<String, Object>> unreadable = new ArrayList<>();
    private List<String> toScan;
    private String lastScanned;

    ReferenceSearch(Map<String, Object> arguments, long targetSheetId, Long workspaceId, BudgetedList<Found> page, int maxSheets) {
        this.arguments = arguments;
        this.targetSheetId = targetSheetId;
        this.workspaceId = workspaceId;
        this.page = page;
        this.maxSheets = maxSheets;
    }

    static ReferenceSearch of(Map<String, Object> arguments, long targetSheetId, Long workspaceId, int defaultMaxChars, int maxSheets) {
        return new ReferenceSearch(arguments, targetSheetId, workspaceId, BudgetedList.of(TOOL, arguments, defaultMaxChars), maxSheets);
    }

    public boolean inWorkspace() {
        return workspaceId != null;
    }

    public String workspacePath() {
        return "/" + workspaceId;
    }

    /** A sheet list (List Sheets' data) or a container (a workspace's or folder's sheets, and folders to read next). */
    public void takeContainer(JsonNode container) {
        JsonNode sheets = container.has("data") ? container.path("data") : container.path("sheets");
        sheets.forEach(sheet -> inScope.putIfAbsent(sheet.path("id").asText(), sheet.path("name").asText()));
        container.path("folders").forEach(folder -> foldersToRead.add(folder.path("id").asLong()));
    }

    public boolean moreFolders() {
        return !foldersToRead.isEmpty();
    }

    public String nextFolderPath() {
        return "/folders/" + foldersToRead.poll();
    }

    /** The sheets this call reads the references of: after the cursor's place, at most maxSheets. */
    public List<String> sheetsToScan() {
        inScope.remove(Long.toString(targetSheetId));
        List<String> remaining = page.remainder(new ArrayList<>(inScope.keySet()), id -> id, "sheet");
        toScan = remaining.subList(0, Math.min(maxSheets, remaining.size()));
        return toScan;
    }

    public void scanned(String sheetId, JsonNode listed) {
        lastScanned = sheetId;
        List<Map<String, Object>> pointing = new ArrayList<>();
        for (JsonNode reference : listed.path("data")) {
            if (reference.path("sourceSheetId").asLong() != targetSheetId) continue;
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", reference.path("id").asText());
            item.put("name", reference.path("name").asText());
            item.put("status", reference.path("status").asText(null));
            pointing.add(item);
        }
        if (pointing.isEmpty()) return;
        Map<String, Object> sheet = new LinkedHashMap<>();
        sheet.put("sheet_id", sheetId);
        sheet.put("sheet_name", inScope.get(sheetId));
        sheet.put("references", pointing);
        found.add(new Found(sheetId, sheet));
    }

    public void unreadable(String sheetId, SmartsheetApiException error) {
        lastScanned = sheetId;
        unreadable.add(Map.of("sheet_id", sheetId, "error", error.getMessage()));
    }

    Map<String, Object> answer() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("target_sheet_id", Long.toString(targetSheetId));
        answer.put("scope", workspaceId == null ? "every sheet this token can see" : "workspace " + workspaceId);
        answer.put("sheets_in_scope", inScope.size());
        answer.put("sheets_scanned", toScan.size());
        answer.put("referencing_sheets", List.of());
        answer.put("unreadable_sheets", unreadable);
        page.frame(answer);
        for (Found sheet : found) page.offer(sheet, sheet.item());
        answer.put("referencing_sheets", page.items().stream().map(Found::item).toList());
        answer.put("sheets_scanned_before", page.answeredBefore());
        String after = page.full() && !page.items().isEmpty() ? page.items().get(page.items().size() - 1).sheetId()
                : page.answeredBefore() + toScan.size() < inScope.size() ? lastScanned : null;
        answer.put("complete", after == null);
        if (after != null) {
            int scannedSoFar = page.answeredBefore() + toScan.indexOf(after) + 1;
            answer.put(Cursor.ARGUMENT, Cursor.encode(TOOL, arguments, Map.of("after", after, "n", scannedSoFar)));
        }
        return answer;
    }
}
