package dev.smartsheetmcp.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.smartsheetmcp.analysis.azure.ChatAnswer;
import dev.smartsheetmcp.analysis.azure.ChatMessage;
import dev.smartsheetmcp.analysis.azure.ChatRequest;
import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.JobRouteTestSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainConfigurationProperties;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the job worker on one job store (two Camel contexts in this JVM with their own
 * node ids) and one Smartsheet emulator. Instance A is paused as a whole (its model call, its bulk
 * update or its commit blocks, and its heartbeat stops) past its short lease; instance B takes the
 * job over and finishes it; then A resumes and must write nothing more: every row written to
 * Smartsheet once, the batches counted once.
 */
class JobLeaseFencingTest extends JobRouteTestSupport {

    private static final int ROWS = 15;
    private static final int BATCH = 5;

    /** Where instance A stops, in its second batch (batch index 1). */
    private enum Point { MODEL_CALL, BEFORE_SEND, AFTER_SEND }

    private volatile Point pausePoint;
    private final CountDownLatch paused = new CountDownLatch(1);
    private final CountDownLatch resume = new CountDownLatch(1);

    @Override
    protected List<String> routeFiles() {
        return List.of("analysis-jobs.yaml");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("jobs.node-id", "worker-a", "jobs.lease-seconds", "3", "jobs.heartbeat-seconds", "1",
                "jobs.node-expiry-seconds", "10", "jobs.poll-interval-ms", "100", "jobs.poll-delay-ms", "0",
                "jobs.retry-delay-seconds", "1");
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        super.configure(configuration);
        // instance A's pause points around its bulk update (a route configuration reaches the YAML routes)
        configuration.addRoutesBuilder(new RouteConfigurationBuilder() {
            @Override
            public void configuration() {
                routeConfiguration().interceptSendToEndpoint("direct:smartsheet-update-rows")
                        .afterUri("direct:after-update")
                        .process(exchange -> pauseAt(Point.BEFORE_SEND, exchange));
            }
        });
        configuration.addRoutesBuilder(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:after-update").process(exchange -> pauseAt(Point.AFTER_SEND, exchange));
            }
        });
    }

    @Test
    void anInstancePausedInAModelCallPastItsLeaseWritesNothingOnceResumed() throws Exception {
        pauseAndTakeOver(Point.MODEL_CALL, "worker-b");
    }

    @Test
    void anInstancePausedBeforeItsBulkUpdateLeavesDoesNotSendIt() throws Exception {
        pauseAndTakeOver(Point.BEFORE_SEND, "worker-b");
    }

    @Test
    void anInstancePausedBetweenItsBulkUpdateAndItsCommitHasTheCommitRefused() throws Exception {
        pauseAndTakeOver(Point.AFTER_SEND, "worker-b");
    }

    /** Same NODE_ID: the second instance starts once the first one's heartbeat stopped, and the epoch still fences the first. */
    @Test
    void aSecondInstanceUnderTheSameNodeIdTakesOverAPausedOneAndTheEpochFencesIt() throws Exception {
        pauseAndTakeOver(Point.MODEL_CALL, "worker-a");
    }

    @Test
    void aNodeIdALiveInstanceHoldsIsRefusedAtStart() {
        assertThatThrownBy(() -> startAnotherInstance(Map.of("jobs.node-id", "worker-a"), this::answer).stop())
                .hasStackTraceContaining("NODE_ID (jobs.node-id) 'worker-a' is held by another live instance");
    }

    private void pauseAndTakeOver(Point point, String nodeOfB) throws Exception {
        long sheetId = AnalysisSheets.create(smartsheet, "Fenced", ROWS);
        pausePoint = point;
        model.whenAnyExchangeReceived(exchange -> {
            pauseAt(Point.MODEL_CALL, exchange);
            answer(exchange);
        });
        String jobId = startJob(Map.of("sheet_id", Long.toString(sheetId), "type", "summarize",
                "sourceColumns", List.of("Feedback"), "targetColumn", "Summary", "batchSize", BATCH));
        assertThat(paused.await(60, TimeUnit.SECONDS)).as("instance A reached its pause point").isTrue();
        context.getRouteController().stopRoute("job-heartbeat");

        Main instanceB = startAnotherInstance(Map.of("jobs.node-id", nodeOfB), this::answer);
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> "completed".equals(status(jobId).get("status")));
            resume.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> context.getInflightRepository().size("job-run") == 0);
        } finally {
            resume.countDown();
            instanceB.stop();
        }

        Map<String, Object> done = status(jobId);
        assertThat(done).containsEntry("status", "completed").containsEntry("written", ROWS)
                .containsEntry("batches", Map.of("done", 3, "total", 3));
        assertThat(smartsheet.requestCount("PUT /sheets/{sheetId}/rows")).as("bulk updates: one a batch").isEqualTo(3);
        List<Long> rowIds = smartsheet.rowIds(sheetId);
        for (int i = 0; i < ROWS; i++) {
            assertThat(smartsheet.cellValue(sheetId, rowIds.get(i), "Summary")).isEqualTo(expected(AnalysisSheets.summarizePrompt(i)));
            assertThat(smartsheet.cellWriteCount(sheetId, rowIds.get(i), "Summary")).as("writes of row " + i).isEqualTo(1);
        }
    }

    /** Instance A blocks here, once, in its second batch, until the test resumes it. */
    private void pauseAt(Point point, Exchange exchange) throws InterruptedException {
        if (point != pausePoint || !Integer.valueOf(1).equals(exchange.getMessage().getHeader("BatchIndex", Integer.class))) return;
        paused.countDown();
        resume.await(90, TimeUnit.SECONDS);
    }

    private void answer(Exchange exchange) {
        exchange.getMessage().setBody(new ChatAnswer(expected(userPrompt(exchange)), "stop", "stand-in", 20, 5));
    }

    private static String expected(String prompt) {
        return "Answer " + Integer.toHexString(prompt.hashCode());
    }

    private static String userPrompt(Exchange exchange) {
        List<ChatMessage> messages = exchange.getMessage().getBody(ChatRequest.class).messages();
        return messages.get(messages.size() - 1).content();
    }
}
