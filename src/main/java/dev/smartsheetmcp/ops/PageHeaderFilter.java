package dev.smartsheetmcp.ops;

import org.apache.camel.http.common.HttpHeaderFilterStrategy;

/**
 * Camel's HTTP header filter, except that a route's {@code Cache-Control} reaches the response
 * (the default drops it): the jobs page and its data must never be cached.
 */
public final class PageHeaderFilter extends HttpHeaderFilterStrategy {

    public PageHeaderFilter() {
        getOutFilter().remove("cache-control");
    }
}
