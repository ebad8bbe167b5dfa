package dev.smartsheetmcp.ops;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.spi.OnCamelContextStarting;

/**
 * Readiness of one upstream API from the outcome of its last call, as its circuit breakers see
 * it: after retries, an outage (no answer, 5xx, 429 to the end) is a failure; any answer, even a
 * refused request, is a success. Down while the last call failed less than the failure window
 * ago; an older failure is only reported, so readiness recovers when no call comes (the circuit
 * breaker check covers a lasting outage). An upstream never called (Azure OpenAI not configured)
 * is up.
 */
public final class UpstreamHealthCheck extends AbstractHealthCheck implements OnCamelContextStarting {

    private static final int MAX_CAUSE = 200;

    private final String[] breakerBeans;
    private final Duration failureWindow;
    private volatile Instant lastSuccess;
    private volatile Instant lastFailure;
    private volatile String lastFailureCause;

    /** {@code breakerBeans}: comma-separated names of the upstream's circuit breaker beans; {@code prefix*} matches every bean so named. */
    public UpstreamHealthCheck(String id, String breakerBeans, int failureWindowSeconds) {
        super(id);
        this.breakerBeans = breakerBeans.split("\\s*,\\s*");
        this.failureWindow = Duration.ofSeconds(failureWindowSeconds);
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public void onContextStarting(CamelContext context) {
        for (String name : breakerBeans) {
            if (name.endsWith("*")) {
                String prefix = name.substring(0, name.length() - 1);
                context.getRegistry().findByTypeWithName(CircuitBreaker.class).forEach((bean, breaker) -> {
                    if (bean.startsWith(prefix)) listen(breaker);
                });
                continue;
            }
            CircuitBreaker breaker = context.getRegistry().lookupByNameAndType(name, CircuitBreaker.class);
            if (breaker == null) throw new IllegalStateException("no circuit breaker bean " + name + " for " + getId());
            listen(breaker);
        }
    }

    private void listen(CircuitBreaker breaker) {
        breaker.getEventPublisher()
                .onSuccess(event -> lastSuccess = Instant.now())
                .onIgnoredError(event -> lastSuccess = Instant.now())
                .onError(event -> {
                    lastFailureCause = describe(event.getThrowable());
                    lastFailure = Instant.now();
                });
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Instant success = lastSuccess;
        Instant failure = lastFailure;
        if (success != null) builder.detail("last_success", success.toString());
        if (failure != null) {
            builder.detail("last_failure", failure.toString());
            builder.detail("last_failure_cause", lastFailureCause);
        }
        boolean failing = failure != null && (success == null || failure.isAfter(success));
        if (failing && failure.isAfter(Instant.now().minus(failureWindow))) {
            builder.down().message("the last call failed: " + lastFailureCause);
        } else {
            builder.up().message(success == null && failure == null ? "no call yet" : failing
                    ? "the last call failed more than " + failureWindow.toSeconds() + " s ago" : "the last call succeeded");
        }
    }

    private static String describe(Throwable error) {
        String text = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        return text.length() <= MAX_CAUSE ? text : text.substring(0, MAX_CAUSE) + "…";
    }
}
