package dev.smartsheetmcp.smartsheet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.toolkit.CallCancellation;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;

/** The steps of {@code direct:smartsheet-read-pages}, on the {@link PagedRead} in its variable. */
public final class PagedReads {

    /** Also where a read for a tool call the client cancelled stops paging. */
    public boolean morePages(@Variable(PagedRead.VARIABLE) PagedRead read, Exchange exchange) {
        CallCancellation.throwIfCancelled(exchange);
        return read.morePages();
    }

    public String nextPageQuery(@Variable(PagedRead.VARIABLE) PagedRead read) {
        return read.nextPageQuery();
    }

    public void takePage(@Variable(PagedRead.VARIABLE) PagedRead read, @Body JsonNode sheet) {
        read.takePage(sheet);
    }
}
