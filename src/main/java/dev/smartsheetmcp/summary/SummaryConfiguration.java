package dev.smartsheetmcp.summary;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** The sheet summary tools' beans, by the names {@code routes/tools-summary.yaml} uses. */
public final class SummaryConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext camel) {
        camel.getRegistry().bind("summaryRequests", new SummaryRequests());
        camel.getRegistry().bind("summaryViews", new SummaryViews());
    }
}
