package dev.smartsheetmcp.crossrefs;

import dev.smartsheetmcp.smartsheet.BulkWriteResults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Formulas to rewrite so that they name other references: column formulas (one Update Column
 * each) and cell formulas (one bulk Update Rows); remembers which failed.
 */
final class FormulaRewrites {

    /** A column formula to set. */
    record ColumnFix(long columnId, String formula) {
    }

    private final Map<String, ReferenceUsage.Formula> originals = new LinkedHashMap<>();
    private final Map<String, String> rewritten = new LinkedHashMap<>();
    private final Map<String, String> failures = new LinkedHashMap<>();

    /** Every formula in {@code formulas} names {@code newName} where it named {@code oldName}. */
    void rename(List<ReferenceUsage.Formula> formulas, String oldName, String newName) {
        for (ReferenceUsage.Formula formula : formulas) {
            String key = key(formula);
            originals.putIfAbsent(key, formula);
            rewritten.put(key, ReferenceNames.rewrite(rewritten.getOrDefault(key, formula.formula()), oldName, newName));
        }
    }

    List<ColumnFix> columnFixes() {
        List<ColumnFix> fixes = new ArrayList<>();
        originals.forEach((key, formula) -> {
            if (formula.rowId() == null) fixes.add(new ColumnFix(formula.columnId(), rewritten.get(key)));
        });
        return fixes;
    }

    /** The Update Rows body: one row per cell formula (a row with several gets several entries, each valid alone). */
    List<Map<String, Object>> rows() {
        Map<Long, Map<String, Object>> rows = new LinkedHashMap<>();
        originals.forEach((key, formula) -> {
            if (formula.rowId() == null) return;
            Map<String, Object> row = rows.computeIfAbsent(formula.rowId(), id -> {
                Map<String, Object> fresh = new LinkedHashMap<>();
                fresh.put("id", id);
                fresh.put("cells", new ArrayList<Map<String, Object>>());
                return fresh;
            });
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> cells = (List<Map<String, Object>>) row.get("cells");
            cells.add(Map.of("columnId", formula.columnId(), "formula", rewritten.get(key)));
        });
        return new ArrayList<>(rows.values());
    }

    void columnFailed(long columnId, String error) {
        failures.put(null + ":" + columnId, error);
    }

    void rowsWritten(BulkWriteResults results) {
        List<Map<String, Object>> rows = rows();
        for (BulkWriteResults.FailedRow failed : results.failed()) {
            Object rowId = rows.get(failed.index()).get("id");
            originals.forEach((key, formula) -> {
                if (rowId.equals(formula.rowId())) failures.put(key, failed.message());
            });
        }
    }

    /** The error that kept one of these formulas from being rewritten, or null when all were. */
    String failureOf(List<ReferenceUsage.Formula> formulas) {
        for (ReferenceUsage.Formula formula : formulas) {
            String failure = failures.get(key(formula));
            if (failure != null) return failure;
        }
        return null;
    }

    private static String key(ReferenceUsage.Formula formula) {
        return formula.rowId() + ":" + formula.columnId();
    }
}
