package dev.smartsheetmcp.upstream;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * Adds an upstream's credential header to every request of one HTTP endpoint, inside the
 * HTTP client. The secret never becomes an exchange header, so no route, log or error
 * handler can print it.
 */
public final class CredentialHeader implements HttpClientConfigurer {

    private String name;
    private String value;

    public void setName(String name) {
        this.name = name;
    }

    public void setValue(String value) {
        this.value = value;
    }

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.addRequestInterceptorFirst((request, entity, context) -> request.setHeader(name, value));
    }

    @Override
    public String toString() {
        return "CredentialHeader[" + name + "]";
    }
}
