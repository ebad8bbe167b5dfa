package dev.smartsheetmcp.analysis.azure;

/**
 * Azure's content filter stopped the call: the prompt (HTTP 400 {@code content_filter}) or the
 * answer ({@code finish_reason content_filter}). The same text would be filtered again, so it is
 * not retried, does not count against the circuit and never falls back.
 */
public class AzureContentFilterException extends AzureOpenAiException {

    private final boolean promptFiltered;

    public AzureContentFilterException(int status, String deployment, boolean promptFiltered, String text) {
        super(status, "content_filter", deployment, describe(status, "content_filter", deployment, text));
        this.promptFiltered = promptFiltered;
    }

    /** True when the prompt was filtered, false when the answer was. */
    public boolean promptFiltered() { return promptFiltered; }
}
