package dev.smartsheetmcp.smartsheet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Injected 429s and 5xx are retried with backoff until every call succeeds. */
class SmartsheetRetryRouteTest extends SmartsheetRouteTestSupport {

    SmartsheetRetryRouteTest() {
        super(0);
        smartsheet.faults().rateLimitRate(0.10).serverErrorRate(0.05);
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("smartsheet.rpm", "100000",
                "smartsheet.retry.initial-delay-ms", "50",
                "smartsheet.retry.max-retries", "8");
    }

    @Test
    void injected429sAnd5xxAreRetriedUntilEveryCallSucceeds() throws Exception {
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) calls.add(getColumnsAsync());

        for (CompletableFuture<JsonNode> call : calls) assertThat(call.get(60, TimeUnit.SECONDS).path("data").isArray()).isTrue();
        assertThat(smartsheet.rateLimitedCount()).isPositive();
        assertThat(requests.getReceivedCounter()).as("requests sent, retries included").isGreaterThan(200);
        assertThat(smartsheet.requestCount(GET_COLUMNS)).isEqualTo(200);
    }
}
