package dev.smartsheetmcp.sheets.rows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sheets.PagedSheetRead;
import dev.smartsheetmcp.sheets.SheetPager;
import dev.smartsheetmcp.smartsheet.BulkWriteResults;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One smartsheet_bulk_update call in progress: the pages read so far, the matching rows
 * with their updates (all pages are read before the first write, so a write cannot change
 * what a later page matches), and the batches written.
 */
public final class BulkUpdateRun extends PagedSheetRead {

    private final List<ConditionalUpdate.Rule> rules;
    private final int batchSize;
    private final boolean lenient;
    private final List<Map<String, Object>> matches = new ArrayList<>();
    private final List<Map<String, Object>> failures = new ArrayList<>();
    private int examined;
    private int nextBatch;
    private List<Map<String, Object>> batch = List.of();
    private int successes;
    private boolean stopped;

    BulkUpdateRun(List<ConditionalUpdate.Rule> rules, SheetPager pager, int batchSize, boolean lenient) {
        super(pager);
        this.rules = rules;
        this.batchSize = batchSize;
        this.lenient = lenient;
    }

    @Override
    protected void takeRows(JsonNode sheet, JsonNode rows) {
        for (JsonNode row : rows) {
            examined++;
            Map<Long, JsonNode> cells = new HashMap<>();
            for (JsonNode cell : row.path("cells")) cells.put(cell.path("columnId").asLong(), cell);
            List<Map<String, Object>> rowCells = null;
            Map<Object, Map<String, Object>> merged = null;
            for (ConditionalUpdate.Rule rule : rules) {
                if (!rule.matches(cells)) continue;
                if (rowCells == null) {
                    rowCells = rule.cells();
                } else {
                    // several rules match: one cell a column, the later rule winning
                    if (merged == null) {
                        merged = new LinkedHashMap<>();
                        for (Map<String, Object> cell : rowCells) merged.put(cell.get("columnId"), cell);
                    }
                    for (Map<String, Object> cell : rule.cells()) merged.put(cell.get("columnId"), cell);
                }
            }
            if (rowCells == null) continue;
            Map<String, Object> update = new LinkedHashMap<>();
            update.put("id", row.path("id").asLong());
            update.put("cells", merged == null ? rowCells : List.copyOf(merged.values()));
            matches.add(update);
        }
    }

    public boolean moreBatches() {
        return !stopped && nextBatch < matches.size();
    }

    public List<Map<String, Object>> nextBatch() {
        batch = matches.subList(nextBatch, Math.min(matches.size(), nextBatch + batchSize));
        nextBatch += batch.size();
        return batch;
    }

    void record(BulkWriteResults results) {
        successes += results.written().size();
        for (BulkWriteResults.FailedRow row : results.failed()) {
            failures.add(failure(batch.get(row.index()).get("id"), NewRows.describe(row)));
        }
        if (!lenient && !results.failed().isEmpty() && nextBatch < matches.size()) {
            stopped = true;
            for (Map<String, Object> skipped : matches.subList(nextBatch, matches.size())) {
                failures.add(failure(skipped.get("id"), "not sent: an earlier batch had failures and lenientMode is false"));
            }
        }
    }

    Map<String, Object> answer() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("totalAttempted", matches.size());
        answer.put("successCount", successes);
        answer.put("failureCount", failures.size());
        answer.put("failures", failures);
        answer.put("rowsExamined", examined);
        answer.put("message", matches.isEmpty() ? "No row of " + examined + " matched the rules"
                : "Updated " + successes + " of " + matches.size() + " matching rows (" + examined + " examined)");
        if (!matches.isEmpty() && successes == 0) throw ResultError.of(answer);
        return answer;
    }

    private static Map<String, Object> failure(Object rowId, String error) {
        Map<String, Object> failure = new LinkedHashMap<>();
        failure.put("rowId", String.valueOf(rowId));
        failure.put("error", error);
        failure.put("rollbackStatus", "not_attempted");
        return failure;
    }
}
