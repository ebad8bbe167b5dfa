package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Search Everything ({@code GET /search}): names of workspaces, folders and sheets, cell data and
 * summary fields the user can access, narrowed by {@code scopes}. Words must all occur (any case);
 * a query in double quotes is an exact phrase. At most 100 results, with the total count. The
 * emulator keeps no reports, dashboards, templates, comments or attachments, so those scopes find
 * nothing.
 */
final class SearchEndpoints {

    static final int MAX_RESULTS = 100;
    static final Set<String> SCOPES = Set.of("attachments", "cellData", "comments", "folderNames", "reportNames",
            "sheetNames", "sightNames", "summaryFields", "templateNames", "workspaceNames");

    private final SheetStore store;

    SearchEndpoints(SheetStore store) {
        this.store = store;
    }

    void registerOn(Router router) {
        router.add("GET", "/search", this::search);
    }

    private Router.Reply search(ApiRequest request) {
        String query = request.query("query");
        if (query == null || query.isBlank()) throw ApiError.missingParameter("query");
        Set<String> scopes = request.words("scopes");
        for (String scope : scopes) {
            if (!SCOPES.contains(scope)) throw ApiError.invalidParameter(request.query("scopes"), "scopes");
        }
        Predicate<String> matches = matcher(query);
        List<Map<String, Object>> results = new ArrayList<>();
        if (wanted(scopes, "workspaceNames")) {
            for (Workspace workspace : store.workspaces()) {
                if (store.accessible(workspace.id) && matches.test(workspace.name)) {
                    results.add(result("workspace", workspace.id, workspace.name));
                }
            }
        }
        if (wanted(scopes, "folderNames")) {
            for (Folder folder : store.folders()) {
                if (store.accessible(folder.id) && matches.test(folder.name)) {
                    results.add(result("folder", folder.id, folder.name));
                }
            }
        }
        for (Sheet sheet : store.sheets()) {
            if (!store.accessible(sheet.id)) continue;
            synchronized (sheet) {
                if (wanted(scopes, "sheetNames") && matches.test(sheet.name)) {
                    results.add(result("sheet", sheet.id, sheet.name));
                }
                if (wanted(scopes, "cellData")) cellResults(sheet, matches, results);
                if (wanted(scopes, "summaryFields")) summaryResults(sheet, matches, results);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("results", results.size() <= MAX_RESULTS ? results : results.subList(0, MAX_RESULTS));
        body.put("totalCount", results.size());
        return Router.Reply.ok(body);
    }

    /** One result per row whose cells match: the matching cells' text, the row number as context. */
    private static void cellResults(Sheet sheet, Predicate<String> matches, List<Map<String, Object>> results) {
        for (int i = 0; i < sheet.rows.size(); i++) {
            Row row = sheet.rows.get(i);
            List<String> texts = new ArrayList<>();
            for (Column column : sheet.columns) {
                Cell cell = row.existingCell(column.id);
                if (cell == null || cell.value == null) continue;
                String text = cell.displayValue != null ? cell.displayValue : SheetViews.text(cell.value);
                if (matches.test(text)) texts.add(text);
            }
            if (texts.isEmpty()) continue;
            Map<String, Object> result = result("row", row.id, String.join(" | ", texts));
            withParent(result, sheet);
            result.put("contextData", List.of("Row " + (i + 1)));
            results.add(result);
        }
    }

    private static void summaryResults(Sheet sheet, Predicate<String> matches, List<Map<String, Object>> results) {
        for (SummaryField field : sheet.summaryFields) {
            String display = SummaryEndpoints.displayValue(field.objectValue);
            if (display == null || !matches.test(display)) continue;
            Map<String, Object> result = result("summaryField", field.id, display);
            withParent(result, sheet);
            result.put("contextData", List.of(field.title));
            results.add(result);
        }
    }

    private static Map<String, Object> result(String type, long id, String text) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("objectType", type);
        result.put("objectId", id);
        result.put("text", text);
        return result;
    }

    private static void withParent(Map<String, Object> result, Sheet sheet) {
        result.put("parentObjectType", "sheet");
        result.put("parentObjectId", sheet.id);
        result.put("parentObjectName", sheet.name);
    }

    private static boolean wanted(Set<String> scopes, String scope) {
        return scopes.isEmpty() || scopes.contains(scope);
    }

    private static Predicate<String> matcher(String query) {
        String trimmed = query.strip();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            String phrase = lower(trimmed.substring(1, trimmed.length() - 1));
            return text -> text != null && lower(text).contains(phrase);
        }
        List<String> words = List.of(lower(trimmed).split("\\s+"));
        return text -> {
            if (text == null) return false;
            String lowered = lower(text);
            return words.stream().allMatch(lowered::contains);
        };
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
