package dev.smartsheetmcp.analysis.azure;

import dev.smartsheetmcp.sandbox.azure.AnalysisKind;
import dev.smartsheetmcp.sandbox.azure.DeterministicAnswers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Test helpers: chat requests, their expected answers, and parallel callers. */
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
