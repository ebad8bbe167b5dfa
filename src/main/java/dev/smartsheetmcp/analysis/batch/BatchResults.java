package dev.smartsheetmcp.analysis.batch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.analysis.AnswerCache;
import dev.smartsheetmcp.analysis.prompts.AnswerTrimmer;
import dev.smartsheetmcp.analysis.prompts.TrimmedAnswer;
import dev.smartsheetmcp.jobs.BatchSubmissions;
import dev.smartsheetmcp.jobs.BatchSubmissions.Follower;
import dev.smartsheetmcp.jobs.BatchSubmissions.Submission;
import dev.smartsheetmcp.jobs.JobSpec;
import dev.smartsheetmcp.jobs.JobMode;
import dev.smartsheetmcp.jobs.JobUsage;
import dev.smartsheetmcp.jobs.RowOutcome;
import dev.smartsheetmcp.jobs.WorkItems;
import dev.smartsheetmcp.toolkit.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Reads an ended batch back into its job's rows. The output and error files are streamed line by
 * line, each matched to its row by {@code custom_id}; answers are checked and trimmed as in online
 * mode and kept 500 at a time; an error line (a filtered prompt, a refused request) is retried once
 * through the online path or fails its row, as {@code azure.batch.on-error-line} says. Then the rows
 * the batch left unanswered: a failed batch fails them with Azure's error for their line; an
 * expired or cancelled batch sends them again ({@code azure.batch.on-expiry} resubmit, up to
 * {@code maxSubmissions}) or online. Answers go into the answer cache (counted as misses: the
 * model was asked), and rows waiting for a row of the same text take its answer or its failure.
 */
public final class BatchResults {

    /** Exchange property: the {@link Submission} being collected. */
    public static final String SUBMISSION = "BatchSubmission";
    private static final int CHUNK = 500;

    private final WorkItems workItems;
    private final BatchSubmissions submissions;
    private final JobUsage usage;
    private final AnswerCache cache;
    private final AnswerTrimmer trimmer;
    private final boolean errorLinesOnline;
    private final boolean resubmitExpired;
    private final int maxSubmissions;

    public BatchResults(WorkItems workItems, BatchSubmissions submissions, JobUsage usage, AnswerCache cache,
                        AnswerTrimmer trimmer, String onErrorLine, String onExpiry, int maxSubmissions) {
        this.workItems = workItems;
        this.submissions = submissions;
        this.usage = usage;
        this.cache = cache;
        this.trimmer = trimmer;
        this.errorLinesOnline = "online".equals(onErrorLine);
        this.resubmitExpired = "resubmit".equals(onExpiry);
        this.maxSubmissions = maxSubmissions;
    }

