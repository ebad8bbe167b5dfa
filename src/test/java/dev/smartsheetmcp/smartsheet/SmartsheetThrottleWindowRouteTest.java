package dev.smartsheetmcp.smartsheet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * The quota's window is a sliding one: no window of {@code smartsheet.rate-window-ms} carries more
 * than the limit, however the requests are spread, and held requests leave evenly spaced (the bucket
 * refills a request at a time). A 3-second window instead of the minute keeps it quick.
 */
class SmartsheetThrottleWindowRouteTest extends SmartsheetRouteTestSupport {

    private static final int LIMIT = 5;
    private static final long WINDOW_MILLIS = 3_000;

    SmartsheetThrottleWindowRouteTest() {
        super(0);
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("smartsheet.rpm", Integer.toString(LIMIT), "smartsheet.rate-window-ms", Long.toString(WINDOW_MILLIS));
    }

    @Test
    void noWindowCarriesMoreThanTheLimitAndHeldRequestsLeaveEvenlySpaced() throws Exception {
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
        for (int i = 0; i < 3 * LIMIT; i++) calls.add(getColumnsAsync());

        for (CompletableFuture<JsonNode> call : calls) assertThat(call.get(30, TimeUnit.SECONDS).path("data").isArray()).isTrue();
        List<Long> sent = requests.getReceivedExchanges().stream()
                .map(exchange -> exchange.getProperty(Exchange.RECEIVED_TIMESTAMP, Date.class).getTime()).sorted().toList();
        assertThat(sent).hasSize(3 * LIMIT);
        // The quota counts a request as it leaves, the mock as it arrives, after a thread wakes up and
        // the request is routed: as the minute has a second's margin, the window has half a second here
        for (int i = LIMIT; i < sent.size(); i++) {
            assertThat(sent.get(i) - sent.get(i - LIMIT)).as("request %d a window after request %d", i + 1, i - LIMIT + 1)
                    .isGreaterThanOrEqualTo(WINDOW_MILLIS - 500);
        }
        assertThat(sent.get(sent.size() - 1) - sent.get(0)).as("after the burst, a refilled request every 3 s / 5")
                .isBetween((3 * LIMIT - 2) * 550L, (3 * LIMIT - 2) * 700L);
        assertThat(smartsheet.requestCount(GET_COLUMNS)).isEqualTo(3 * LIMIT);
    }
}
