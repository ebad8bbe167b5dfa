package dev.smartsheetmcp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The access pattern of the existing Smartsheet MCP server's batch analysis, driven against the
 * same emulators for comparison: 3 worker threads, one GET per row, one model call per row,
 * results written 10 rows per update; no throttle, no retries, so a 429 loses the row.
 */
final class ExistingServerPattern {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(double seconds, int written, int lost, int smartsheetRequests, int azureRequests, int smartsheet429s) {
    }

    static Result run(Upstreams upstreams, long sheetId, long feedbackColumn, long targetColumn, List<Long> rowIds,
                      String systemPrompt, java.util.function.Function<String, String> userPrompt) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        AtomicInteger smartsheetRequests = new AtomicInteger();
        AtomicInteger azureRequests = new AtomicInteger();
        AtomicInteger lost = new AtomicInteger();
        AtomicInteger written = new AtomicInteger();
        ConcurrentLinkedQueue<Map<String, Object>> pending = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(3);
        for (Long rowId : rowIds) {
            workers.submit(() -> {
                try {
                    smartsheetRequests.incrementAndGet();
                    HttpResponse<String> row = http.send(HttpRequest.newBuilder(URI.create(
                            upstreams.smartsheet.baseUrl() + "/sheets/" + sheetId + "/rows/" + rowId))
                            .header("Authorization", "Bearer " + Upstreams.TOKEN).build(), HttpResponse.BodyHandlers.ofString());
                    if (row.statusCode() != 200) { lost.incrementAndGet(); return; }
                    String text = "";
                    for (JsonNode cell : JSON.readTree(row.body()).path("cells")) {
                        if (cell.path("columnId").asLong() == feedbackColumn) text = cell.path("value").asText();
                    }
                    azureRequests.incrementAndGet();
                    String body = JSON.writeValueAsString(Map.of("messages", List.of(
                            Map.of("role", "system", "content", systemPrompt),
                            Map.of("role", "user", "content", userPrompt.apply(text))), "max_tokens", 150, "temperature", 0.3));
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(upstreams.azure.endpoint()
                            + "/openai/deployments/" + Upstreams.DEPLOYMENT + "/chat/completions?api-version=2024-10-21"))
                            .header("api-key", Upstreams.KEY).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != 200) { lost.incrementAndGet(); return; }
                    String content = JSON.readTree(answer.body()).path("choices").path(0).path("message").path("content").asText();
                    pending.add(Map.of("id", rowId, "cells", List.of(Map.of("columnId", targetColumn, "value", content))));
                    flushEvery10(http, upstreams, sheetId, pending, smartsheetRequests, written, lost, false);
                } catch (Exception e) {
                    lost.incrementAndGet();
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(2, TimeUnit.HOURS);
        flushEvery10(http, upstreams, sheetId, pending, smartsheetRequests, written, lost, true);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(seconds, written.get(), lost.get(), smartsheetRequests.get(), azureRequests.get(),
                upstreams.smartsheet.rateLimitedCount());
    }

    private static synchronized void flushEvery10(HttpClient http, Upstreams upstreams, long sheetId,
                                                  ConcurrentLinkedQueue<Map<String, Object>> pending, AtomicInteger requests,
                                                  AtomicInteger written, AtomicInteger lost, boolean all) throws Exception {
        while (pending.size() >= 10 || (all && !pending.isEmpty())) {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rows.size() < 10 && !pending.isEmpty()) rows.add(pending.poll());
            requests.incrementAndGet();
            HttpResponse<String> update = http.send(HttpRequest.newBuilder(URI.create(
                    upstreams.smartsheet.baseUrl() + "/sheets/" + sheetId + "/rows"))
                    .header("Authorization", "Bearer " + Upstreams.TOKEN).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(rows))).build(), HttpResponse.BodyHandlers.ofString());
            if (update.statusCode() == 200) written.addAndGet(rows.size()); else lost.addAndGet(rows.size());
        }
    }

    private ExistingServerPattern() {
    }
}
