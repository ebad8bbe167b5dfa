package dev.smartsheetmcp.toolkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/**
 * The application's one Jackson {@link ObjectMapper}, shared by every bean and, as bean
 * {@value #BEAN}, by camel-jackson in the routes ({@code marshal: json}). Thread-safe once built;
 * nobody reconfigures it.
 */
public final class Json implements CamelConfiguration {

    public static final String BEAN = "jsonMapper";
    public static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void configure(CamelContext camel) {
        camel.getRegistry().bind(BEAN, MAPPER);
    }
}
