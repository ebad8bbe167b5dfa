package dev.smartsheetmcp.sandbox.azure;

import static dev.smartsheetmcp.sandbox.azure.ChatCall.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smartsheetmcp.sandbox.FaultInjector;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator's Files and Batches APIs over real HTTP, against the documented contract: upload
 * with purpose batch, batch statuses on the emulated clock, output and error lines by custom_id,
 * validation failures per line, expiry, cancel, the per-file limit, deletion.
 */
class AzureBatchApiContractTest {

    private static final String KEY = "batch-key";
    private static final String BATCH_DEPLOYMENT = "gpt-4o-batch";
    private static final String VERSION = "?api-version=2024-10-21";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final AtomicLong clock = new AtomicLong(TimeUnit.HOURS.toNanos(1));
    private AzureOpenAiEmulator emulator;

    /** One emulated minute of validation and of finalizing, 60 lines a minute; time moves only when a test says. */
    @BeforeEach
    void start() throws IOException {
        emulator = new AzureOpenAiEmulator(new FaultInjector(3), KEY, 1, clock::get);
        emulator.addBatchDeployment(BATCH_DEPLOYMENT, 1_000_000);
        emulator.batchSettings(new BatchSettings(1, 60, 60, 60, 24 * 3600, 1_000, BatchSettings.MAX_BYTES_PER_FILE, 500));
        emulator.start(0, 4);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aBatchValidatesRunsFinalizesAndCompletesWithEveryAnswerInTheOutputFileByCustomId() throws Exception {
        String fileId = upload(lines(BATCH_DEPLOYMENT, "The invoice was paid late.", "Delivery was fast.", "Great support."));
        JsonNode created = createBatch(fileId);
        String batchId = created.path("id").asText();

        assertThat(created.path("status").asText()).isEqualTo("validating");
        assertThat(created.path("completion_window").asText()).isEqualTo("24h");
        assertThat(created.path("request_counts").path("total").asInt()).isEqualTo(3);
        advanceSeconds(61);
        assertThat(batch(batchId).path("status").asText()).isEqualTo("in_progress");
        assertThat(batch(batchId).path("request_counts").path("completed").asInt()).isEqualTo(1);
        advanceSeconds(2);
        assertThat(batch(batchId).path("status").asText()).isEqualTo("finalizing");
        advanceSeconds(60);
        JsonNode done = batch(batchId);

        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("request_counts").path("completed").asInt()).isEqualTo(3);
        assertThat(done.path("error_file_id").isNull()).isTrue();
        List<JsonNode> output = content(done.path("output_file_id").asText());
        assertThat(output).extracting(line -> line.path("custom_id").asText()).containsExactlyInAnyOrder("row-0", "row-1", "row-2");
        JsonNode first = output.stream().filter(line -> line.path("custom_id").asText().equals("row-0")).findFirst().orElseThrow();
        assertThat(first.path("response").path("status_code").asInt()).isEqualTo(200);
        assertThat(first.path("response").path("body").path("choices").path(0).path("message").path("content").asText())
                .isEqualTo("Summary: The invoice was paid late.");
        assertThat(first.path("response").path("body").path("usage").path("prompt_tokens").asInt()).isPositive();
        assertThat(first.path("error").isNull()).isTrue();
    }

