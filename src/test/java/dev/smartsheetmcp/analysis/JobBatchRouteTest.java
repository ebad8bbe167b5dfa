package dev.smartsheetmcp.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.smartsheetmcp.analysis.azure.AzureCircuitOpenException;
import dev.smartsheetmcp.analysis.azure.AzureContentFilterException;
import dev.smartsheetmcp.analysis.azure.ChatAnswer;
import dev.smartsheetmcp.analysis.azure.ChatMessage;
import dev.smartsheetmcp.analysis.azure.ChatRequest;
import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.JobRouteTestSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * The job worker's routes (routes/analysis-jobs.yaml: claim → read the sheet once → batches →
 * answer cache → rows through the model → one bulk write → one commit) with a real HSQLDB job
 * store and the Smartsheet emulator; the model is a stand-in that answers or fails as each test says.
 */
class JobBatchRouteTest extends JobRouteTestSupport {

    private static final String REFUSE = "REFUSE";

    @Override
    protected List<String> routeFiles() {
        return List.of("analysis-jobs.yaml");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("jobs.poll-interval-ms", "100", "jobs.poll-delay-ms", "0", "jobs.retry-delay-seconds", "1");
    }

    @Test
    void eachBatchIsWrittenInOneBulkUpdateAndCommittedWithItsProgress() {
        long sheetId = AnalysisSheets.create(smartsheet, "Batches", 12);
        model.whenAnyExchangeReceived(this::answer);

        Map<String, Object> done = awaitFinished(startSummaries(sheetId, 5));

        assertThat(done).containsEntry("status", "completed").containsEntry("written", 12).containsEntry("failed", 0)
                .containsEntry("batches", Map.of("done", 3, "total", 3));
        assertThat(smartsheet.requestCount("GET /sheets/{sheetId}")).as("the sheet read once").isEqualTo(1);
        assertThat(smartsheet.requestCount("PUT /sheets/{sheetId}/rows")).as("one bulk update a batch").isEqualTo(3);
        assertEveryRowAnswered(sheetId, 12);
    }

    @Test
    void rowsWithTheSameTextTakeOneModelCallAndARerunTakesItsAnswersFromTheCache() {
        long sheetId = smartsheet.createSheet(null, "Repeats", AnalysisSheets.COLUMNS, List.of(
                Map.of("Ticket", "A", "Feedback", AnalysisSheets.feedback(0)),
                Map.of("Ticket", "B", "Feedback", AnalysisSheets.feedback(0)),
                Map.of("Ticket", "C", "Feedback", AnalysisSheets.feedback(1))));
        model.whenAnyExchangeReceived(this::answer);

        Map<String, Object> first = awaitFinished(startSummaries(sheetId, 10));
        assertThat(first).containsEntry("written", 3).containsEntry("cache_hits", 1).containsEntry("cache_misses", 2);
        assertThat(model.getReceivedCounter()).as("one call for the two rows sharing a text").isEqualTo(2);

        Map<String, Object> rerun = awaitFinished(startSummaries(sheetId, 10));
        assertThat(rerun).containsEntry("status", "completed").containsEntry("cache_hits", 3).containsEntry("cache_misses", 0);
        assertThat(model.getReceivedCounter()).as("no call for answers the cache holds").isEqualTo(2);
    }

    @Test
    void aRowTheModelRefusesIsRecordedWithItsCauseAndTheOthersAreWritten() {
        long sheetId = smartsheet.createSheet(null, "Refusals", AnalysisSheets.COLUMNS, List.of(
                Map.of("Ticket", "T-0", "Feedback", AnalysisSheets.feedback(0)),
                Map.of("Ticket", "T-1", "Feedback", "Please " + REFUSE + " this one"),
                Map.of("Ticket", "T-2", "Feedback", AnalysisSheets.feedback(2))));
        model.whenAnyExchangeReceived(this::answer);

        Map<String, Object> done = awaitFinished(startSummaries(sheetId, 10));

        long refused = smartsheet.rowIds(sheetId).get(1);
        assertThat(done).containsEntry("status", "completed").containsEntry("written", 2).containsEntry("failed", 1);
        assertThat(String.valueOf(done.get("row_errors"))).contains("content_filter").contains(Long.toString(refused));
        assertThat(smartsheet.cellValue(sheetId, refused, "Summary")).as("nothing written for the refused row").isNull();
        assertThat(smartsheet.cellValue(sheetId, smartsheet.rowIds(sheetId).get(2), "Summary"))
                .isEqualTo(expected(AnalysisSheets.summarizePrompt(2)));
    }

    @Test
    void anOpenCircuitPausesTheJobAfterItsLastCommitAndTheResumedJobWritesEachRowOnce() {
        long sheetId = AnalysisSheets.create(smartsheet, "Outage", 10);
        String firstOfSecondBatch = AnalysisSheets.feedback(5);
        AtomicBoolean outage = new AtomicBoolean(true);
        model.whenAnyExchangeReceived(exchange -> {
            if (userPrompt(exchange).contains(firstOfSecondBatch) && outage.getAndSet(false)) {
                throw new AzureCircuitOpenException("stand-in", "azure-primary");
            }
            answer(exchange);
        });

        Map<String, Object> done = awaitFinished(startSummaries(sheetId, 5));

        assertThat(outage).isFalse();
        assertThat(done).containsEntry("status", "completed").containsEntry("written", 10).containsEntry("failed", 0);
        assertEveryRowAnswered(sheetId, 10);
        for (int i = 0; i < 5; i++) {
            String feedback = AnalysisSheets.feedback(i);
            assertThat(model.getReceivedExchanges().stream().filter(e -> userPrompt(e).contains(feedback)).count())
                    .as("row %d of the committed first batch is not asked again", i).isEqualTo(1);
        }
    }

    private String startSummaries(long sheetId, int batchSize) {
        return startJob(Map.of("sheet_id", Long.toString(sheetId), "type", "summarize",
                "sourceColumns", List.of("Feedback"), "targetColumn", "Summary", "batchSize", batchSize));
    }

    private Map<String, Object> awaitFinished(String jobId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> List.of("completed", "failed", "cancelled").contains(status(jobId).get("status")));
        return status(jobId);
    }

    private void assertEveryRowAnswered(long sheetId, int rows) {
        List<Long> rowIds = smartsheet.rowIds(sheetId);
        assertThat(rowIds).hasSize(rows);
        for (int i = 0; i < rows; i++) {
            assertThat(smartsheet.cellValue(sheetId, rowIds.get(i), "Summary")).isEqualTo(expected(AnalysisSheets.summarizePrompt(i)));
            assertThat(smartsheet.cellWriteCount(sheetId, rowIds.get(i), "Summary")).as("writes of row " + i).isEqualTo(1);
        }
    }

    /** The stand-in model: a refusal for prompts that ask for one, else an answer derived from the prompt. */
    private void answer(Exchange exchange) {
        String prompt = userPrompt(exchange);
        if (prompt.contains(REFUSE)) {
            throw new AzureContentFilterException(400, "stand-in", true, "content_filter: the prompt was filtered");
        }
        exchange.getMessage().setBody(new ChatAnswer(expected(prompt), "stop", "stand-in", 20, 5));
    }

    private static String expected(String prompt) {
        return "Answer " + Integer.toHexString(prompt.hashCode());
    }

    private static String userPrompt(Exchange exchange) {
        List<ChatMessage> messages = exchange.getMessage().getBody(ChatRequest.class).messages();
        return messages.get(messages.size() - 1).content();
    }
}
