package dev.smartsheetmcp.analysis;

import dev.smartsheetmcp.analysis.prompts.AnalysisType;
import dev.smartsheetmcp.analysis.prompts.PromptTemplate;
import dev.smartsheetmcp.jobs.JobMode;
import dev.smartsheetmcp.jobs.JobSpec;
import java.util.List;

/** A start_batch_analysis request on its way to becoming a queued job. */
public final class AnalysisDraft {

    final long sheetId;
    final AnalysisType type;
    final List<String> sourceColumns;
    final String targetColumn;
    final List<Long> rowIds;
    final String customGoal;
    final int priority;
    final int batchSize;
    final boolean onlyEmptyTarget;
    final boolean waitForCompletion;
    final boolean incremental;
    final boolean overwriteEdited;
    final String scheduleName;
    final JobMode mode;
    List<Long> sourceColumnIds;
    long targetColumnId;
    PromptTemplate template;

    AnalysisDraft(long sheetId, AnalysisType type, List<String> sourceColumns, String targetColumn, List<Long> rowIds,
                  String customGoal, int priority, int batchSize, boolean onlyEmptyTarget, boolean waitForCompletion,
                  boolean incremental, boolean overwriteEdited, String scheduleName, JobMode mode) {
        this.sheetId = sheetId;
        this.type = type;
        this.sourceColumns = sourceColumns;
        this.targetColumn = targetColumn;
        this.rowIds = rowIds;
        this.customGoal = customGoal;
        this.priority = priority;
        this.batchSize = batchSize;
        this.onlyEmptyTarget = onlyEmptyTarget;
        this.waitForCompletion = waitForCompletion;
        this.incremental = incremental;
        this.overwriteEdited = overwriteEdited;
        this.scheduleName = scheduleName;
        this.mode = mode;
    }

    public boolean isCustom() {
        return type == AnalysisType.CUSTOM;
    }

    public boolean isWaitForCompletion() {
        return waitForCompletion;
    }

    JobSpec toSpec(String jobId) {
        return new JobSpec(jobId, sheetId, type.wireName(), sourceColumns, sourceColumnIds, targetColumn, targetColumnId,
                rowIds, customGoal, template.systemPrompt(), template.initialPrompt(), template.continuationPrompt(),
                template.maxTokens(), onlyEmptyTarget, priority, batchSize,
                AnalysisHashes.spec(type, customGoal, sourceColumnIds, template), incremental, overwriteEdited, scheduleName, mode);
    }
}
