package dev.smartsheetmcp.completions;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;

/** The completions' bean, by the name {@code routes/completions.yaml} uses. */
public final class CompletionsConfiguration implements CamelConfiguration {

    @PropertyInject("completions.cache-seconds")
    private long cacheSeconds;
    @PropertyInject("completions.max-values")
    private int maxValues;
    @PropertyInject("completions.page-size")
    private int pageSize;

    @Override
    public void configure(CamelContext camel) {
        camel.getRegistry().bind("completions", new Completions(cacheSeconds, maxValues, pageSize, System::nanoTime));
    }
}
