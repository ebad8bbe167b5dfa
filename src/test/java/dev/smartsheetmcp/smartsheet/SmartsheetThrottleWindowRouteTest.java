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
 * The throttle's window is Smartsheet's: a sliding minute. Requests held beyond the budget go
 * when the minute since the first has passed, not before. This one waits the real minute.
 *
 * <p>The emulator has no limit here: with a limit equal to the budget, the first held request can
 * reach it a few milliseconds inside its own minute (the throttle counts from before the HTTP
 * round trip), meet a 429 and be retried, which the retry tests cover.
 */
class SmartsheetThrottleWindowRouteTest extends SmartsheetRouteTestSupport {

    private static final int RPM = 5;

    SmartsheetThrottleWindowRouteTest() {
        super(0);
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("smartsheet.rpm", Integer.toString(RPM));
    }

    @Test
    void heldRequestsGoWhenTheMinuteSinceTheFirstHasPassed() throws Exception {
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
        for (int i = 0; i < 2 * RPM; i++) calls.add(getColumnsAsync());

        for (CompletableFuture<JsonNode> call : calls) assertThat(call.get(90, TimeUnit.SECONDS).path("data").isArray()).isTrue();
        List<Long> sent = requests.getReceivedExchanges().stream()
                .map(exchange -> exchange.getProperty(Exchange.RECEIVED_TIMESTAMP, Date.class).getTime()).sorted().toList();
        assertThat(sent).hasSize(2 * RPM);
        for (int i = RPM; i < 2 * RPM; i++) {
            assertThat(sent.get(i) - sent.get(i - RPM)).as("request %d a minute after request %d", i + 1, i - RPM + 1)
                    .isGreaterThanOrEqualTo(59_000);
        }
        assertThat(sent.get(RPM - 1) - sent.get(0)).as("the first budget at once").isLessThan(5_000);
        assertThat(smartsheet.requestCount(GET_COLUMNS)).isEqualTo(2 * RPM);
    }
}
