package dev.smartsheetmcp.upstream;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * Turns off Apache HttpClient's own re-sending (it repeats a 429 or 503 once after Retry-After),
 * so every attempt passes the route's retry policy, throttle and token budget, and is counted.
 */
public final class NoAutomaticRetries implements HttpClientConfigurer {

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.disableAutomaticRetries();
    }
}
