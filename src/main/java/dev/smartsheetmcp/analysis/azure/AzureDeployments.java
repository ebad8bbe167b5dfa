package dev.smartsheetmcp.analysis.azure;

import dev.smartsheetmcp.toolkit.ToolException;

/**
 * Which deployments answer chat completions: the primary ({@code AZURE_OPENAI_DEPLOYMENT}) and an
 * optional fallback on the same endpoint and key ({@code AZURE_OPENAI_FALLBACK_DEPLOYMENT}).
 */
public final class AzureDeployments {

    /** Exchange property: the deployment the current attempt goes to. */
    public static final String CURRENT = "AzureDeployment";

    static final String NOT_CONFIGURED = "Azure OpenAI is not configured: set AZURE_OPENAI_API_BASE,"
            + " AZURE_OPENAI_API_KEY and AZURE_OPENAI_DEPLOYMENT";

    private String apiBase = "";
    private String primary = "";
    private String fallback = "";

    public void setApiBase(String apiBase) { this.apiBase = trimmed(apiBase); }

    public void setPrimary(String primary) { this.primary = trimmed(primary); }

    public void setFallback(String fallback) { this.fallback = trimmed(fallback); }

    /** Fails the call with a message naming the settings when no Azure endpoint is configured. */
    public void requireConfigured() {
        if (apiBase.isEmpty() || primary.isEmpty()) throw new ToolException(NOT_CONFIGURED);
    }

    public String primary() { return primary; }

    public String fallback() { return fallback; }

    /** A fallback deployment is configured, and it is not the primary under another spelling. */
    public boolean hasFallback() {
        return !fallback.isEmpty() && !fallback.equals(primary);
    }

    /** The fallback may take over a call that was made to {@code deployment}. */
    boolean canFallBackFrom(String deployment) {
        return hasFallback() && primary.equals(deployment);
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
