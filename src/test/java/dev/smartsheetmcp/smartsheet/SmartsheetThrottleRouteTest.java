package dev.smartsheetmcp.smartsheet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

/**
 * The Smartsheet quota at a small budget, with the emulator allowing exactly as many requests per
 * sliding minute: the bucket lets its burst go at once (one request at 5 a minute), and the
 * requests beyond it wait at the quota and none meets a 429. (With SmartsheetThrottleWindowRouteTest,
 * replaces the whole-application burst of 600 tool calls at 300 requests per minute.)
 */
class SmartsheetThrottleRouteTest extends SmartsheetRouteTestSupport {

    private static final int RPM = 5;

    SmartsheetThrottleRouteTest() {
        super(RPM);
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("smartsheet.rpm", Integer.toString(RPM));
    }

    @Test
    void requestsBeyondTheBurstWaitAtTheQuotaInsteadOfMeetingA429() throws Exception {
        // the breaker runs each call on a copy of the exchange: two exchanges done per answered call
        NotifyBuilder burstAnswered = new NotifyBuilder(context).fromRoute("smartsheet-get-columns").whenDone(2).create();
        requests.expectedMessageCount(1);
        requests.setAssertPeriod(2_000);

        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) calls.add(getColumnsAsync());

        assertThat(burstAnswered.matches(10, TimeUnit.SECONDS)).as("the burst's call answers at once").isTrue();
        requests.assertIsSatisfied();
        assertThat(context.getInflightRepository().size("smartsheet-http")).as("held at the quota").isEqualTo(3);
        assertThat(calls.stream().filter(CompletableFuture::isDone)).hasSize(1)
                .allSatisfy(call -> assertThat(call.get().path("data").isArray()).isTrue());
        assertThat(smartsheet.requestCount(GET_COLUMNS)).isEqualTo(1);
        assertThat(smartsheet.rateLimitedCount()).isZero();
    }
}
