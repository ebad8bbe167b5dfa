package dev.smartsheetmcp.sandbox.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One batch of the emulated Batch API. Its status follows from the emulated time since it was
 * created ({@link #advance}): {@code validating} → ({@code failed} when a line is invalid or the
 * deployment's enqueued-token quota would be exceeded) → {@code in_progress}, lines answered at the
 * configured rate → {@code finalizing} → {@code completed}; {@code expired} when the window ends
 * first (answered lines in the output file, the rest {@code batch_expired} in the error file);
 * {@code cancelling} → {@code cancelled} after a cancel (the rest {@code batch_cancelled}).
 */
final class EmulatedBatch {

    /** A line of the input file, as validated. */
    record Line(String customId, JsonNode body) {
    }

    /** What the service made of one line: an output-file or error-file line, and the tokens it billed. */
    record Result(boolean succeeded, ObjectNode line, int promptTokens, int completionTokens) {
    }

    /** Where the batch's finished files go: the id a new output or error file gets. */
    interface FileSink {
        String store(String filename, List<ObjectNode> lines);
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String id;
    private final String inputFileId;
    private final String deployment;
    private final List<Line> lines;
    private final ObjectNode validationErrors;
    private final long enqueuedTokens;
    private final double createdAt;
    private final BatchSettings settings;
    private final Function<Line, Result> answerer;
    private final Result[] results;
    private String status = "validating";
    private Double cancellingAt;
    private Double endedAt;
    private String outputFileId;
    private String errorFileId;

    EmulatedBatch(String id, String inputFileId, String deployment, List<Line> lines, ObjectNode validationErrors,
                  long enqueuedTokens, double createdAt, BatchSettings settings, Function<Line, Result> answerer) {
        this.id = id;
        this.inputFileId = inputFileId;
        this.deployment = deployment;
        this.lines = lines;
        this.validationErrors = validationErrors;
        this.enqueuedTokens = enqueuedTokens;
        this.createdAt = createdAt;
        this.settings = settings;
        this.answerer = answerer;
        this.results = new Result[lines.size()];
    }

    String deployment() { return deployment; }

    long enqueuedTokens() { return enqueuedTokens; }

    synchronized boolean open() {
        return endedAt == null;
    }

    /** Moves the batch to where it stands at emulated time {@code now}; files are written when it ends. */
    synchronized void advance(double now, FileSink files) {
        if (endedAt != null) return;
        if (cancellingAt != null) {
            if (now >= cancellingAt + settings.finalizingSeconds()) end("cancelled", cancellingAt, files, "batch_cancelled");
            return;
        }
        double elapsed = now - createdAt;
        if (elapsed < settings.validatingSeconds()) return;
        if (validationErrors != null) {
            status = "failed";
            endedAt = createdAt + settings.validatingSeconds();
            return;
        }
        double doneAt = createdAt + settings.validatingSeconds() + lines.size() * 60.0 / settings.requestsPerMinute();
        if (doneAt - createdAt > settings.windowSeconds()) {
            status = "in_progress";
            if (elapsed >= settings.windowSeconds()) end("expired", createdAt + settings.windowSeconds(), files, "batch_expired");
            return;
        }
        status = now < doneAt ? "in_progress" : "finalizing";
        if (now >= doneAt + settings.finalizingSeconds()) end("completed", now, files, null);
    }

    /** {@code POST /batches/{id}/cancel}: false when the batch has ended already. */
    synchronized boolean cancel(double now) {
        if (endedAt != null) return false;
        if (cancellingAt == null) {
            cancellingAt = now;
            status = "cancelling";
        }
        return true;
    }

    /** The batch object, as {@code GET /openai/batches/{id}} answers it at emulated time {@code now}. */
    synchronized ObjectNode object(double now) {
        ObjectNode batch = NODES.objectNode().put("id", id).put("object", "batch").put("endpoint", "/chat/completions")
                .put("input_file_id", inputFileId).put("completion_window", "24h").put("status", status)
                .put("created_at", (long) createdAt).put("expires_at", (long) (createdAt + settings.windowSeconds()));
        batch.put("output_file_id", outputFileId).put("error_file_id", errorFileId);
        batch.set("errors", validationErrors);
        if (endedAt != null) batch.put(status + "_at", endedAt.longValue());
        if (cancellingAt != null) batch.put("cancelling_at", cancellingAt.longValue());
        int processed = endedAt != null && validationErrors != null ? 0 : processedBy(Math.min(now, endedAt == null ? now : endedAt));
        int failed = 0;
        for (int i = 0; i < processed; i++) if (!result(i).succeeded()) failed++;
        batch.putObject("request_counts").put("total", lines.size()).put("completed", processed - failed).put("failed", failed);
        return batch;
    }

    private int processedBy(double time) {
        double answering = time - createdAt - settings.validatingSeconds();
        if (cancellingAt != null) answering = Math.min(answering, cancellingAt - createdAt - settings.validatingSeconds());
        return (int) Math.max(0, Math.min(lines.size(), Math.floor(answering * settings.requestsPerMinute() / 60.0)));
    }

    private void end(String finalStatus, double at, FileSink files, String unfinishedCode) {
        int processed = processedBy(at);
        List<ObjectNode> output = new ArrayList<>();
        List<ObjectNode> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (i < processed) {
                Result result = result(i);
                (result.succeeded() ? output : errors).add(result.line());
            } else {
                errors.add(unfinished(lines.get(i).customId(), unfinishedCode));
            }
        }
        // the service writes lines as requests finish, not in input order
        output.sort((a, b) -> Integer.compare(a.path("custom_id").asText().hashCode(), b.path("custom_id").asText().hashCode()));
        outputFileId = files.store(id + "_output.jsonl", output);
        if (!errors.isEmpty()) errorFileId = files.store(id + "_error.jsonl", errors);
        status = finalStatus;
        endedAt = at;
    }

    private Result result(int index) {
        if (results[index] == null) results[index] = answerer.apply(lines.get(index));
        return results[index];
    }

    /** Tokens billed for the lines answered so far. */
    synchronized long billedTokens() {
        long tokens = 0;
        for (Result result : results) if (result != null) tokens += result.promptTokens() + result.completionTokens();
        return tokens;
    }

    private static ObjectNode unfinished(String customId, String code) {
        ObjectNode line = NODES.objectNode().put("id", "batch_req_" + Integer.toHexString(customId.hashCode()))
                .put("custom_id", customId).putNull("response");
        line.putObject("error").put("code", code).put("message", code.equals("batch_expired")
                ? "This request could not be executed before the completion window expired."
                : "This request was not executed because the batch was cancelled.");
        return line;
    }
}
