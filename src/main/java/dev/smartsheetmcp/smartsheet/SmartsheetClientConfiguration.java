package dev.smartsheetmcp.smartsheet;

import dev.smartsheetmcp.ops.UpstreamBreakers;
import dev.smartsheetmcp.upstream.CredentialHeader;
import dev.smartsheetmcp.upstream.NoAutomaticRetries;
import dev.smartsheetmcp.upstream.UpstreamRetries;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.http.CompositeHttpConfigurer;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.SimpleTypeConverter;

/**
 * The Smartsheet client's beans, by the names {@code routes/smartsheet-client.yaml} and the tool
 * routes use: response handling, bulk-write chunking and aggregation, reading a sheet page by page,
 * the retry policy, the circuit breaker, and the HTTP client that carries the token.
 */
public final class SmartsheetClientConfiguration implements CamelConfiguration {

    @PropertyInject("smartsheet.api-key")
    private String apiKey;
    @PropertyInject("smartsheet.retry.max-retries")
    private int maxRetries;
    @PropertyInject("smartsheet.retry.initial-delay-ms")
    private long retryInitialDelayMillis;
    @PropertyInject("smartsheet.retry.max-delay-ms")
    private long retryMaxDelayMillis;
    @PropertyInject("smartsheet.circuit.failure-rate-threshold")
    private int circuitFailureRate;
    @PropertyInject("smartsheet.circuit.sliding-window-size")
    private int circuitWindow;
    @PropertyInject("smartsheet.circuit.minimum-calls")
    private int circuitMinimumCalls;
    @PropertyInject("smartsheet.circuit.open-seconds")
    private int circuitOpenSeconds;
    @PropertyInject("smartsheet.circuit.half-open-calls")
    private int circuitHalfOpenCalls;

    @Override
    public void configure(CamelContext camel) {
        Registry registry = camel.getRegistry();
        registry.bind("smartsheetResponses", new SmartsheetResponses());
        registry.bind("rowWriteReconciler", new RowWriteReconciler());
        registry.bind("chunks", new Chunks());
        registry.bind("bulkWriteAggregation", new BulkWriteAggregation());
        registry.bind("deletedRowIds", new DeletedRowIds());
        registry.bind("pagedReads", new PagedReads());
        registry.bind("smartsheetRequestWeights", new RequestWeights());
        registry.bind("smartsheetRedeliveryPolicy",
                UpstreamRetries.policy(maxRetries, retryInitialDelayMillis, retryMaxDelayMillis));
        registry.bind("smartsheetCircuitBreaker", UpstreamBreakers.breaker("smartsheet",
                SmartsheetUnavailableException.class, circuitFailureRate, circuitWindow, circuitMinimumCalls,
                circuitOpenSeconds, circuitHalfOpenCalls));
        // the token travels only inside the HTTP client (see CredentialHeader)
        CredentialHeader credentials = new CredentialHeader();
        credentials.setName("Authorization");
        credentials.setValue("Bearer " + apiKey);
        registry.bind("smartsheetHttpClient",
                CompositeHttpConfigurer.combineConfigurers(credentials, new NoAutomaticRetries()));
        // The routes name the HTTP method as text (CamelHttpMethod: GET); without a converter of its
        // own, Camel searches every converter for it on each request before its enum fallback.
        camel.getTypeConverterRegistry().addTypeConverter(HttpMethods.class, String.class,
                new SimpleTypeConverter(false, (type, exchange, value) -> HttpMethods.valueOf((String) value)));
    }
}
