package dev.smartsheetmcp.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.analysis.azure.ChatAnswer;
import dev.smartsheetmcp.analysis.azure.ChatMessage;
import dev.smartsheetmcp.analysis.azure.ChatRequest;
import dev.smartsheetmcp.analysis.prompts.AnalysisType;
import dev.smartsheetmcp.analysis.prompts.PromptOptimization;
import dev.smartsheetmcp.analysis.prompts.PromptRequest;
import dev.smartsheetmcp.analysis.prompts.PromptTemplates;
import dev.smartsheetmcp.jobs.JobMode;
import dev.smartsheetmcp.jobs.JobQueue;
import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.toolkit.ToolException;
import dev.smartsheetmcp.sheets.SheetColumns;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;

/**
 * The steps of {@code start_batch_analysis} before a job exists: check the arguments, resolve
 * the columns against the sheet, for custom analysis get the optimised prompts, then queue the
 * job. Every refusal happens before anything is stored.
 */
public final class AnalysisRequests {

    public static final String DRAFT = "AnalysisDraft";
    /** Set by a schedule's firing (never by a tool call): the schedule's name, stored on the job. */
    public static final String SCHEDULE_NAME = "ScheduleName";
    /** Set by a schedule's firing: the job id it reserved on the schedule (see ScheduleStore#reserve). */
    public static final String RESERVED_JOB_ID = "ReservedJobId";

    private final JobQueue queue;
    private final PromptTemplates templates;
    private final PromptOptimization optimization;
    private final boolean azureConfigured;
    private final int defaultBatchSize;
    private final boolean batchConfigured;

    /** {@code azureEndpoints}: AZURE_OPENAI_API_BASE, or the pooled deployments when it is empty; blank = not configured. */
    public AnalysisRequests(JobQueue queue, PromptTemplates templates, String azureEndpoints, int defaultBatchSize,
                            String batchDeployment) {
        this.queue = queue;
        this.templates = templates;
        this.optimization = new PromptOptimization(templates);
        this.azureConfigured = azureEndpoints != null && !azureEndpoints.isBlank();
        this.defaultBatchSize = defaultBatchSize;
        this.batchConfigured = batchDeployment != null && !batchDeployment.isBlank();
    }

    /** Reads and checks the arguments; sets header SheetId and the draft property. */
    public void validate(Exchange exchange) {
        if (!azureConfigured) {
            throw new ToolException("Azure OpenAI is not configured: set AZURE_OPENAI_API_BASE, AZURE_OPENAI_API_KEY"
                    + " and AZURE_OPENAI_DEPLOYMENT (and optionally AZURE_OPENAI_API_VERSION), then restart");
        }
        ToolArguments args = ToolArguments.of(exchange.getMessage().getBody());
        AnalysisType type = type(args.text("type"));
        String customGoal = args.optionalText("customGoal").map(String::trim).orElse(null);
        if (type == AnalysisType.CUSTOM && (customGoal == null || customGoal.isEmpty())) {
            throw ToolException.invalidArgument("customGoal", "is required and must not be empty for type custom");
        }
        int batchSize = args.optionalInt("batchSize").orElse(defaultBatchSize);
        if (batchSize < 1 || batchSize > 500) {
            throw ToolException.invalidArgument("batchSize", "must be from 1 to 500 (Smartsheet writes at most 500 rows a call)");
        }
        AnalysisDraft draft = new AnalysisDraft(args.id("sheet_id"), type, sourceColumns(args),
                args.nonBlankText("targetColumn"), args.has("rowIds") ? distinct(args.ids("rowIds")) : null,
                type == AnalysisType.CUSTOM ? customGoal : null, args.optionalInt("priority").orElse(0), batchSize,
                args.flag("onlyEmptyTarget", false), args.flag("wait", false), args.flag("incremental", false),
                args.flag("overwriteEdited", false), exchange.getProperty(SCHEDULE_NAME, String.class), mode(args));
        exchange.setProperty(DRAFT, draft);
        exchange.getMessage().setHeader("SheetId", draft.sheetId);
    }

