package dev.smartsheetmcp.analysis.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The pace of one deployment's calls, on a hand-moved clock. */
class AzurePacingTest {

    private static final String DEPLOYMENT = "gpt-4o";

    private final AtomicLong nanos = new AtomicLong(TimeUnit.HOURS.toNanos(1));
    private final AzurePacing pacing = new AzurePacing(nanos::get);

    private void advanceMillis(long millis) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    private static Exchange call(String retryAfterMillis) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(AzureDeployments.CURRENT, DEPLOYMENT);
        if (retryAfterMillis != null) exchange.getMessage().setHeader("retry-after-ms", retryAfterMillis);
        return exchange;
    }

    @Test
    void aWindowCarriesItsShareOfTheRequestsPerMinute() {
        pacing.setRequestsPerMinute(600);
        assertThat(pacing.requestsPerWindow(DEPLOYMENT)).as("600 RPM over 1 s").isEqualTo(10);

        pacing.setWindowMillis(10_000);
        assertThat(pacing.requestsPerWindow(DEPLOYMENT)).as("600 RPM over 10 s").isEqualTo(100);

        pacing.setWindowMillis(1_000);
        pacing.setRequestsPerMinute(250);
        assertThat(pacing.requestsPerWindow(DEPLOYMENT)).as("never more than the share: 4.17 a second").isEqualTo(4);

        pacing.setRequestsPerMinute(30);
        assertThat(pacing.requestsPerWindow(DEPLOYMENT)).as("at least one").isEqualTo(1);
    }

    @Test
    void a429SlowsThePaceOncePerWindowAndHoldsCallsForItsRetryAfter() {
        pacing.setRequestsPerMinute(600);
        pacing.setRecoveryMillis(5_000);

        pacing.rateLimited(call("400"));
        pacing.rateLimited(call("300"));

        assertThat(pacing.requestsPerWindow(DEPLOYMENT)).as("a burst of 429s slows the pace once, to 70%").isEqualTo(7);
        assertThat(pacing.pauseMillis(call(null))).isEqualTo(400);
        advanceMillis(400);
        assertThat(pacing.pauseMillis(call(null))).isZero();

        advanceMillis(600);
        pacing.rateLimited(call("1000"));

        assertThat(pacing.requestsPerWindow(DEPLOYMENT)).as("still too fast a window later: slowed again").isEqualTo(4);
        assertThat(pacing.pauseMillis(call(null))).isEqualTo(1_000);
    }

    @Test
    void withoutRetryAfterMillisTheRetryAfterSecondsAreHonoured() {
        Exchange refused = call(null);
        refused.getMessage().setHeader("retry-after", "2");

        pacing.rateLimited(refused);

        assertThat(pacing.pauseMillis(call(null))).isEqualTo(2_000);
    }

    @Test
    void thePaceRecoversATenthEachRecoveryPeriodUpToAStepBelowWhereItMetThe429() {
        pacing.setRequestsPerMinute(600);
        pacing.setRecoveryMillis(5_000);
        pacing.rateLimited(call("0"));
        assertThat(pacing.pace(DEPLOYMENT)).isEqualTo(0.7);

        advanceMillis(5_000);
        assertThat(pacing.requestsPerWindow(DEPLOYMENT)).isEqualTo(8);
        advanceMillis(15_000);
        assertThat(pacing.requestsPerWindow(DEPLOYMENT)).as("held a step below the pace that met the 429").isEqualTo(9);

        advanceMillis(10_000);
        assertThat(pacing.pace(DEPLOYMENT)).as("six recovery periods later it tries the whole pace again").isEqualTo(1.0);
        assertThat(pacing.requestsPerWindow(DEPLOYMENT)).isEqualTo(10);
    }

    @Test
    void aLowerRealLimitIsMetAgainAndThePaceSettlesUnderIt() {
        pacing.setRequestsPerMinute(600);
        pacing.setRecoveryMillis(5_000);
        pacing.rateLimited(call("0"));
        advanceMillis(5_000);
        assertThat(pacing.requestsPerWindow(DEPLOYMENT)).isEqualTo(8);

        pacing.rateLimited(call("0"));
        advanceMillis(25_000);

        assertThat(pacing.requestsPerWindow(DEPLOYMENT)).as("back up to a step under the 8 that met a 429").isEqualTo(7);
    }

    @Test
    void deploymentsArePacedApart() {
        pacing.setRequestsPerMinute(600);
        pacing.rateLimited(call("0"));

        assertThat(pacing.pace("another-deployment")).isEqualTo(1.0);
    }
}