    @Test
    void aFilteredPromptIsAnErrorFileLineWithItsStatusAndErrorBody() throws Exception {
        String batchId = createBatch(upload(lines(BATCH_DEPLOYMENT, "fine", "bad " + DeterministicAnswers.FILTER_PROMPT_MARKER)))
                .path("id").asText();
        advanceSeconds(60 + 2 + 60);
        JsonNode done = batch(batchId);

        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("request_counts").path("failed").asInt()).isEqualTo(1);
        List<JsonNode> errors = content(done.path("error_file_id").asText());
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path("custom_id").asText()).isEqualTo("row-1");
        assertThat(errors.get(0).path("response").path("status_code").asInt()).isEqualTo(400);
        assertThat(errors.get(0).path("response").path("body").path("error").path("code").asText()).isEqualTo("content_filter");
    }

    @Test
    void aFileNamingAModelThatIsNoGlobalBatchDeploymentFailsAtValidationWithAnErrorPerLine() throws Exception {
        String batchId = createBatch(upload(lines("gpt-4o-standard", "a", "b"))).path("id").asText();
        advanceSeconds(61);
        JsonNode failed = batch(batchId);

        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("output_file_id").isNull()).isTrue();
        JsonNode errors = failed.path("errors").path("data");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).path("code").asText()).isEqualTo("model_not_found");
        assertThat(errors.get(1).path("line").asInt()).isEqualTo(2);
    }

    @Test
    void aBatchOverThePerFileRequestLimitFails() throws Exception {
        emulator.batchSettings(new BatchSettings(1, 60, 60, 60, 24 * 3600, 2, BatchSettings.MAX_BYTES_PER_FILE, 500));
        String batchId = createBatch(upload(lines(BATCH_DEPLOYMENT, "a", "b", "c"))).path("id").asText();
        advanceSeconds(61);

        JsonNode failed = batch(batchId);
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("errors").path("data").get(0).path("code").asText()).isEqualTo("too_many_requests_in_file");
    }

    @Test
    void aBatchThatCannotFinishInItsWindowExpiresWithTheAnsweredLinesAndTheRestBatchExpired() throws Exception {
        // 60 lines a minute and a 24-hour window: 1,441 one-minute-per-line requests cannot finish; one line a minute here
        emulator.batchSettings(new BatchSettings(1, 60, 1, 60, 3 * 60, 1_000, BatchSettings.MAX_BYTES_PER_FILE, 500));
        String batchId = createBatch(upload(lines(BATCH_DEPLOYMENT, "a", "b", "c", "d", "e"))).path("id").asText();
        advanceSeconds(3 * 60 + 1);
        JsonNode expired = batch(batchId);

        assertThat(expired.path("status").asText()).isEqualTo("expired");
        assertThat(content(expired.path("output_file_id").asText())).hasSize(2);
        List<JsonNode> errors = content(expired.path("error_file_id").asText());
        assertThat(errors).hasSize(3).allSatisfy(line -> {
            assertThat(line.path("response").isNull()).isTrue();
            assertThat(line.path("error").path("code").asText()).isEqualTo("batch_expired");
        });
    }

    @Test
    void aCancelledBatchIsCancellingThenCancelledAndAnEndedOneCannotBeCancelled() throws Exception {
        String batchId = createBatch(upload(lines(BATCH_DEPLOYMENT, "a", "b", "c", "d"))).path("id").asText();
        advanceSeconds(60 + 2);
        HttpResponse<String> cancelling = send("POST", "/openai/batches/" + batchId + "/cancel" + VERSION, KEY, null, "");

        assertThat(cancelling.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(cancelling.body()).path("status").asText()).isEqualTo("cancelling");
        advanceSeconds(61);
        JsonNode cancelled = batch(batchId);
        assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");
        assertThat(content(cancelled.path("output_file_id").asText())).hasSize(2);
        assertThat(content(cancelled.path("error_file_id").asText()))
                .allSatisfy(line -> assertThat(line.path("error").path("code").asText()).isEqualTo("batch_cancelled"));
        assertThat(send("POST", "/openai/batches/" + batchId + "/cancel" + VERSION, KEY, null, "").statusCode()).isEqualTo(409);
    }

    @Test
    void uploadsNeedTheKeyPurposeBatchAndAnApiVersionAndDeletedFilesAreGone() throws Exception {
        assertThat(multipart("batch", lines(BATCH_DEPLOYMENT, "a"), "wrong-key", VERSION).statusCode()).isEqualTo(401);
        assertThat(multipart("fine-tune", lines(BATCH_DEPLOYMENT, "a"), KEY, VERSION).statusCode()).isEqualTo(400);
        assertThat(multipart("batch", lines(BATCH_DEPLOYMENT, "a"), KEY, "").statusCode()).isEqualTo(404);
        String fileId = upload(lines(BATCH_DEPLOYMENT, "a"));
        assertThat(send("GET", "/openai/files/" + fileId + VERSION, KEY, null, "").statusCode()).isEqualTo(200);

        HttpResponse<String> deleted = send("DELETE", "/openai/files/" + fileId + VERSION, KEY, null, "");

        assertThat(JSON.readTree(deleted.body()).path("deleted").asBoolean()).isTrue();
        assertThat(send("GET", "/openai/files/" + fileId + VERSION, KEY, null, "").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/openai/batches/batch_nope" + VERSION, KEY, null, "").statusCode()).isEqualTo(404);
    }

    private void advanceSeconds(long seconds) {
        clock.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    private static String lines(String model, String... texts) {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < texts.length; i++) {
            ObjectNode line = JSON.createObjectNode().put("custom_id", "row-" + i).put("method", "POST").put("url", "/chat/completions");
            ObjectNode body = ChatCall.body("Summarize the row in one sentence.", texts[i]).put("model", model);
            line.set("body", body);
            jsonl.append(line).append('\n');
        }
        return jsonl.toString();
    }

    private String upload(String jsonl) throws Exception {
        HttpResponse<String> response = multipart("batch", jsonl, KEY, VERSION);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode file = JSON.readTree(response.body());
        assertThat(file.path("purpose").asText()).isEqualTo("batch");
        assertThat(file.path("object").asText()).isEqualTo("file");
        return file.path("id").asText();
    }

    private HttpResponse<String> multipart(String purpose, String jsonl, String key, String query) throws Exception {
        String boundary = "----b" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\n" + purpose + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"in.jsonl\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + jsonl + "\r\n--" + boundary + "--\r\n";
        return send("POST", "/openai/files" + query, key, "multipart/form-data; boundary=" + boundary, body);
    }

    private JsonNode createBatch(String fileId) throws Exception {
        ObjectNode request = JSON.createObjectNode().put("input_file_id", fileId).put("endpoint", "/chat/completions")
                .put("completion_window", "24h");
        HttpResponse<String> response = send("POST", "/openai/batches" + VERSION, KEY, "application/json", request.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode batch(String id) throws Exception {
        return JSON.readTree(send("GET", "/openai/batches/" + id + VERSION, KEY, null, "").body());
    }

    private List<JsonNode> content(String fileId) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : send("GET", "/openai/files/" + fileId + "/content" + VERSION, KEY, null, "").body().split("\n")) {
            if (!line.isBlank()) lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String key, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.endpoint() + pathAndQuery)).header("api-key", key)
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) request.header("Content-Type", contentType);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
