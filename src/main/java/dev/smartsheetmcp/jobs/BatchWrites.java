package dev.smartsheetmcp.jobs;

import dev.smartsheetmcp.smartsheet.BulkWriteResults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Keeps a batch's answers, turns them into one bulk update of the target column, and the update's result
 * into the batch's commit. Answers kept from before a restart are written too, without asking
 * the model again.
 */
public final class BatchWrites {

    /** Exchange property: the row ids sent in the bulk update, in order. */
    public static final String WRITTEN_ROWS = "BatchWrittenRows";
    /** Exchange property: the batch's work items as loaded (see {@link JobRunner#prepareNext}). */
    public static final String BATCH_ITEMS = "BatchItems";
    /**
     * Exchange property: the batch held answers from before a restart, so its write may have
     * happened already (the process died between writing and committing).
     */
    public static final String RESUMED = "BatchResumed";
    private static final String ROWS_TO_WRITE = "BatchRowsToWrite";

    private final JobQueue queue;
    private final WorkItems workItems;

    public BatchWrites(JobQueue queue, WorkItems workItems) {
        this.queue = queue;
        this.workItems = workItems;
    }

    /** Keeps the answers of the rows just analysed (body: their outcomes, when any row was analysed). */
    public void recordAnswers(Exchange exchange) {
        List<?> body = exchange.getMessage().getBody(List.class);
        List<RowOutcome> outcomes = body == null ? List.of()
                : body.stream().filter(RowOutcome.class::isInstance).map(RowOutcome.class::cast).toList();
        if (!outcomes.isEmpty()) {
            workItems.recordAnswers(exchange.getMessage().getHeader("JobId", String.class), outcomes);
        }
    }

    /** Body: the rows to update, {@code [{id, cells:[{columnId, value}]}]}. */
    public List<Map<String, Object>> rows(Exchange exchange) {
        String jobId = exchange.getMessage().getHeader("JobId", String.class);
        JobSpec spec = queue.spec(jobId);
        List<Long> rowIds = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (WorkItem item : workItems.answered(jobId, exchange.getMessage().getHeader("BatchIndex", Integer.class))) {
            rowIds.add(item.rowId());
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("columnId", spec.targetColumnId());
            cell.put("value", item.result());
            rows.add(Map.of("id", item.rowId(), "cells", List.of(cell)));
        }
        exchange.setProperty(WRITTEN_ROWS, rowIds);
        exchange.setProperty(ROWS_TO_WRITE, rows);
        @SuppressWarnings("unchecked")
        List<WorkItem> loaded = exchange.getProperty(BATCH_ITEMS, List.class);
        exchange.setProperty(RESUMED, loaded != null
                && loaded.stream().anyMatch(item -> item.state() == WorkItem.RowState.ANSWERED));
        return rows;
    }

    /** For a resumed batch: the read of the rows' target cells as they are now. */
    public String currentValuesQuery(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<Long> rowIds = exchange.getProperty(WRITTEN_ROWS, List.class);
        long targetColumnId = queue.spec(exchange.getMessage().getHeader("JobId", String.class)).targetColumnId();
        return "rowIds=" + rowIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","))
                + "&columnIds=" + targetColumnId;
    }

    /** Body: the sheet's current rows. Answers the rows to write minus those already holding their answer. */
    public List<Map<String, Object>> notYetWritten(Exchange exchange) {
        com.fasterxml.jackson.databind.JsonNode sheet = exchange.getMessage().getBody(com.fasterxml.jackson.databind.JsonNode.class);
        Map<Long, String> current = new java.util.HashMap<>();
        sheet.path("rows").forEach(row -> row.path("cells").forEach(cell ->
                current.put(row.path("id").asLong(), cell.path("value").asText(null))));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = exchange.getProperty(ROWS_TO_WRITE, List.class);
        return rows.stream().filter(row -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> cell = ((List<Map<String, Object>>) row.get("cells")).get(0);
            return !java.util.Objects.equals(current.get((Long) row.get("id")), cell.get("value"));
        }).toList();
    }

    /** Commits the batch from the bulk update's result. */
    public void commit(Exchange exchange) {
        JobSpec spec = queue.spec(exchange.getMessage().getHeader("JobId", String.class));
        @SuppressWarnings("unchecked")
        List<Long> sent = exchange.getProperty(WRITTEN_ROWS, List.class);
        BulkWriteResults results = exchange.getMessage().getBody(BulkWriteResults.class);
        Map<Long, String> failures = new LinkedHashMap<>();
        if (results != null) {
            results.failed().forEach(failed -> failures.put(sent.get(failed.index()), failed.message()));
        }
        List<Long> written = sent.stream().filter(rowId -> !failures.containsKey(rowId)).toList();
        workItems.commitBatch(spec, exchange.getMessage().getHeader("BatchIndex", Integer.class), written, failures);
    }
}
