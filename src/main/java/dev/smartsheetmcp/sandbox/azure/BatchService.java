package dev.smartsheetmcp.sandbox.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The Files and Batches APIs of the emulator: JSONL files uploaded with purpose {@code batch}
 * (within the per-file and per-resource limits), batches created from them on Global-Batch
 * deployments, their statuses moving on a compressed clock ({@link EmulatedBatch}), output and
 * error files to download, cancel and delete. Lines are answered as chat completions are
 * ({@link LineAnswers}); the enqueued tokens of open batches count against each deployment's quota.
 */
final class BatchService {

    /** An HTTP answer: status, JSON body (or raw text), headers. */
    record Reply(int status, Object body, Map<String, String> headers) {
        static Reply json(int status, Object body) {
            return new Reply(status, body, Map.of());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final LongSupplier nanoClock;
    private final long startNanos;
    private final double startEpochSeconds;
    private final Map<String, StoredFile> files = new ConcurrentHashMap<>();
    private final Map<String, EmulatedBatch> batches = new ConcurrentHashMap<>();
    private final Map<String, Long> enqueuedTokenQuota = new ConcurrentHashMap<>();
    private final AtomicLong batchesCreated = new AtomicLong();
    private volatile BatchSettings settings = BatchSettings.realistic();

    BatchService(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.startEpochSeconds = System.currentTimeMillis() / 1000.0;
    }

    void settings(BatchSettings settings) {
        this.settings = settings;
    }

    void addDeployment(String name, long enqueuedTokens) {
        enqueuedTokenQuota.put(name, enqueuedTokens);
    }

    long batchesCreated() {
        return batchesCreated.get();
    }

    long billedTokens(String deployment) {
        return batches.values().stream().filter(b -> b.deployment().equals(deployment)).mapToLong(EmulatedBatch::billedTokens).sum();
    }

    /** Files stored now, input and output alike. */
    int fileCount() {
        return files.size();
    }

    /** Emulated epoch seconds now. */
    double now() {
        return startEpochSeconds + (nanoClock.getAsLong() - startNanos) / 1e9 * settings.timeScale();
    }

    Reply upload(String contentType, byte[] body) throws AzureError {
        Map<String, Multipart.Part> parts = Multipart.parse(contentType, body);
        Multipart.Part purpose = parts.get("purpose");
        Multipart.Part file = parts.get("file");
        if (purpose == null || file == null) {
            throw AzureError.invalidRequest("A multipart body with the fields 'purpose' and 'file' is required.", null, "invalidPayload");
        }
        if (!purpose.text().equals("batch")) {
            throw AzureError.invalidRequest("Purpose '" + purpose.text() + "' is not supported here; use 'batch'.", "purpose", "invalidPayload");
        }
        if (file.content().length > settings.maxBytesPerFile()) {
            throw AzureError.invalidRequest("The file is " + file.content().length + " bytes; a batch file may have at most "
                    + settings.maxBytesPerFile() + ".", "file", "fileTooLarge");
        }
        if (files.values().stream().filter(f -> f.purpose().equals("batch")).count() >= settings.maxFiles()) {
            throw AzureError.invalidRequest("This resource holds " + settings.maxFiles() + " batch files, the most allowed;"
                    + " delete some first.", "file", "quotaExceeded");
        }
        StoredFile stored = store(file.filename() == null ? "upload.jsonl" : file.filename(), "batch", file.content());
        return Reply.json(201, stored.object());
    }

    Reply file(String id) throws AzureError {
        return Reply.json(200, existingFile(id).object());
    }

    Reply content(String id) throws AzureError {
        return new Reply(200, new String(existingFile(id).content(), StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/octet-stream"));
    }

    Reply deleteFile(String id) throws AzureError {
        existingFile(id);
        files.remove(id);
        return Reply.json(200, NODES.objectNode().put("id", id).put("object", "file").put("deleted", true));
    }

    Reply create(JsonNode body) throws AzureError {
        if (body == null || !body.isObject()) throw AzureError.invalidJson();
        if (!body.path("completion_window").asText().equals("24h")) {
            throw AzureError.invalidRequest("completion_window must be '24h'.", "completion_window", "invalid_value");
        }
        String endpoint = body.path("endpoint").asText();
        if (!endpoint.equals("/chat/completions") && !endpoint.equals("/v1/chat/completions")) {
            throw AzureError.invalidRequest("endpoint must be '/chat/completions'.", "endpoint", "invalid_value");
        }
        StoredFile input = files.get(body.path("input_file_id").asText());
        if (input == null || !input.purpose().equals("batch")) {
            throw AzureError.invalidRequest("The input file '" + body.path("input_file_id").asText() + "' does not exist"
                    + " or was not uploaded with purpose 'batch'.", "input_file_id", "invalidPayload");
        }
        List<EmulatedBatch.Line> lines = new ArrayList<>();
        ArrayNode errors = validate(input.content(), lines);
        String deployment = lines.isEmpty() ? "" : lines.get(0).body().path("model").asText();
        long tokens = lines.stream().mapToLong(line -> LineAnswers.promptTokens(line.body())).sum();
        if (errors.isEmpty()) quota(deployment, tokens, errors);
        String id = "batch_" + UUID.randomUUID();
        ObjectNode errorList = errors.isEmpty() ? null : NODES.objectNode().put("object", "list").set("data", errors);
        EmulatedBatch batch = new EmulatedBatch(id, input.id(), deployment, lines, errorList, tokens, now(), settings,
                LineAnswers::answer);
        batches.put(id, batch);
        batchesCreated.incrementAndGet();
        return Reply.json(200, batch.object(now()));
    }

    Reply batch(String id) throws AzureError {
        EmulatedBatch batch = existingBatch(id);
        double now = now();
        batch.advance(now, this::storeOutput);
        return Reply.json(200, batch.object(now));
    }

    Reply cancel(String id) throws AzureError {
        EmulatedBatch batch = existingBatch(id);
        double now = now();
        batch.advance(now, this::storeOutput);
        if (!batch.cancel(now)) {
            throw new AzureError(409, NODES.objectNode().put("code", "conflict")
                    .put("message", "The batch " + id + " has already ended and cannot be cancelled."));
        }
        return Reply.json(200, batch.object(now));
    }

    /** Each line must be JSON with a unique custom_id, method POST, url /chat/completions and a Global-Batch model. */
    private ArrayNode validate(byte[] content, List<EmulatedBatch.Line> lines) throws AzureError {
        ArrayNode errors = NODES.arrayNode();
        Set<String> ids = new HashSet<>();
        int number = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8))) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                if (text.isBlank()) continue;
                String problem = lineProblem(text, ids, lines);
                if (problem != null) errors.addObject().put("code", problem.substring(0, problem.indexOf(':')))
                        .put("message", problem.substring(problem.indexOf(':') + 2)).putNull("param").put("line", number);
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading bytes in memory", e);
        }
        if (lines.size() > settings.maxRequestsPerFile()) {
            errors.addObject().put("code", "too_many_requests_in_file").put("message", "The file has " + lines.size()
                    + " requests; a batch file may have at most " + settings.maxRequestsPerFile() + ".").putNull("line");
        }
        if (lines.isEmpty() && errors.isEmpty()) errors.addObject().put("code", "empty_file").put("message", "The input file is empty.");
        return errors;
    }

