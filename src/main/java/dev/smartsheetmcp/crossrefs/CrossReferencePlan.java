package dev.smartsheetmcp.crossrefs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sheets.SheetColumns;
import dev.smartsheetmcp.smartsheet.BulkWriteResults;
import dev.smartsheetmcp.toolkit.Json;
import dev.smartsheetmcp.toolkit.ToolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code smartsheet_create_cross_reference} does on one sheet: the references its formula
 * needs (an existing reference over the same whole columns is used again, else one is created with
 * a name free in the sheet), the formula, and the rows to write it into.
 */
public final class CrossReferencePlan {

    /** A reference the formula names: created, or found with the same range. */
    public record Reference(String role, String name, long startColumnId, long endColumnId, boolean exists) {

        public String body(long sourceSheetId) throws JsonProcessingException {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("sourceSheetId", sourceSheetId);
            body.put("startColumnId", startColumnId);
            body.put("endColumnId", endColumnId);
            return Json.MAPPER.writeValueAsString(body);
        }
    }

    private final NewCrossReference.Request request;
    private final SheetColumns.Column target;
    private final List<Reference> references = new ArrayList<>();
    private final String formula;
    private List<Long> rowIds;
    private BulkWriteResults results;

    CrossReferencePlan(NewCrossReference.Request request, JsonNode source, SheetColumns columns, SheetReferences existing) {
        this.request = request;
        SheetColumns sourceColumns = SheetColumns.of(source);
        SheetColumns.Column values = sourceColumns.byId(request.sourceColumnId()).orElseThrow(() -> ToolException.invalidArgument(
                "formula_config.source_column_id", "no column with id " + request.sourceColumnId() + " in the target sheet"));
        this.target = columns.requireId(request.targetColumnId(), "formula_config.target_column_id");
        if (!target.writable()) {
            throw ToolException.invalidArgument("formula_config.target_column_id", "'" + target.title()
                    + "' is a system or column-formula column; cell formulas cannot be written into it");
        }
        SheetColumns.Column key = request.lookupColumnId() == null ? columns.primary()
                : columns.requireId(request.lookupColumnId(), "formula_config.lookup_column_id");
        SheetColumns.Column keys = sourceColumns.primary();
        String sheetName = source.path("name").asText();
        if (request.type() == FormulaType.VLOOKUP && keys.index() > values.index()) {
            throw ToolException.invalidArgument("formula_config.formula_type", "VLOOKUP looks in the target sheet's primary column '"
                    + keys.title() + "', which comes after '" + values.title() + "'; use INDEX_MATCH");
        }
        String valuesName = request.type() == FormulaType.VLOOKUP
                ? reference("values", sheetName + " " + keys.title() + " to " + values.title(), keys.id(), values.id(), existing)
                : reference("values", sheetName + " " + values.title(), values.id(), values.id(), existing);
        String keysName = request.type().needsKeys()
                ? reference("keys", sheetName + " " + keys.title(), keys.id(), keys.id(), existing) : null;
        this.formula = formula(request, valuesName, keysName, key.title(), values.index() - keys.index() + 1);
    }

    private String reference(String role, String wanted, long start, long end, SheetReferences existing) {
        for (CrossReference reference : existing.references()) {
            if (reference.sourceSheetId() == request.targetSheetId() && reference.wholeColumns()
                    && Long.valueOf(start).equals(reference.startColumnId()) && Long.valueOf(end).equals(reference.endColumnId())
                    && "OK".equals(reference.status())) {
                references.add(new Reference(role, reference.name(), start, end, true));
                return reference.name();
            }
        }
        String name = wanted;
        for (int n = 2; existing.named(name) != null; n++) name = wanted + " " + n;
        references.add(new Reference(role, name, start, end, false));
        return name;
    }

    private static String formula(NewCrossReference.Request request, String values, String keys, String keyTitle, int columnNumber) {
        String key = "[" + keyTitle + "]@row";
        if (request.type() == FormulaType.CUSTOM) {
            String custom = request.customFormula().replace("{REFERENCE}", "{" + values + "}");
            if (ReferenceNames.in(custom).stream().noneMatch(name -> ReferenceNames.key(name).equals(ReferenceNames.key(values)))) {
                throw ToolException.invalidArgument("formula_config.custom_formula",
                        "must use the new reference, as {REFERENCE} (it will be named {" + values + "})");
            }
            return custom;
        }
        String template = request.type().template.replace("#", Integer.toString(columnNumber));
        return template.replace("{Values}", "{" + values + "}").replace("{Keys}", keys == null ? "" : "{" + keys + "}")
                .replace("[Key]@row", key);
    }

    public List<Reference> referencesToCreate() {
        return references.stream().filter(reference -> !reference.exists()).toList();
    }

    void rowIds(List<Long> ids) {
        this.rowIds = ids;
    }

    /** The Update Rows body: the formula in the target column of every row. */
    List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (long rowId : rowIds) {
            rows.add(Map.of("id", rowId, "cells", List.of(Map.of("columnId", target.id(), "formula", formula))));
        }
        return rows;
    }

    void written(BulkWriteResults results) {
        this.results = results;
    }

    Map<String, Object> answer() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", results == null || results.failed().isEmpty());
        answer.put("sheet_id", Long.toString(request.sheetId()));
        answer.put("target_sheet_id", Long.toString(request.targetSheetId()));
        List<Map<String, Object>> named = new ArrayList<>();
        for (Reference reference : references) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", reference.name());
            item.put("formula_syntax", "{" + reference.name() + "}");
            item.put("role", reference.role());
            item.put("created", !reference.exists());
            named.add(item);
        }
        answer.put("references", named);
        answer.put("formula", formula);
        answer.put("target_column", target.title());
        answer.put("rows_written", results == null ? 0 : results.rowsSent() - results.failed().size());
        List<Map<String, Object>> failed = new ArrayList<>();
        if (results != null) {
            for (BulkWriteResults.FailedRow row : results.failed()) {
                failed.add(Map.of("row_id", Long.toString(rowIds.get(row.index())), "error", row.message()));
            }
        }
        answer.put("failed_rows", failed);
        return answer;
    }
}
