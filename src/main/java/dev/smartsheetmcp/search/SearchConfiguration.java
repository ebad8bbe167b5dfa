package dev.smartsheetmcp.search;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;

/** The search tool's beans, by the names {@code routes/tools-search-everything.yaml} uses. */
public final class SearchConfiguration implements CamelConfiguration {

    @PropertyInject("tools.max-answer-chars")
    private int maxAnswerChars;
    @PropertyInject("tools.search-everything.text-chars")
    private int textChars;

    @Override
    public void configure(CamelContext camel) {
        camel.getRegistry().bind("searchRequests", new SearchRequests());
        SearchViews views = new SearchViews();
        views.setDefaultMaxChars(maxAnswerChars);
        views.setTextChars(textChars);
        camel.getRegistry().bind("searchViews", views);
    }
}
