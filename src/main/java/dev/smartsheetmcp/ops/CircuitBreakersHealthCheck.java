package dev.smartsheetmcp.ops;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness: down while any upstream circuit breaker is open (calls fail fast); half-open is up,
 * as trial calls are getting through. Details: every breaker's state by name.
 */
public final class CircuitBreakersHealthCheck extends AbstractHealthCheck {

    public CircuitBreakersHealthCheck() {
        super("circuit-breakers");
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        List<CircuitBreaker> breakers = getCamelContext().getRegistry().findByType(CircuitBreaker.class).stream()
                .sorted(Comparator.comparing(CircuitBreaker::getName)).toList();
        breakers.forEach(breaker -> builder.detail(breaker.getName(), breaker.getState().name()));
        List<String> open = breakers.stream().filter(CircuitBreakersHealthCheck::refusesCalls)
                .map(CircuitBreaker::getName).toList();
        if (open.isEmpty()) {
            builder.up();
        } else {
            builder.down().message("circuit open, calls fail fast: " + String.join(", ", open));
        }
    }

    private static boolean refusesCalls(CircuitBreaker breaker) {
        return breaker.getState() == CircuitBreaker.State.OPEN || breaker.getState() == CircuitBreaker.State.FORCED_OPEN;
    }
}
