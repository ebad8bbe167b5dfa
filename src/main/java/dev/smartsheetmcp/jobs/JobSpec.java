package dev.smartsheetmcp.jobs;

import java.util.List;

/**
 * What a job does, fixed when it is queued: the sheet, the columns, the prompts (for custom
 * analysis the optimised ones), and how it runs. {@code specHash} fingerprints the analysis (see
 * {@code AnalysisHashes.spec}); an {@code incremental} job analyses only rows that changed since
 * the answer last written to them, leaving targets a person edited alone unless {@code overwriteEdited}.
 * {@code scheduleName} is the schedule that enqueued it, or null for a job started by a tool call;
 * {@code mode} how its rows reach the model (chat completions, or the Batch API).
 */
public record JobSpec(
        String id,
        long sheetId,
        String analysisType,
        List<String> sourceColumns,
        List<Long> sourceColumnIds,
        String targetColumn,
        long targetColumnId,
        List<Long> rowFilter,
        String customGoal,
        String systemPrompt,
        String initialPrompt,
        String continuationPrompt,
        int maxTokens,
        boolean onlyEmptyTarget,
        int priority,
        int batchSize,
        String specHash,
        boolean incremental,
        boolean overwriteEdited,
        String scheduleName,
        JobMode mode) {
}
