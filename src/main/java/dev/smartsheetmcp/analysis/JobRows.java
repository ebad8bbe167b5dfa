package dev.smartsheetmcp.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.analysis.prompts.RowContent;
import dev.smartsheetmcp.jobs.JobSpec;
import dev.smartsheetmcp.jobs.RowResults;
import dev.smartsheetmcp.jobs.RowResults.RowResult;
import dev.smartsheetmcp.jobs.RowSource;
import dev.smartsheetmcp.jobs.RowSource.Finding;
import dev.smartsheetmcp.jobs.WorkItems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;

/**
 * Reads a job's rows from the one sheet read it makes: each row's text to analyse, or why it is
 * skipped (no source text; target already filled with onlyEmptyTarget; not in the sheet). An
 * incremental job also skips rows unchanged since the answer last written to them, and rows whose
 * target a person edited since (unless overwriteEdited); every row keeps a state and a reason.
 */
public final class JobRows {

    static final String UNCHANGED = "unchanged since last run";
    static final String EDITED_BY_PERSON = "target edited by a person since we wrote it";

    private final WorkItems workItems;
    private final RowResults rowResults;

    public JobRows(WorkItems workItems, RowResults rowResults) {
        this.workItems = workItems;
        this.rowResults = rowResults;
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
        Map<Long, RowResult> written = spec.incremental() ? rowResults.lastWritten(spec.sheetId(), spec.targetColumnId()) : Map.of();
        List<Long> wanted = spec.rowFilter() != null ? spec.rowFilter() : new ArrayList<>(rowsById.keySet());
        List<RowSource> rows = new ArrayList<>();
        for (Long rowId : wanted) {
            JsonNode row = rowsById.get(rowId);
            rows.add(row == null ? RowSource.skipped(rowId, null, "row not found in the sheet", Finding.NONE)
                    : source(spec, row, written.get(rowId)));
        }
        workItems.enumerate(spec.id(), spec.batchSize(), rows);
    }

    /** Cells are matched by column id, so a column renamed since the job was queued still counts. */
    private static RowSource source(JobSpec spec, JsonNode row, RowResult lastWritten) {
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
        boolean targetFilled = target != null && !target.isBlank();
        if (spec.onlyEmptyTarget() && targetFilled) {
            return RowSource.skipped(rowId, null, "target cell already filled", Finding.NONE);
        }
        RowContent content = RowContent.of(spec.sourceColumns(), cells);
        if (content.isEmpty()) return RowSource.skipped(rowId, null, "no source text", Finding.NONE);
        String hash = AnalysisHashes.content(content.text());
        if (!spec.incremental() || !targetFilled || lastWritten == null) {
            return RowSource.analyse(rowId, content.text(), hash, Finding.NONE);
        }
        if (!lastWritten.writtenValue().strip().equals(target.strip())) {
            return spec.overwriteEdited() ? RowSource.analyse(rowId, content.text(), hash, Finding.EDITED_BY_PERSON)
                    : RowSource.skipped(rowId, hash, EDITED_BY_PERSON, Finding.EDITED_BY_PERSON);
        }
        if (lastWritten.specHash().equals(spec.specHash()) && lastWritten.contentHash().equals(hash)) {
            return RowSource.skipped(rowId, hash, UNCHANGED, Finding.UNCHANGED);
        }
        return RowSource.analyse(rowId, content.text(), hash, Finding.NONE);
    }
}
