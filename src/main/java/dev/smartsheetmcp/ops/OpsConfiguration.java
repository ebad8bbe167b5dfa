package dev.smartsheetmcp.ops;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;

/**
 * Operations' beans, by the names {@code routes/http-endpoints.yaml} and {@code routes/jobs-page.yaml}
 * use: the health report and readiness checks (the circuit breakers, the last Smartsheet and Azure
 * OpenAI outcomes) and the jobs page with its header filter.
 */
public final class OpsConfiguration implements CamelConfiguration {

    @PropertyInject("health.upstream-failure-window-seconds")
    private int upstreamFailureWindowSeconds;
    @PropertyInject("jobs-page.refresh-ms")
    private long jobsPageRefreshMillis;
    @PropertyInject("jobs-page.default-limit")
    private int jobsPageDefaultLimit;
    @PropertyInject("jobs-page.max-limit")
    private int jobsPageMaxLimit;

    @Override
    public void configure(CamelContext camel) {
        Registry registry = camel.getRegistry();
        registry.bind("healthReport", new HealthReport());
        registry.bind("circuitBreakersHealthCheck", new CircuitBreakersHealthCheck());
        registry.bind("smartsheetHealthCheck",
                new UpstreamHealthCheck("smartsheet", "smartsheetCircuitBreaker", upstreamFailureWindowSeconds));
        registry.bind("azureOpenAiHealthCheck", new UpstreamHealthCheck("azure-openai",
                "azurePrimaryCircuitBreaker,azureFallbackCircuitBreaker,azurePoolCircuitBreaker-*", upstreamFailureWindowSeconds));
        registry.bind("jobsPage", new JobsPage(jobsPageRefreshMillis, jobsPageDefaultLimit, jobsPageMaxLimit));
        registry.bind("pageHeaderFilter", new PageHeaderFilter());
    }
}
