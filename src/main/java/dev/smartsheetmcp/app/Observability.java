package dev.smartsheetmcp.app;

import dev.smartsheetmcp.ops.ToolCallMetrics;
import dev.smartsheetmcp.ops.UpstreamCallMetrics;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.registry.InMemoryRegistryStore;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.apache.camel.support.LifecycleStrategySupport;

/**
 * The metrics wiring, done before any route is built: the Prometheus registry every meter goes
 * to, bound as {@code metricsRegistry} (the name camel-micrometer's {@code micrometer:} endpoints
 * look up, and beans in any routes file may refer to); Camel's per-route meters; the event
 * notifiers timing tool calls and upstream requests; and, once every bean exists, the circuit
 * breakers' meters.
 */
final class Observability {

    private Observability() {
    }

    static void install(CamelContext context) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        context.getRegistry().bind(MicrometerConstants.METRICS_REGISTRY_NAME, registry);
        MicrometerRoutePolicyFactory routeMeters = new MicrometerRoutePolicyFactory();
        routeMeters.setMeterRegistry(registry);
        routeMeters.setCamelContext(context);
        context.addRoutePolicyFactory(routeMeters);
        context.getManagementStrategy().addEventNotifier(new ToolCallMetrics(registry));
        context.getManagementStrategy().addEventNotifier(new UpstreamCallMetrics(registry));
        context.addLifecycleStrategy(LifecycleStrategySupport.adapt(
                LifecycleStrategySupport.onCamelContextStarting(starting -> bindBreakerMeters(starting, registry))));
    }

    /**
     * resilience4j-micrometer meters a breaker registry's breakers; ours are beans built one by one
     * (see {@link dev.smartsheetmcp.ops.UpstreamBreakers}), so a registry is made over them.
     */
    private static void bindBreakerMeters(CamelContext context, PrometheusMeterRegistry registry) {
        InMemoryRegistryStore<CircuitBreaker> breakers = new InMemoryRegistryStore<>();
        context.getRegistry().findByType(CircuitBreaker.class).forEach(breaker -> breakers.putIfAbsent(breaker.getName(), breaker));
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(CircuitBreakerRegistry.custom().withRegistryStore(breakers).build())
                .bindTo(registry);
    }
}
