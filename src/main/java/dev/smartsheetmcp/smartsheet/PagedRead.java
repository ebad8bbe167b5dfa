package dev.smartsheetmcp.smartsheet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A read of one sheet page by page through {@code direct:smartsheet-read-pages}, which takes it
 * from exchange variable {@value #VARIABLE}: search, formula scans, conditional bulk updates and
 * row-id listing each keep what they need from every page.
 */
public interface PagedRead {

    String VARIABLE = "pagedRead";

    boolean morePages();

    /** The query of the next Get Sheet request, paging included. */
    String nextPageQuery();

    /** One page as Get Sheet answered it. */
    void takePage(JsonNode sheet);
}
