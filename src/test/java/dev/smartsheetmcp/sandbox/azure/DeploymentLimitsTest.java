package dev.smartsheetmcp.sandbox.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Azure's short evaluation periods and its minute's running token count, driven by a hand-moved clock. */
class DeploymentLimitsTest {

    /** The clock starts at the beginning of a minute, so periods and minutes start together. */
    private final AtomicLong nanos = new AtomicLong(TimeUnit.MINUTES.toNanos(1_000));

    private void advanceMillis(long millis) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void a600RpmDeploymentEvaluatedEachSecondRefusesThe11thRequestWithinOneSecond() {
        DeploymentLimits limits = new DeploymentLimits(600, 1_000_000, 1, nanos::get);
        for (int i = 0; i < 10; i++) {
            assertThat(limits.admit(1).admitted()).as("request " + (i + 1)).isTrue();
            advanceMillis(50);
        }

        DeploymentLimits.Decision refused = limits.admit(1);

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.exceeded()).isEqualTo(DeploymentLimits.Limit.REQUESTS);
        assertThat(refused.retryAfterMillis()).as("until the next second").isEqualTo(500);
        assertThat(refused.remaining()).as("the minute's quota is far from spent")
                .isEqualTo(new DeploymentLimits.Remaining(590, 999_990));
    }

    @Test
    void theNextPeriodAdmitsAgain() {
        DeploymentLimits limits = new DeploymentLimits(600, 1_000_000, 1, nanos::get);
        for (int i = 0; i < 10; i++) limits.admit(1);
        assertThat(limits.admit(1).admitted()).isFalse();

        advanceMillis(1_000);

        assertThat(limits.admit(1).admitted()).isTrue();
    }

    @Test
    void tenSecondEvaluationAllowsASixthOfTheMinuteInOnePeriod() {
        DeploymentLimits limits = new DeploymentLimits(600, 1_000_000, 10, nanos::get);
        for (int i = 0; i < 100; i++) {
            assertThat(limits.admit(1).admitted()).as("request " + (i + 1)).isTrue();
        }

        DeploymentLimits.Decision refused = limits.admit(1);

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfterMillis()).isEqualTo(10_000);
    }

    @Test
    void aPeriodAdmitsRequestsWhileItsTokensAreUnderItsShare() {
        // 60,000 TPM: 1,000 tokens a second
        DeploymentLimits limits = new DeploymentLimits(600, 60_000, 1, nanos::get);
        assertThat(limits.admit(600).admitted()).isTrue();
        advanceMillis(100);
        assertThat(limits.admit(500).admitted()).as("600 so far: under the share, so it goes").isTrue();

        DeploymentLimits.Decision refused = limits.admit(1);

        assertThat(refused.exceeded()).isEqualTo(DeploymentLimits.Limit.TOKENS);
        assertThat(refused.retryAfterMillis()).isEqualTo(900);
        advanceMillis(900);
        assertThat(limits.admit(5_000).admitted()).as("a new second: even a request larger than its share").isTrue();
        assertThat(limits.admit(1).admitted()).isFalse();
    }

    @Test
    void theMinutesRunningTokenCountRefusesOnceTheLimitIsReached() {
        DeploymentLimits limits = new DeploymentLimits(600, 10_000, 1, nanos::get);
        assertThat(limits.admit(6_000).admitted()).isTrue();
        advanceMillis(1_000);
        assertThat(limits.admit(6_000).admitted()).isTrue();
        advanceMillis(1_000);

        DeploymentLimits.Decision refused = limits.admit(1);

        assertThat(refused.exceeded()).isEqualTo(DeploymentLimits.Limit.TOKENS);
        assertThat(refused.retryAfterMillis()).as("until the minute's count resets").isEqualTo(58_000);
        advanceMillis(58_000);
        assertThat(limits.admit(6_000).admitted()).isTrue();
    }

    @Test
    void aRequestLargerThanTheWholeTokenLimitNeverFits() {
        DeploymentLimits limits = new DeploymentLimits(600, 10_000, 1, nanos::get);

        assertThat(limits.admit(10_001).admitted()).isFalse();
    }

    @Test
    void aSmallQuotaStillAdmitsOneRequestAPeriodUpToTheMinutesQuota() {
        DeploymentLimits limits = new DeploymentLimits(2, 1_000_000, 1, nanos::get);
        assertThat(limits.admit(1).admitted()).isTrue();
        advanceMillis(1_000);
        assertThat(limits.admit(1).admitted()).isTrue();
        advanceMillis(1_000);

        DeploymentLimits.Decision refused = limits.admit(1);

        assertThat(refused.exceeded()).isEqualTo(DeploymentLimits.Limit.REQUESTS);
        assertThat(refused.retryAfterMillis()).isEqualTo(58_000);
    }

    @Test
    void aRequestJudgedLateCountsInThePeriodItArrivedIn() {
        DeploymentLimits limits = new DeploymentLimits(600, 1_000_000, 1, nanos::get);
        long arrivedEarlier = nanos.get();
        advanceMillis(1_000);
        for (int i = 0; i < 10; i++) assertThat(limits.admit(1).admitted()).isTrue();

        assertThat(limits.admit(1, arrivedEarlier).admitted()).as("the earlier second had room").isTrue();
        assertThat(limits.admit(1).admitted()).as("this second is full").isFalse();
    }

    @Test
    void refusedRequestsAreNotCharged() {
        DeploymentLimits limits = new DeploymentLimits(600, 1_000, 1, nanos::get);
        limits.admit(900);
        advanceMillis(1_000);
        limits.admit(200);
        advanceMillis(1_000);

        assertThat(limits.admit(100).admitted()).isFalse();
        assertThat(limits.remainingNow()).isEqualTo(new DeploymentLimits.Remaining(598, 0));
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new DeploymentLimits(0, 10, 1, nanos::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeploymentLimits(10, 10, 0, nanos::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