    /** Body: the sheet's columns. Source columns must exist; the target must exist and be writable. */
    public void resolveColumns(Exchange exchange) {
        AnalysisDraft draft = exchange.getProperty(DRAFT, AnalysisDraft.class);
        SheetColumns columns = SheetColumns.of(exchange.getMessage().getBody(JsonNode.class));
        List<Long> sourceIds = new ArrayList<>();
        for (int i = 0; i < draft.sourceColumns.size(); i++) {
            sourceIds.add(columns.requireTitle(draft.sourceColumns.get(i), "sourceColumns[" + i + "]").id());
        }
        SheetColumns.Column target = columns.requireTitle(draft.targetColumn, "targetColumn");
        if (!target.writable()) {
            throw ToolException.invalidArgument("targetColumn", "'" + target.title() + "' is "
                    + (target.systemColumnType() != null ? "a system column (" + target.systemColumnType() + ")"
                    : "a formula column") + " and cannot be written; choose a plain column");
        }
        if (sourceIds.contains(target.id())) {
            throw ToolException.invalidArgument("targetColumn", "must not be one of the source columns");
        }
        draft.sourceColumnIds = sourceIds;
        draft.targetColumnId = target.id();
        if (!draft.isCustom()) draft.template = templates.forType(draft.type);
    }

    /** The one prompt-optimisation call of a custom analysis. */
    public ChatRequest optimizationRequest(Exchange exchange) {
        PromptRequest prompt = optimization.request(exchange.getProperty(DRAFT, AnalysisDraft.class).customGoal);
        return new ChatRequest(List.of(new ChatMessage("system", prompt.systemPrompt()),
                new ChatMessage("user", prompt.userPrompt())), prompt.maxTokens(), 0.3, prompt.jsonObject());
    }

    public void applyOptimization(Exchange exchange) {
        AnalysisDraft draft = exchange.getProperty(DRAFT, AnalysisDraft.class);
        try {
            draft.template = optimization.parse(exchange.getMessage().getBody(ChatAnswer.class).content());
        } catch (IllegalArgumentException e) {
            throw new ToolException("The prompt optimisation answer for customGoal could not be used: " + e.getMessage());
        }
    }

    /** Queues the job; sets header JobId and answers the job's start summary. */
    public Map<String, Object> queue(Exchange exchange) {
        AnalysisDraft draft = exchange.getProperty(DRAFT, AnalysisDraft.class);
        String jobId = exchange.getProperty(RESERVED_JOB_ID, UUID.randomUUID().toString(), String.class);
        queue.create(draft.toSpec(jobId));
        exchange.getMessage().setHeader("JobId", jobId);
        return Map.of("jobId", jobId, "analysisType", draft.type.wireName(), "status", "queued",
                "mode", draft.mode.wire(),
                "message", (draft.incremental ? "Incremental job" : "Job") + " queued for sheet " + draft.sheetId
                        + (draft.rowIds == null ? " (all rows)" : " (" + draft.rowIds.size() + " rows)")
                        + "; follow it with get_job_status");
    }

    private JobMode mode(ToolArguments args) {
        JobMode mode;
        try {
            mode = JobMode.fromWire(args.optionalText("mode").orElse("online"));
        } catch (IllegalArgumentException e) {
            throw ToolException.invalidArgument("mode", e.getMessage());
        }
        if (mode == JobMode.BATCH && !batchConfigured) {
            throw ToolException.invalidArgument("mode", "batch needs a Global-Batch deployment: set AZURE_OPENAI_BATCH_DEPLOYMENT"
                    + " (azure.batch.deployment), then restart");
        }
        return mode;
    }

    private static AnalysisType type(String value) {
        try {
            return AnalysisType.parse(value);
        } catch (IllegalArgumentException e) {
            throw ToolException.invalidArgument("type", e.getMessage());
        }
    }

    private static List<String> sourceColumns(ToolArguments args) {
        List<?> raw = args.list("sourceColumns");
        if (raw.isEmpty()) throw ToolException.invalidArgument("sourceColumns", "must name at least one column");
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            if (!(raw.get(i) instanceof String title) || title.isBlank()) {
                throw ToolException.invalidArgument("sourceColumns[" + i + "]", "must be a column title");
            }
            titles.add(title);
        }
        return titles;
    }

    private static List<Long> distinct(List<Long> ids) {
        if (ids.isEmpty()) throw ToolException.invalidArgument("rowIds", "must list at least one row (leave it out for all rows)");
        return List.copyOf(new LinkedHashSet<>(ids));
    }
}
