package dev.smartsheetmcp.smartsheet;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/** Folds the chunks of a bulk row write into one {@link BulkWriteResults}. */
public final class BulkWriteAggregation implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange chunk) {
        Exchange aggregate = oldExchange == null ? chunk : oldExchange;
        BulkWriteResults results = oldExchange == null ? new BulkWriteResults()
                : oldExchange.getMessage().getBody(BulkWriteResults.class);
        results.add(chunk);
        aggregate.getMessage().setBody(results);
        return aggregate;
    }
}
