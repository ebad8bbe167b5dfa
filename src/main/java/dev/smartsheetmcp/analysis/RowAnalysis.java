package dev.smartsheetmcp.analysis;

import dev.smartsheetmcp.analysis.azure.ChatAnswer;
import dev.smartsheetmcp.analysis.azure.ChatMessage;
import dev.smartsheetmcp.analysis.azure.ChatRequest;
import dev.smartsheetmcp.analysis.prompts.AnswerTrimmer;
import dev.smartsheetmcp.analysis.prompts.PromptBuilder;
import dev.smartsheetmcp.analysis.prompts.PromptRequest;
import dev.smartsheetmcp.analysis.prompts.PromptTemplate;
import dev.smartsheetmcp.analysis.prompts.TrimmedAnswer;
import dev.smartsheetmcp.jobs.JobMode;
import dev.smartsheetmcp.jobs.JobSpec;
import dev.smartsheetmcp.jobs.JobUsage;
import dev.smartsheetmcp.jobs.RowOutcome;
import dev.smartsheetmcp.jobs.WorkItem;
import java.util.List;
import org.apache.camel.Exchange;

/**
 * The steps of analysing one row, for the {@code analyse-row} route: split the row's text into
 * chunks that fit the input budget, build each chunk's request (the continuation prompt carries
 * the previous chunk's answer), and turn the last answer into the row's outcome, trimmed to fit
 * a Smartsheet cell.
 */
public final class RowAnalysis {

    /** Exchange property with the {@link JobSpec} of the job being run. */
    public static final String JOB_SPEC = "JobSpec";
    private static final String CHUNKS = "RowChunks";
    private static final String ROW = "RowItem";
    private static final String PREVIOUS = "RowPreviousAnswer";

    private final PromptBuilder prompts;
    private final AnswerTrimmer trimmer;
    private final double temperature;
    private final JobUsage usage;

    public RowAnalysis(PromptBuilder prompts, AnswerTrimmer trimmer, double temperature, JobUsage usage) {
        this.usage = usage;
        this.prompts = prompts;
        this.trimmer = trimmer;
        this.temperature = temperature;
    }

    /** The rows of a batch still to be analysed (answers kept from before a restart are not asked again). */
    public List<WorkItem> pending(List<WorkItem> batch) {
        return batch.stream().filter(item -> item.state() == WorkItem.RowState.PENDING).toList();
    }

    /** Body: the work item. Sets the chunks to send; answers how many there are. */
    public int start(Exchange exchange) {
        WorkItem item = exchange.getMessage().getBody(WorkItem.class);
        List<String> chunks = prompts.chunks(item.content());
        exchange.setProperty(ROW, item);
        exchange.setProperty(CHUNKS, chunks);
        exchange.removeProperty(PREVIOUS);
        exchange.getMessage().setHeader("RowId", item.rowId());
        return chunks.size();
    }

    /** The request for the chunk of this loop iteration. */
    public ChatRequest request(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<String> chunks = exchange.getProperty(CHUNKS, List.class);
        int index = exchange.getProperty(Exchange.LOOP_INDEX, 0, Integer.class);
        PromptTemplate template = template(exchange.getProperty(JOB_SPEC, JobSpec.class));
        ChatAnswer previous = exchange.getProperty(PREVIOUS, ChatAnswer.class);
        PromptRequest prompt = index == 0 ? prompts.first(template, chunks.get(0))
                : prompts.next(template, chunks.get(index), previous.content());
        return new ChatRequest(List.of(new ChatMessage("system", prompt.systemPrompt()),
                new ChatMessage("user", prompt.userPrompt())), prompt.maxTokens(), temperature, prompt.jsonObject());
    }

    /** Keeps a chunk's answer for the next chunk (and, for the last, as the row's answer); records its usage. */
    public void remember(Exchange exchange) {
        ChatAnswer answer = exchange.getMessage().getBody(ChatAnswer.class);
        exchange.setProperty(PREVIOUS, answer);
        usage.add(exchange.getMessage().getHeader("JobId", String.class), new JobUsage.Usage(answer.deployment(),
                JobMode.ONLINE, 1, answer.promptTokens(), answer.completionTokens()));
    }

    public RowOutcome outcome(Exchange exchange) {
        WorkItem item = exchange.getProperty(ROW, WorkItem.class);
        ChatAnswer answer = exchange.getProperty(PREVIOUS, ChatAnswer.class);
        TrimmedAnswer trimmed = trimmer.trim(answer.content());
        return RowOutcome.answered(item.rowId(), trimmed.text(), answer.deployment(), trimmed.trimmed());
    }

    /** The outcome of a row whose analysis failed for a reason of its own (filtered, refused, retries exhausted). */
    public RowOutcome failed(Exchange exchange) {
        WorkItem item = exchange.getProperty(ROW, WorkItem.class);
        long rowId = item != null ? item.rowId() : exchange.getMessage().getBody(WorkItem.class).rowId();
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        return RowOutcome.failed(rowId, cause == null ? "unknown failure" : cause.getMessage());
    }

    /** Lets a job-wide failure (the model's circuit is open) through to the job, which pauses. */
    public void rethrow(Exchange exchange) throws Exception {
        throw exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }

    private static PromptTemplate template(JobSpec spec) {
        return new PromptTemplate(spec.systemPrompt(), spec.initialPrompt(), spec.continuationPrompt(), spec.maxTokens());
    }
}
