package dev.smartsheetmcp.prompts;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** The prompts' bean, by the name {@code routes/prompts.yaml} uses. */
public final class PromptsConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext camel) {
        camel.getRegistry().bind("promptTexts", new PromptTexts());
    }
}
