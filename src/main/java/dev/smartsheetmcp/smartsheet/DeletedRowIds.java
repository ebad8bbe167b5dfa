package dev.smartsheetmcp.smartsheet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/** Folds the answers of chunked row deletions into the list of deleted row ids. */
public final class DeletedRowIds implements AggregationStrategy {

    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange oldExchange, Exchange chunk) {
        if (chunk.getException() != null) {
            return chunk;
        }
        List<Long> deleted = oldExchange == null ? new ArrayList<>() : oldExchange.getMessage().getBody(List.class);
        chunk.getMessage().getBody(JsonNode.class).path("result").forEach(id -> deleted.add(id.asLong()));
        Exchange aggregate = oldExchange == null ? chunk : oldExchange;
        aggregate.getMessage().setBody(deleted);
        return aggregate;
    }
}
