package dev.smartsheetmcp.schedules;

import dev.smartsheetmcp.jobs.JobMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A schedule: when (Quartz cron in a time zone) and what (the start_batch_analysis arguments of
 * the job each firing enqueues). {@code batchSize} null means the configured default; {@code mode}
 * is how the job reaches the model (online, or the Azure OpenAI Batch API).
 */
public record Schedule(String name, Source source, String cron, String timeZone, long sheetId, String type,
                       List<String> sourceColumns, String targetColumn, String customGoal, int priority,
                       Integer batchSize, boolean overwriteEdited, boolean fullRerun, boolean enabled, JobMode mode) {

    /** Where a schedule was defined: by the create_schedule tool or in the configuration. */
    public enum Source {
        TOOL, CONFIG;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Source fromWire(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /** The start_batch_analysis arguments of one run; scheduled runs are incremental unless a full re-run. */
    public Map<String, Object> analysisArguments(boolean fullRerunThisTime) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("sheet_id", Long.toString(sheetId));
        arguments.put("type", type);
        arguments.put("sourceColumns", sourceColumns);
        arguments.put("targetColumn", targetColumn);
        if (customGoal != null) arguments.put("customGoal", customGoal);
        arguments.put("priority", priority);
        if (batchSize != null) arguments.put("batchSize", batchSize);
        arguments.put("incremental", !(fullRerun || fullRerunThisTime));
        arguments.put("overwriteEdited", overwriteEdited);
        arguments.put("mode", mode.wire());
        return arguments;
    }
}
