package dev.smartsheetmcp.sandbox.smartsheet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copy Sheet (to Home, a folder or a workspace, with the elements {@code include} names) and Get
 * Sheet Version. The emulator keeps no discussions, attachments, cell links, forms, filters or
 * rules, so those includes are accepted and copy nothing; {@code data} copies the rows.
 */
final class SheetCopyEndpoints {

    static final Set<String> INCLUDES = Set.of("attachments", "cellLinks", "data", "discussions", "filters", "forms",
            "ruleRecipients", "rules", "shares");
    private static final Set<String> DESTINATION_TYPES = Set.of("folder", "home", "workspace");

    private final SheetStore store;

    SheetCopyEndpoints(SheetStore store) {
        this.store = store;
    }

    void registerOn(Router router) {
        router.add("POST", "/sheets/{sheetId}/copy", this::copy)
                .add("GET", "/sheets/{sheetId}/version", this::version);
    }

    private Router.Reply version(ApiRequest request) {
        Sheet sheet = store.sheet(request.pathId("sheetId"));
        synchronized (sheet) {
            return Router.Reply.ok(Map.of("version", sheet.version));
        }
    }

    private Router.Reply copy(ApiRequest request) {
        Sheet source = store.sheet(request.pathId("sheetId"));
        Set<String> include = request.words("include");
        for (String word : include) {
            if (!INCLUDES.contains(word)) throw ApiError.invalidParameter(request.query("include"), "include");
        }
        JsonNode body = request.body();
        String type = body.path("destinationType").asText(null);
        if (type == null) throw ApiError.missingAttribute("destinationType");
        if (!DESTINATION_TYPES.contains(type)) throw ApiError.invalidAttribute(type, "destinationType");
        JsonNode destinationId = body.path("destinationId");
        boolean hasId = !destinationId.isMissingNode() && !destinationId.isNull();
        if (type.equals("home") && hasId) throw ApiError.invalidAttribute(destinationId.asText(), "destinationId");
        if (!type.equals("home") && !hasId) throw ApiError.missingAttribute("destinationId");
        String newName = body.path("newName").asText("");
        if (newName.isBlank()) throw ApiError.missingAttribute("newName");

        List<ColumnSpec> columns;
        synchronized (source) {
            columns = new ArrayList<>();
            for (Column column : source.columns) {
                columns.add(new ColumnSpec(column.title, column.type, column.primary, column.options,
                        column.systemColumnType, column.formula));
            }
        }
        Sheet copy = switch (type) {
            case "folder" -> store.createSheet(store.folder(destinationId.asLong()), newName, columns);
            case "workspace" -> store.createSheet(store.workspace(destinationId.asLong()), newName, columns);
            default -> store.createSheet((Workspace) null, newName, columns);
        };
        if (include.contains("data")) copyRows(source, copy);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", copy.id);
        result.put("name", copy.name);
        result.put("accessLevel", "OWNER");
        result.put("permalink", copy.permalink());
        return Router.Reply.ok(Results.success(result, null));
    }

    /** Rows and their cells, in order, under new row ids; columns match by position. */
    private void copyRows(Sheet source, Sheet copy) {
        synchronized (source) {
            synchronized (copy) {
                Map<Long, Long> columnIds = new HashMap<>();
                for (int i = 0; i < source.columns.size(); i++) {
                    columnIds.put(source.columns.get(i).id, copy.columns.get(i).id);
                }
                for (Row row : source.rows) {
                    Row copied = copy.newRow(store.ids.next());
                    columnIds.forEach((from, to) -> {
                        Cell cell = row.existingCell(from);
                        if (cell == null) return;
                        Cell target = copied.cell(to);
                        target.value = cell.value;
                        target.displayValue = cell.displayValue;
                        target.objectValue = cell.objectValue;
                        target.formula = cell.formula;
                    });
                    copy.place(copied, copy.rows.size());
                }
            }
        }
    }
}
