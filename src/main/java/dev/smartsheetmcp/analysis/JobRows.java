package dev.smartsheetmcp.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.analysis.prompts.RowContent;
import dev.smartsheetmcp.jobs.JobSpec;
import dev.smartsheetmcp.jobs.JobStore;
import dev.smartsheetmcp.jobs.JobStore.RowSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;

/**
 * Reads a job's rows from the one sheet read it makes: each row's text to analyse, or why it is
 * skipped (no source text; target already filled with onlyEmptyTarget; not in the sheet).
 */
public final class JobRows {

    private final JobStore store;

    public JobRows(JobStore store) {
        this.store = store;
    }

    /** The SheetQuery for the job's one read: only its source and target columns. */
    public String sheetQuery(Exchange exchange) {
        JobSpec spec = exchange.getProperty(RowAnalysis.JOB_SPEC, JobSpec.class);
        Set<Long> ids = new LinkedHashSet<>(spec.sourceColumnIds());
        ids.add(spec.targetColumnId());
        return "columnIds=" + ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Stores the job's rows from the sheet read; the body is the sheet. */
    public void enumerate(Exchange exchange) {
        JobSpec spec = exchange.getProperty(RowAnalysis.JOB_SPEC, JobSpec.class);
        JsonNode sheet = exchange.getMessage().getBody(JsonNode.class);
        Map<Long, JsonNode> rowsById = new LinkedHashMap<>();
        sheet.path("rows").forEach(row -> rowsById.put(row.path("id").asLong(), row));
        List<Long> wanted = spec.rowFilter() != null ? spec.rowFilter() : new ArrayList<>(rowsById.keySet());
        List<RowSource> rows = new ArrayList<>();
        for (Long rowId : wanted) {
            JsonNode row = rowsById.get(rowId);
            rows.add(row == null ? new RowSource(rowId, null, "row not found in the sheet") : source(spec, row));
        }
        store.enumerate(spec.id(), spec.batchSize(), rows);
    }

    /** Cells are matched by column id, so a column renamed since the job was queued still counts. */
    private static RowSource source(JobSpec spec, JsonNode row) {
        Map<String, Object> cells = new LinkedHashMap<>();
        String target = null;
        for (JsonNode cell : row.path("cells")) {
            if (!cell.hasNonNull("value")) continue;
            long columnId = cell.path("columnId").asLong();
            String value = cell.get("value").asText();
            if (columnId == spec.targetColumnId()) target = value;
            int source = spec.sourceColumnIds().indexOf(columnId);
            if (source >= 0) cells.put(spec.sourceColumns().get(source), value);
        }
        long rowId = row.path("id").asLong();
        if (spec.onlyEmptyTarget() && target != null && !target.isBlank()) {
            return new RowSource(rowId, null, "target cell already filled");
        }
        RowContent content = RowContent.of(spec.sourceColumns(), cells);
        return content.isEmpty() ? new RowSource(rowId, null, "no source text") : new RowSource(rowId, content.text(), null);
    }
}
