package dev.smartsheetmcp.analysis.azure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pace of each deployment's calls, as Azure OpenAI measures it: the RPM quota is evaluated over
 * short periods (1 or 10 seconds), so the deployment's quota ({@link AzureQuota}) lets through
 * {@code RPM × window / 60 s} requests in any window of {@code azure.rate-window-ms}, and the same
 * share of the TPM quota, each cost divided by this pace.
 *
 * <p>When Azure answers 429 anyway (a quota shared with other applications, a limit lower than
 * configured), the deployment's pace drops to 70% (once per window, however many calls were refused)
 * and its calls hold off until the answer's {@code retry-after-ms}; each {@code azure.pacing.recovery-ms}
 * without a 429 gives back a tenth of the configured pace, up to a step below the pace that met the
 * 429, and every sixth such period lets the pace try one step higher, until it is whole again.
 */
public final class AzurePacing {

    private static final Logger LOG = LoggerFactory.getLogger(AzurePacing.class);
    private static final double STEP = 0.1;
    private static final double SLOW_DOWN = 0.7;
    private static final int PROBE_PERIODS = 6;
    private static final double SLOWEST = 0.01;

    private final Map<String, Pace> paces = new ConcurrentHashMap<>();
    private final Map<String, Integer> quotas = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;
    private int requestsPerMinute = 600;
    private long windowMillis = 1_000;
    private long recoveryMillis = 1_000;

    public AzurePacing() {
        this(System::nanoTime);
    }

    AzurePacing(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    public void setRequestsPerMinute(int requestsPerMinute) { this.requestsPerMinute = requestsPerMinute; }

    /** A deployment whose RPM quota differs from {@link #setRequestsPerMinute(int)}'s (a pooled one). */
    public void setRequestsPerMinute(String deployment, int requestsPerMinute) {
        quotas.put(deployment, requestsPerMinute);
    }

    public void setWindowMillis(long windowMillis) { this.windowMillis = windowMillis; }

    public void setRecoveryMillis(long recoveryMillis) { this.recoveryMillis = recoveryMillis; }

    /** Requests per window for the deployment: the configured share, times the pace. */
    int requestsPerWindow(String deployment) {
        double share = (double) quotas.getOrDefault(deployment, requestsPerMinute) * windowMillis / 60_000;
        return (int) Math.max(1, Math.floor(share * pace(deployment) + 1e-9)); // 1e-9: 0.1 steps are inexact
    }

    /** The deployment's pace: 1 when whole, less after 429s. */
    public double pace(String deployment) {
        return paces.computeIfAbsent(deployment, name -> new Pace()).current(nanoClock.getAsLong());
    }

    /** Share of the deployment's request quota it may use now: its pace, or 0 while it holds off after a 429. */
    public double headroom(String deployment) {
        Pace pace = paces.get(deployment);
        if (pace == null) return 1;
        return pace.pauseMillis(nanoClock.getAsLong()) > 0 ? 0 : pace(deployment);
    }

    /** Milliseconds the exchange's deployment still holds off after a 429 (the delay step before the quota). */
    public long pauseMillis(Exchange exchange) {
        Pace pace = paces.get(deployment(exchange));
        return pace == null ? 0 : pace.pauseMillis(nanoClock.getAsLong());
    }

    /** A 429 from the exchange's deployment: slow down and hold off for the answer's retry-after-ms. */
    public void rateLimited(Exchange exchange) {
        String deployment = deployment(exchange);
        Long given = AzureResponses.retryAfterMillis(exchange.getMessage());
        long retryAfterMillis = given == null ? 0 : given;
        Pace pace = paces.computeIfAbsent(deployment, name -> new Pace());
        double slowed = pace.slowDown(nanoClock.getAsLong(), retryAfterMillis);
        if (slowed > 0) {
            LOG.warn("Azure OpenAI deployment {} answered 429 below its configured quota: pace lowered to {}%"
                    + " ({} requests per {} ms), holding off {} ms", deployment, Math.round(slowed * 100),
                    requestsPerWindow(deployment), windowMillis, retryAfterMillis);
        }
    }

    private static String deployment(Exchange exchange) {
        return exchange.getProperty(AzureDeployments.CURRENT, String.class);
    }

    /**
     * One deployment's pace and pause. After a 429 at pace p the pace drops to {@value #SLOW_DOWN} p
     * and may climb back, a step each recovery period, up to a ceiling a step below p; the ceiling
     * itself rises a step each {@value #PROBE_PERIODS} recovery periods, so the pace settles just under
     * a lower real limit and tries again, now and then, whether the limit has come back.
     */
    private final class Pace {
        private double factor = 1;
        private double ceiling = 1;
        private long changedAt;
        private long ceilingChangedAt;
        private long slowedAt = Long.MIN_VALUE;
        private long pausedUntil = Long.MIN_VALUE;

        synchronized double current(long now) {
            if (factor >= 1) return 1;
            long recovery = TimeUnit.MILLISECONDS.toNanos(recoveryMillis);
            long probes = (now - ceilingChangedAt) / (recovery * PROBE_PERIODS);
            if (probes > 0) {
                ceiling = Math.min(1, ceiling + probes * STEP);
                ceilingChangedAt += probes * recovery * PROBE_PERIODS;
            }
            long steps = (now - changedAt) / recovery;
            if (steps > 0) {
                factor = Math.max(factor, Math.min(ceiling, factor + steps * STEP));
                changedAt += steps * recovery;
                if (factor >= 1) LOG.info("Azure OpenAI pace back to the configured quota");
            }
            return factor;
        }

        /** The new pace, or 0 when it was already lowered within this window. */
        synchronized double slowDown(long now, long retryAfterMillis) {
            pausedUntil = Math.max(pausedUntil, now + TimeUnit.MILLISECONDS.toNanos(retryAfterMillis));
            if (slowedAt != Long.MIN_VALUE && now - slowedAt < TimeUnit.MILLISECONDS.toNanos(windowMillis)) return 0;
            double was = current(now);
            ceiling = Math.max(SLOWEST, was - STEP);
            factor = Math.max(SLOWEST, was * SLOW_DOWN);
            slowedAt = now;
            changedAt = now;
            ceilingChangedAt = now;
            return factor;
        }

        synchronized long pauseMillis(long now) {
            return pausedUntil == Long.MIN_VALUE ? 0 : Math.max(0, TimeUnit.NANOSECONDS.toMillis(pausedUntil - now));
        }
    }
}
