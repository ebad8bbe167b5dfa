package dev.smartsheetmcp.sandbox.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Sliding 60-second windows, driven by a hand-moved clock. */
class DeploymentLimitsTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private void advanceSeconds(long seconds) {
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    @Test
    void admitsUpToTheRequestLimitAndTellsWhenTheOldestRequestLeavesTheWindow() {
        DeploymentLimits limits = new DeploymentLimits(2, 1_000, nanos::get);
        assertThat(limits.admit(1).admitted()).isTrue();
        advanceSeconds(10);
        assertThat(limits.admit(1).admitted()).isTrue();

        DeploymentLimits.Decision refused = limits.admit(1);

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.exceeded()).isEqualTo(DeploymentLimits.Limit.REQUESTS);
        assertThat(refused.retryAfterMillis()).isEqualTo(50_000);
        assertThat(refused.remaining()).isEqualTo(new DeploymentLimits.Remaining(0, 998));
    }

    @Test
    void theWindowSlidesSoOldChargesExpire() {
        DeploymentLimits limits = new DeploymentLimits(1, 1_000, nanos::get);
        limits.admit(500);
        advanceSeconds(59);
        assertThat(limits.admit(1).admitted()).isFalse();

        advanceSeconds(1);

        assertThat(limits.admit(1).admitted()).isTrue();
    }

    @Test
    void tokenLimitWaitsUntilEnoughTokensHaveLeft() {
        DeploymentLimits limits = new DeploymentLimits(100, 1_000, nanos::get);
        limits.admit(400);
        advanceSeconds(20);
        limits.admit(400);
        advanceSeconds(5);

        DeploymentLimits.Decision refused = limits.admit(500);

        assertThat(refused.exceeded()).isEqualTo(DeploymentLimits.Limit.TOKENS);
        assertThat(refused.retryAfterMillis()).isEqualTo(35_000);
        assertThat(refused.remaining().tokens()).isEqualTo(200);
    }

    @Test
    void refusedRequestsAreNotCharged() {
        DeploymentLimits limits = new DeploymentLimits(100, 1_000, nanos::get);
        limits.admit(900);
        limits.admit(500);

        assertThat(limits.remainingNow()).isEqualTo(new DeploymentLimits.Remaining(99, 100));
    }

    @Test
    void aRequestLargerThanTheTokenLimitNeverFitsAndWaitsForAnEmptyWindow() {
        DeploymentLimits limits = new DeploymentLimits(100, 1_000, nanos::get);
        limits.admit(10);
        advanceSeconds(30);

        DeploymentLimits.Decision refused = limits.admit(5_000);

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfterMillis()).isEqualTo(30_000);
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new DeploymentLimits(0, 10, nanos::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