    private String lineProblem(String text, Set<String> ids, List<EmulatedBatch.Line> lines) {
        JsonNode line;
        try {
            line = JSON.readTree(text);
        } catch (IOException e) {
            return "invalid_json_line: This line is not valid JSON.";
        }
        String customId = line.path("custom_id").asText("");
        if (customId.isEmpty()) return "missing_required_parameter: custom_id is required.";
        if (!ids.add(customId)) return "duplicate_custom_id: The custom_id '" + customId + "' is used more than once.";
        if (!line.path("method").asText().equals("POST")) return "invalid_method: method must be POST.";
        String url = line.path("url").asText();
        if (!url.equals("/chat/completions") && !url.equals("/v1/chat/completions")) {
            return "invalid_url: url must be '/chat/completions'.";
        }
        String model = line.path("body").path("model").asText("");
        if (!enqueuedTokenQuota.containsKey(model)) {
            return "model_not_found: The model '" + model + "' is not a Global-Batch deployment of this resource.";
        }
        if (!lines.isEmpty() && !lines.get(0).body().path("model").asText().equals(model)) {
            return "mismatched_model: Every line of a batch must name the same model.";
        }
        lines.add(new EmulatedBatch.Line(customId, line.path("body")));
        return null;
    }

    private void quota(String deployment, long tokens, ArrayNode errors) {
        long enqueued = batches.values().stream().filter(b -> b.open() && b.deployment().equals(deployment))
                .mapToLong(EmulatedBatch::enqueuedTokens).sum();
        long quota = enqueuedTokenQuota.getOrDefault(deployment, 0L);
        if (enqueued + tokens > quota) {
            errors.addObject().put("code", "token_limit_exceeded").put("message", "Enqueued token limit reached for "
                    + deployment + ": " + enqueued + " tokens enqueued, " + tokens + " more asked, limit " + quota
                    + ". Wait for running batches to finish and try again.").putNull("line");
        }
    }

    private String storeOutput(String filename, List<ObjectNode> lines) {
        StringBuilder text = new StringBuilder();
        for (ObjectNode line : lines) text.append(line).append('\n');
        return store(filename, "batch_output", text.toString().getBytes(StandardCharsets.UTF_8)).id();
    }

    private StoredFile store(String filename, String purpose, byte[] content) {
        StoredFile file = new StoredFile("file-" + UUID.randomUUID().toString().replace("-", ""), filename, purpose,
                content, (long) now());
        files.put(file.id(), file);
        return file;
    }

    private StoredFile existingFile(String id) throws AzureError {
        StoredFile file = files.get(id);
        if (file == null) throw AzureError.notFound("File", id);
        return file;
    }

    private EmulatedBatch existingBatch(String id) throws AzureError {
        EmulatedBatch batch = batches.get(id);
        if (batch == null) throw AzureError.notFound("Batch", id);
        return batch;
    }
}
