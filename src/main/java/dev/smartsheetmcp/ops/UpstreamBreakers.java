package dev.smartsheetmcp.ops;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.IOException;
import java.time.Duration;

/**
 * Builds the circuit breakers in front of the upstream APIs; each is a named bean, so health
 * checks and metrics find them in Camel's registry. Only outages count as failures (a retryable error that
 * outlived its retries, or no answer): a bad request is the caller's fault and leaves the
 * circuit closed, yet still reaches the caller.
 */
public final class UpstreamBreakers {

    private UpstreamBreakers() {
    }

    /** A breaker for an upstream whose outages are {@code outage} (and lost connections). */
    public static CircuitBreaker breaker(String name, Class<? extends Throwable> outage, int failureRatePercent,
                                  int slidingWindowSize, int minimumCalls, int openSeconds, int halfOpenCalls) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .failureRateThreshold(failureRatePercent)
                .slidingWindowSize(slidingWindowSize)
                .minimumNumberOfCalls(minimumCalls)
                .waitDurationInOpenState(Duration.ofSeconds(openSeconds))
                .permittedNumberOfCallsInHalfOpenState(halfOpenCalls)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordExceptions(outage, IOException.class)
                .build();
        return CircuitBreaker.of(name, config);
    }
}
