package dev.smartsheetmcp.analysis.azure;

import dev.smartsheetmcp.sandbox.azure.AnalysisKind;
import dev.smartsheetmcp.sandbox.azure.DeterministicAnswers;
import dev.smartsheetmcp.testing.SandboxApp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

/** Test helpers: chat requests, calls to direct:azure-chat, and the failure a call ends with. */
final class AzureChat {

    static final String SUMMARIZE = "Summarize the row in one sentence.";

    private AzureChat() {
    }

    static ChatRequest summarize(String text) {
        return new ChatRequest(List.of(ChatMessage.system(SUMMARIZE), ChatMessage.user(text)), 50, 0.0, false);
    }

    static String expectedSummary(String text) {
        return DeterministicAnswers.answer(AnalysisKind.SUMMARIZE, text, false);
    }

    static ChatAnswer call(SandboxApp app, ChatRequest request) {
        try (ProducerTemplate producer = app.context().createProducerTemplate()) {
            return producer.requestBody("direct:azure-chat", request, ChatAnswer.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The exception a call fails with, unwrapped from Camel's CamelExecutionException. */
    static Throwable failure(SandboxApp app, ChatRequest request) {
        try {
            ChatAnswer answer = call(app, request);
            throw new AssertionError("expected a failure, got " + answer);
        } catch (CamelExecutionException e) {
            return e.getCause();
        }
    }

    /** Runs {@code calls} in {@code threads} parallel callers, in order of submission. */
    static <T> List<T> parallel(int threads, List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) futures.add(pool.submit(call));
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) results.add(future.get());
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