    /** Body: the Path of a downloaded output or error file. Keeps its answers and failures, then deletes it. */
    public void read(Exchange exchange) throws IOException {
        String jobId = exchange.getMessage().getHeader("JobId", String.class);
        JobSpec spec = exchange.getProperty("JobSpec", JobSpec.class);
        Path file = exchange.getMessage().getBody(Path.class);
        Tally tally = new Tally();
        List<RowOutcome> outcomes = new ArrayList<>();
        List<Long> online = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String text = lines.readLine(); text != null; text = lines.readLine()) {
                if (text.isBlank()) continue;
                JsonNode line = Json.MAPPER.readTree(text);
                long rowId = CustomIds.row(line.path("custom_id").asText(null), jobId);
                if (rowId >= 0) outcome(rowId, line, tally, outcomes, online);
                if (outcomes.size() >= CHUNK) keep(spec, outcomes);
            }
        } finally {
            Files.deleteIfExists(file);
        }
        keep(spec, outcomes);
        submissions.route(jobId, online, BatchSubmissions.ONLINE);
        if (tally.requests > 0) usage.add(jobId, new JobUsage.Usage(tally.deployment, JobMode.BATCH, tally.requests,
                tally.promptTokens, tally.completionTokens));
        exchange.getMessage().setHeader("BatchPromptTokens", tally.promptTokens);
        exchange.getMessage().setHeader("BatchCompletionTokens", tally.completionTokens);
    }

    /** The rows the batch left unanswered, then the batch marked collected. */
    public void finish(Exchange exchange) {
        Submission submission = exchange.getProperty(SUBMISSION, Submission.class);
        JobSpec spec = exchange.getProperty("JobSpec", JobSpec.class);
        String jobId = submission.jobId();
        List<Long> waiting = submissions.waitingRows(jobId, submission.id());
        if (submission.status().equals("failed")) {
            failWithAzureErrors(spec, submission, waiting);
        } else {
            List<Long> again = new ArrayList<>();
            List<Long> online = new ArrayList<>();
            for (Long rowId : waiting) {
                boolean resubmit = resubmitExpired && submission.status().equals("expired")
                        && submissions.submissions(jobId, rowId) < maxSubmissions;
                (resubmit ? again : online).add(rowId);
            }
            submissions.route(jobId, again, null);
            submissions.route(jobId, online, BatchSubmissions.ONLINE);
        }
        shareWithSameText(spec);
        workItems.refreshFailedCount(jobId);
        submissions.collected(submission.id());
    }

    /**
     * Rows waiting for the row of their text: its answer or failure once it has one, the online
     * path when it was routed there (which asks the text once); else they keep waiting (it was
     * submitted again).
     */
    private void shareWithSameText(JobSpec spec) {
        List<RowOutcome> shared = new ArrayList<>();
        List<Long> online = new ArrayList<>();
        for (Follower row : submissions.followers(spec.id())) {
            switch (row.leaderState()) {
                case "answered", "written" -> shared.add(new RowOutcome(row.rowId(), row.result(), null, null, row.trimmed(), true));
                case "failed" -> shared.add(RowOutcome.failed(row.rowId(),
                        row.error() != null ? row.error() : "failed as the row with the same text did"));
                case "pending" -> {
                    if (BatchSubmissions.ONLINE.equals(row.leaderBatchRef())) online.add(row.rowId());
                }
                default -> online.add(row.rowId());
            }
            if (shared.size() >= CHUNK) keep(spec, shared);
        }
        keep(spec, shared);
        submissions.route(spec.id(), online, BatchSubmissions.ONLINE);
    }

    private void outcome(long rowId, JsonNode line, Tally tally, List<RowOutcome> outcomes, List<Long> online) {
        JsonNode response = line.path("response");
        if (response.isMissingNode() || response.isNull()) return; // batch_expired, batch_cancelled: left to finish
        JsonNode body = response.path("body");
        if (response.path("status_code").asInt() != 200) {
            if (errorLinesOnline) online.add(rowId);
            else outcomes.add(RowOutcome.failed(rowId, errorText(body.path("error"), response.path("status_code").asInt())));
            return;
        }
        tally.add(body);
        JsonNode choice = body.path("choices").path(0);
        JsonNode content = choice.path("message").path("content");
        if (choice.path("finish_reason").asText().equals("content_filter") || !content.isTextual()) {
            outcomes.add(RowOutcome.failed(rowId, "content_filter: the answer was filtered (batch)"));
            return;
        }
        TrimmedAnswer trimmed = trimmer.trim(content.asText());
        outcomes.add(RowOutcome.answered(rowId, trimmed.text(), body.path("model").asText(tally.deployment), trimmed.trimmed()));
    }

    /** Keeps the outcomes on their rows, then the new answers in the answer cache. */
    private void keep(JobSpec spec, List<RowOutcome> outcomes) {
        if (outcomes.isEmpty()) return;
        List<RowOutcome> kept = List.copyOf(outcomes);
        outcomes.clear();
        workItems.recordAnswers(spec.id(), kept);
        List<Long> answered = kept.stream().filter(o -> o.succeeded() && !o.cached()).map(RowOutcome::rowId).toList();
        cache.remember(spec, answered.isEmpty() ? Map.of() : workItems.contents(spec.id(), answered), kept);
    }

    /** Azure's validation errors name the line; an error without a line is every row's. */
    private void failWithAzureErrors(JobSpec spec, Submission submission, List<Long> waiting) {
        List<RowOutcome> failures = new ArrayList<>();
        JsonNode errors = parse(submission.errors());
        for (int i = 0; i < waiting.size(); i++) {
            int lineNumber = i + 1;
            String error = null;
            for (JsonNode candidate : errors) {
                if (!candidate.path("line").canConvertToInt() || candidate.path("line").asInt() == lineNumber) {
                    error = "Azure batch failed: " + candidate.path("code").asText() + ": " + candidate.path("message").asText();
                    break;
                }
            }
            failures.add(RowOutcome.failed(waiting.get(i), error != null ? error : "Azure batch failed (no error for this line)"));
        }
        keep(spec, failures);
    }

    private static JsonNode parse(String errors) {
        try {
            return errors == null ? Json.MAPPER.createArrayNode() : Json.MAPPER.readTree(errors);
        } catch (IOException e) {
            return Json.MAPPER.createArrayNode();
        }
    }

    private static String errorText(JsonNode error, int status) {
        String code = error.path("code").asText("HTTP " + status);
        return code + ": " + error.path("message").asText("the request failed in the batch");
    }

    /** The usage the file's answers billed. */
    private static final class Tally {
        String deployment = "batch";
        int requests;
        long promptTokens;
        long completionTokens;

        void add(JsonNode completion) {
            requests++;
            if (completion.path("model").isTextual()) deployment = completion.path("model").asText();
            promptTokens += completion.path("usage").path("prompt_tokens").asLong();
            completionTokens += completion.path("usage").path("completion_tokens").asLong();
        }
    }
}
