package dev.smartsheetmcp.analysis;

import dev.smartsheetmcp.jobs.RowOutcome;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/** Gathers the outcomes of a batch's rows, analysed in parallel, into one list. */
public final class RowOutcomes implements AggregationStrategy {

    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange oldExchange, Exchange row) {
        List<RowOutcome> outcomes = oldExchange == null ? new ArrayList<>() : oldExchange.getMessage().getBody(List.class);
        outcomes.add(row.getMessage().getBody(RowOutcome.class));
        Exchange aggregate = oldExchange == null ? row : oldExchange;
        aggregate.getMessage().setBody(outcomes);
        return aggregate;
    }
}
