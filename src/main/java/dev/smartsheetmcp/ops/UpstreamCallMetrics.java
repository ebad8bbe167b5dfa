package dev.smartsheetmcp.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;

/**
 * Times every HTTP request to an upstream API as {@code upstream.calls} by api, operation and
 * status (the HTTP status, or {@code no_answer}), and counts 429 answers
 * ({@code upstream.rate.limited}) and requests that repeat an earlier attempt
 * ({@code upstream.retries}) by api. The client routes name the api and operation in the exchange
 * properties {@value #API} and {@value #OPERATION}; no URL, id or query becomes a tag.
 */
public final class UpstreamCallMetrics extends ExchangeSentNotifier {

    public static final String API = "UpstreamApi";
    public static final String OPERATION = "UpstreamOperation";

    private final MeterRegistry registry;

    public UpstreamCallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void sent(ExchangeSentEvent event) {
        Exchange exchange = event.getExchange();
        String api = exchange.getProperty(API, String.class);
        if (api == null || !(event.getEndpoint() instanceof HttpEndpoint)) return;
        String status = exchange.getException() != null ? "no_answer"
                : exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, "no_answer", String.class);
        Timer.builder("upstream.calls")
                .description("HTTP requests to upstream APIs by api, operation and status")
                .tag("api", api)
                .tag("operation", exchange.getProperty(OPERATION, "other", String.class))
                .tag("status", status)
                .register(registry)
                .record(event.getTimeTaken(), TimeUnit.MILLISECONDS);
        if ("429".equals(status)) {
            Counter.builder("upstream.rate.limited").description("429 answers from upstream APIs")
                    .tag("api", api).register(registry).increment();
        }
        if (exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class) > 0) {
            Counter.builder("upstream.retries").description("Upstream requests that repeat an earlier attempt")
                    .tag("api", api).register(registry).increment();
        }
    }
}
