package dev.smartsheetmcp.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.smartsheetmcp.analysis.azure.ChatAnswer;
import dev.smartsheetmcp.analysis.azure.ChatMessage;
import dev.smartsheetmcp.analysis.azure.ChatRequest;
import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.JobRouteTestSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * Several jobs on one instance (jobs.concurrency): a small job started while a large one runs
 * takes turns with it batch by batch, so it finishes while the large one is still running; the
 * large one still finishes, every row written once. The stand-in model takes a little time per
 * call, as a quota's pace would.
 */
class JobFairSharingTest extends JobRouteTestSupport {

    private static final int LARGE = 500;
    private static final int SMALL = 20;

    @Override
    protected List<String> routeFiles() {
        return List.of("analysis-jobs.yaml");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("jobs.poll-interval-ms", "100", "jobs.poll-delay-ms", "0", "jobs.concurrency", "3");
    }

    @Test
    void aSmallJobStartedWhileALargeOneRunsFinishesFirstAndTheLargeOneStillFinishes() {
        long largeSheet = AnalysisSheets.create(smartsheet, "Nightly", LARGE);
        long smallSheet = AnalysisSheets.create(smartsheet, "Assistant", SMALL);
        model.whenAnyExchangeReceived(this::answerAtAPace);
        String large = startSummaries(largeSheet, 50);
        await().atMost(Duration.ofSeconds(60)).until(() -> batchesDone(large) >= 2);

        String small = startSummaries(smallSheet, 50);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> "completed".equals(status(small).get("status")));

        Map<String, Object> largeWhenSmallEnded = status(large);
        assertThat(largeWhenSmallEnded.get("status")).as("the large job still runs").isEqualTo("running");
        assertThat(batchesDone(large)).as("large job's batches done when the small one ended").isLessThan(LARGE / 50);
        assertThat(status(small)).containsEntry("written", SMALL);

        await().atMost(Duration.ofSeconds(120)).until(() -> "completed".equals(status(large).get("status")));
        assertThat(status(large)).containsEntry("written", LARGE).containsEntry("batches", Map.of("done", 10, "total", 10));
        for (long sheet : List.of(largeSheet, smallSheet)) {
            for (Long row : smartsheet.rowIds(sheet)) {
                assertThat(smartsheet.cellWriteCount(sheet, row, "Summary")).as("writes of row " + row).isEqualTo(1);
            }
        }
    }

    private String startSummaries(long sheetId, int batchSize) {
        return startJob(Map.of("sheet_id", Long.toString(sheetId), "type", "summarize",
                "sourceColumns", List.of("Feedback"), "targetColumn", "Summary", "batchSize", batchSize));
    }

    @SuppressWarnings("unchecked")
    private int batchesDone(String jobId) {
        return (Integer) ((Map<String, Object>) status(jobId).get("batches")).get("done");
    }

    private void answerAtAPace(Exchange exchange) throws InterruptedException {
        Thread.sleep(20);
        List<ChatMessage> messages = exchange.getMessage().getBody(ChatRequest.class).messages();
        String prompt = messages.get(messages.size() - 1).content();
        exchange.getMessage().setBody(new ChatAnswer("Answer " + Integer.toHexString(prompt.hashCode()), "stop", "stand-in", 20, 5));
    }
}
