package dev.smartsheetmcp.analysis.batch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.jobs.BatchSubmissions;
import dev.smartsheetmcp.jobs.BatchSubmissions.Submission;
import org.apache.camel.Exchange;

/**
 * Records what Azure answered about a batch (created, polled or cancelled) on its submission: the
 * batch id, status, {@code request_counts}, output and error file ids, validation errors. Sets
 * {@link #ENDED} when the batch has ended, so the poller wakes its job to collect it.
 */
public final class BatchPolling {

    /** Exchange property: the submission (azure_batch id) the call was about. */
    public static final String SUBMISSION = "AzureBatchRef";
    /** Exchange property: the batch ended with this answer. */
    public static final String ENDED = "BatchEnded";

    private final BatchSubmissions submissions;

    public BatchPolling(BatchSubmissions submissions) {
        this.submissions = submissions;
    }

    /** Body: the batch object. */
    public void report(Exchange exchange) {
        JsonNode batch = exchange.getMessage().getBody(JsonNode.class);
        String id = exchange.getProperty(SUBMISSION, String.class);
        JsonNode counts = batch.path("request_counts");
        JsonNode errors = batch.path("errors").path("data");
        Submission reported = new Submission(id, null, 0, null, batch.path("id").asText(null), batch.path("status").asText(),
                counts.path("total").asInt(), counts.path("completed").asInt(), counts.path("failed").asInt(),
                batch.path("output_file_id").asText(null), batch.path("error_file_id").asText(null),
                errors.isArray() && !errors.isEmpty() ? errors.toString() : null, false);
        submissions.reported(reported);
        exchange.setProperty(ENDED, reported.ended());
        exchange.getMessage().setHeader("JobId", submissions.find(id).map(Submission::jobId).orElse(null));
    }

    /** After an upload (body: the file object): its id, kept on the submission and in header AzureFileId. */
    public void uploaded(Exchange exchange) {
        String fileId = exchange.getMessage().getBody(JsonNode.class).path("id").asText();
        submissions.uploaded(exchange.getProperty(SUBMISSION, String.class), fileId);
        exchange.getMessage().setHeader("AzureFileId", fileId);
    }
}
