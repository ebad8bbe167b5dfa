package dev.smartsheetmcp.analysis.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smartsheetmcp.analysis.azure.AzureBatchRequests;
import dev.smartsheetmcp.analysis.azure.AzureChatRequests;
import dev.smartsheetmcp.analysis.azure.ChatMessage;
import dev.smartsheetmcp.analysis.azure.ChatRequest;
import dev.smartsheetmcp.analysis.prompts.PromptBuilder;
import dev.smartsheetmcp.analysis.prompts.PromptRequest;
import dev.smartsheetmcp.analysis.prompts.PromptTemplate;
import dev.smartsheetmcp.jobs.BatchSubmissions;
import dev.smartsheetmcp.jobs.JobSpec;
import dev.smartsheetmcp.jobs.WorkItem;
import dev.smartsheetmcp.toolkit.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.Exchange;

/**
 * Writes a batch-mode job's rows as JSONL request files, each within the per-file limits on
 * requests and bytes, as the multipart body of its upload; each line's {@code custom_id} names the
 * job and the row ({@link CustomIds}). Every file is recorded with its rows before it is uploaded.
 * Rows the answer cache answered are not written; rows sharing a text with a written row wait for
 * its answer ({@link BatchSubmissions#SAME_TEXT_AS}); rows long enough to need several chunks (each
 * chunk's prompt carries the previous answer), and the rows sharing their text, are answered
 * through the online path instead.
 */
public final class BatchRequestFiles {

    /** Exchange property: the job's rows to submit, before the answer cache took its share. */
    public static final String PENDING = "BatchPending";
    /** Exchange property: the rows the model must answer (the cache's lookUp result). */
    public static final String TO_ASK = "BatchToAsk";
    /** Exchange property: each row asked, with the rows of the same text (the cache's sameTextRows). */
    public static final String SAME_TEXT = "BatchSameText";

    private final BatchSubmissions submissions;
    private final PromptBuilder prompts;
    private final AzureBatchRequests requests;
    private final double temperature;
    private final int maxRequestsPerFile;
    private final long maxBytesPerFile;
    private final Path directory;

    public BatchRequestFiles(BatchSubmissions submissions, PromptBuilder prompts, AzureBatchRequests requests,
                             double temperature, int maxRequestsPerFile, long maxBytesPerFile, Path directory) {
        this.submissions = submissions;
        this.prompts = prompts;
        this.requests = requests;
        this.temperature = temperature;
        this.maxRequestsPerFile = maxRequestsPerFile;
        this.maxBytesPerFile = maxBytesPerFile;
        this.directory = directory;
    }

    /** The job's pending rows not yet submitted (kept as {@link #PENDING}). */
    public List<WorkItem> toSubmit(Exchange exchange) {
        List<WorkItem> rows = submissions.toSubmit(exchange.getMessage().getHeader("JobId", String.class));
        exchange.setProperty(PENDING, rows);
        return rows;
    }

    /** Writes and records the request files; routes the rows it does not send online. */
    public List<RequestFile> write(Exchange exchange) throws IOException {
        JobSpec spec = exchange.getProperty("JobSpec", JobSpec.class);
        @SuppressWarnings("unchecked")
        List<WorkItem> toAsk = exchange.getProperty(TO_ASK, List.class);
        List<String> lines = new ArrayList<>();
        List<Long> lineRows = new ArrayList<>();
        Set<Long> sent = new HashSet<>();
        for (WorkItem row : toAsk) {
            List<String> chunks = prompts.chunks(row.content());
            if (chunks.size() != 1) continue;
            lines.add(line(spec, row.rowId(), chunks.get(0)));
            lineRows.add(row.rowId());
            sent.add(row.rowId());
        }
        Set<Long> waiting = waitForSentRows(exchange, spec.id(), sent);
        routeTheRestOnline(exchange, spec.id(), sent, waiting);
        return files(spec.id(), lines, lineRows);
    }

    /** Rows sharing a text with a row in a file wait for its answer; answers those rows. */
    private Set<Long> waitForSentRows(Exchange exchange, String jobId, Set<Long> sent) {
        @SuppressWarnings("unchecked")
        Map<Long, List<Long>> sameText = exchange.getProperty(SAME_TEXT, Map.class);
        Map<Long, List<Long>> followers = new LinkedHashMap<>();
        Set<Long> waiting = new HashSet<>();
        if (sameText != null) {
            sameText.forEach((leader, rows) -> {
                if (sent.contains(leader) && !rows.isEmpty()) {
                    followers.put(leader, rows);
                    waiting.addAll(rows);
                }
            });
        }
        submissions.waitFor(jobId, followers);
        return waiting;
    }

    /** Rows the cache answered are no longer pending, so the route leaves them as they are. */
    private void routeTheRestOnline(Exchange exchange, String jobId, Set<Long> sent, Set<Long> waiting) {
        @SuppressWarnings("unchecked")
        List<WorkItem> pending = exchange.getProperty(PENDING, List.class);
        submissions.route(jobId, pending.stream().map(WorkItem::rowId)
                .filter(rowId -> !sent.contains(rowId) && !waiting.contains(rowId)).toList(), BatchSubmissions.ONLINE);
    }

    private List<RequestFile> files(String jobId, List<String> lines, List<Long> lineRows) throws IOException {
        List<RequestFile> files = new ArrayList<>();
        int start = 0;
        while (start < lines.size()) {
            int end = start;
            long bytes = 0;
            while (end < lines.size() && end - start < maxRequestsPerFile
                    && bytes + lines.get(end).getBytes(StandardCharsets.UTF_8).length + 1 <= maxBytesPerFile) {
                bytes += lines.get(end).getBytes(StandardCharsets.UTF_8).length + 1;
                end++;
            }
            if (end == start) throw new IllegalStateException("one request line is larger than azure.batch.max-file-bytes");
            String id = submissions.record(jobId, files.size(), lineRows.subList(start, end));
            files.add(multipart(id, lines.subList(start, end)));
            start = end;
        }
        return files;
    }

    private RequestFile multipart(String id, List<String> lines) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("request-" + id + ".multipart");
        String boundary = "----batch-" + UUID.randomUUID();
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + id + ".jsonl\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            for (String line : lines) out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return new RequestFile(id, file, boundary, lines.size());
    }

    private String line(JobSpec spec, long rowId, String chunk) {
        PromptTemplate template = new PromptTemplate(spec.systemPrompt(), spec.initialPrompt(), spec.continuationPrompt(),
                spec.maxTokens());
        PromptRequest prompt = prompts.first(template, chunk);
        ChatRequest request = new ChatRequest(List.of(new ChatMessage("system", prompt.systemPrompt()),
                new ChatMessage("user", prompt.userPrompt())), prompt.maxTokens(), temperature, prompt.jsonObject());
        ObjectNode body = AzureChatRequests.body(request).put("model", requests.deployment());
        ObjectNode line = Json.MAPPER.createObjectNode().put("custom_id", CustomIds.of(spec.id(), rowId))
                .put("method", "POST").put("url", "/chat/completions");
        line.set("body", body);
        return line.toString();
    }
}
