package dev.smartsheetmcp.ops;

import dev.smartsheetmcp.app.ApplicationVersion;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;

/**
 * The body of {@code /health}: {@code {"status":"ok", ...}} as clients of the existing server
 * expect, with Camel's health checks by id and the state of each upstream circuit breaker;
 * {@code ready} is false while a circuit is open. Answers 503 when a check is down.
 */
public final class HealthReport {

    public Map<String, Object> report(Exchange exchange) {
        CamelContext context = exchange.getContext();
        Map<String, Object> checks = new LinkedHashMap<>();
        boolean up = true;
        for (HealthCheck.Result result : HealthCheckHelper.invoke(context)) {
            checks.put(result.getCheck().getId(), result.getState().name());
            up &= result.getState() != HealthCheck.State.DOWN;
        }
        Map<String, Object> breakers = new java.util.TreeMap<>();
        context.getRegistry().findByType(CircuitBreaker.class)
                .forEach(breaker -> breakers.put(breaker.getName(), breaker.getState().name()));
        boolean upstreamsAvailable = breakers.values().stream().noneMatch("OPEN"::equals);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "ok" : "down");
        body.put("ready", up && upstreamsAvailable);
        body.put("service", context.getName());
        body.put("version", ApplicationVersion.current());
        body.put("sandbox", Boolean.parseBoolean(context.resolvePropertyPlaceholders("{{sandbox.enabled}}")));
        body.put("checks", checks);
        body.put("circuit_breakers", breakers);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, up ? 200 : 503);
        return body;
    }
}
