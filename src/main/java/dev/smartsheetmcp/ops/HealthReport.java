package dev.smartsheetmcp.ops;

import dev.smartsheetmcp.toolkit.ApplicationVersion;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;

/**
 * The bodies of the health endpoints, from Camel's health checks.
 * <ul>
 *   <li>{@code /health}: {@code {"status":"ok", ...}} while the application is alive, as clients of
 *       the existing server expect, with {@code ready}, every check's state by id and every circuit
 *       breaker's state;</li>
 *   <li>{@code /health/live} and {@code /health/ready}: {@code UP} (200) or {@code DOWN} (503) with
 *       each liveness or readiness check, its state, message and details.</li>
 * </ul>
 */
public final class HealthReport {

    public Map<String, Object> report(Exchange exchange) {
        CamelContext context = exchange.getContext();
        boolean alive = allUp(HealthCheckHelper.invokeLiveness(context));
        Collection<HealthCheck.Result> readiness = HealthCheckHelper.invokeReadiness(context);
        Map<String, Object> checks = new TreeMap<>();
        HealthCheckHelper.invoke(context).forEach(result -> checks.put(result.getCheck().getId(), result.getState().name()));
        Map<String, Object> breakers = new TreeMap<>();
        context.getRegistry().findByType(CircuitBreaker.class)
                .forEach(breaker -> breakers.put(breaker.getName(), breaker.getState().name()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", alive ? "ok" : "down");
        body.put("ready", allUp(readiness));
        body.put("service", context.getName());
        body.put("version", ApplicationVersion.current());
        body.put("sandbox", Boolean.parseBoolean(context.resolvePropertyPlaceholders("{{sandbox.enabled}}")));
        body.put("checks", checks);
        body.put("circuit_breakers", breakers);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, alive ? 200 : 503);
        return body;
    }

    public Map<String, Object> liveness(Exchange exchange) {
        return detailed(exchange, HealthCheckHelper.invokeLiveness(exchange.getContext()));
    }

    public Map<String, Object> readiness(Exchange exchange) {
        return detailed(exchange, HealthCheckHelper.invokeReadiness(exchange.getContext()));
    }

    private static Map<String, Object> detailed(Exchange exchange, Collection<HealthCheck.Result> results) {
        boolean up = allUp(results);
        List<Map<String, Object>> checks = new ArrayList<>();
        results.stream().sorted(Comparator.comparing(result -> result.getCheck().getId()))
                .forEach(result -> checks.add(describe(result)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("checks", checks);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, up ? 200 : 503);
        return body;
    }

    private static Map<String, Object> describe(HealthCheck.Result result) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("id", result.getCheck().getId());
        check.put("state", result.getState().name());
        result.getMessage().or(() -> result.getError().map(Throwable::getMessage))
                .ifPresent(message -> check.put("message", message));
        Map<String, Object> details = new TreeMap<>();
        result.getDetails().forEach((key, value) -> {
            if (!HealthCheckHelper.isReservedKey(key)) details.put(key, String.valueOf(value));
        });
        if (!details.isEmpty()) check.put("details", details);
        return check;
    }

    private static boolean allUp(Collection<HealthCheck.Result> results) {
        return results.stream().noneMatch(result -> result.getState() == HealthCheck.State.DOWN);
    }
}
