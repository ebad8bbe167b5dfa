package dev.smartsheetmcp.analysis.azure;

import dev.smartsheetmcp.toolkit.ToolException;
import org.apache.camel.Exchange;

/**
 * Which deployments answer chat completions: the primary ({@code AZURE_OPENAI_DEPLOYMENT}) and an
 * optional fallback on the same endpoint and key ({@code AZURE_OPENAI_FALLBACK_DEPLOYMENT}); or,
 * when {@code azure.deployments} lists some, the pooled deployments ({@link AzureDeploymentPool}),
 * each with its own endpoint and key.
 */
public final class AzureDeployments {

    /** Exchange property: the deployment the current attempt goes to (its pool id when pooled). */
    public static final String CURRENT = "AzureDeployment";
    /** Exchange property: the deployment's name at Azure, in the request path. */
    public static final String NAME = "AzureDeploymentName";
    /** Exchange property: the endpoint the request goes to. */
    public static final String ENDPOINT = "AzureEndpoint";
    /** Exchange property: the HTTP client bean that carries the endpoint's key. */
    public static final String HTTP_CLIENT = "AzureHttpClient";
    /** Bean name of the single endpoint's HTTP client; a pooled deployment's adds {@code -<id>}. */
    public static final String HTTP_CLIENT_BEAN = "azureHttpClient";
    private static final String POOL_PREFIX = "pool-";

    static final String NOT_CONFIGURED = "Azure OpenAI is not configured: set AZURE_OPENAI_API_BASE,"
            + " AZURE_OPENAI_API_KEY and AZURE_OPENAI_DEPLOYMENT";
    static final String BATCH_NOT_CONFIGURED = "The Batch API has no endpoint: set AZURE_OPENAI_BATCH_POOL_ENTRY"
            + " (azure.batch.pool-entry) to an id of azure.deployments,"
            + " or AZURE_OPENAI_API_BASE and AZURE_OPENAI_API_KEY";

    private String apiBase = "";
    private String primary = "";
    private String fallback = "";
    private String batchEntry = "";
    private AzureDeploymentPool pool;

    public void setApiBase(String apiBase) { this.apiBase = trimmed(apiBase); }

    public void setPrimary(String primary) { this.primary = trimmed(primary); }

    public void setFallback(String fallback) { this.fallback = trimmed(fallback); }

    public void setPool(AzureDeploymentPool pool) { this.pool = pool; }

    /** {@code azure.batch.pool-entry}: the pooled deployment whose endpoint and key the Batch API uses; empty = none. */
    public void setBatchEntry(String batchEntry) { this.batchEntry = trimmed(batchEntry); }

    /** Fails the call with a message naming the settings when no Azure endpoint is configured. */
    public void requireConfigured() {
        if (pooled()) return;
        if (apiBase.isEmpty() || primary.isEmpty()) throw new ToolException(NOT_CONFIGURED);
    }

    /** Calls go to the pooled deployments of {@code azure.deployments}, not the primary and fallback. */
    public boolean pooled() {
        return pool != null && pool.pooled();
    }

    public String primary() { return primary; }

    public String fallback() { return fallback; }

    /**
     * Points the attempt at a deployment: {@code primary}, {@code fallback} or {@code pool-<id>}
     * (exchange properties {@value #CURRENT}, {@value #NAME}, {@value #ENDPOINT}, {@value #HTTP_CLIENT}).
     */
    public void use(Exchange exchange, String target) {
        if (target.startsWith(POOL_PREFIX)) {
            PooledDeployments.Member member = pool.member(target.substring(POOL_PREFIX.length()));
            set(exchange, member.id(), member.deployment(), member.endpoint(), HTTP_CLIENT_BEAN + "-" + member.id());
        } else {
            String deployment = target.equals("fallback") ? fallback : primary;
            set(exchange, deployment, deployment, apiBase, HTTP_CLIENT_BEAN);
        }
    }

    /**
     * Points a Files or Batches API call at the endpoint and key of {@code azure.batch.pool-entry},
     * else of the single deployment (exchange properties {@value #ENDPOINT}, {@value #HTTP_CLIENT}).
     */
    public void useBatch(Exchange exchange) {
        if (!batchEntry.isEmpty()) {
            PooledDeployments.Member member = pool.member(batchEntry);
            exchange.setProperty(ENDPOINT, member.endpoint());
            exchange.setProperty(HTTP_CLIENT, HTTP_CLIENT_BEAN + "-" + member.id());
        } else if (apiBase.isEmpty()) {
            throw new ToolException(BATCH_NOT_CONFIGURED);
        } else {
            exchange.setProperty(ENDPOINT, apiBase);
            exchange.setProperty(HTTP_CLIENT, HTTP_CLIENT_BEAN);
        }
    }

    private static void set(Exchange exchange, String deployment, String name, String endpoint, String httpClient) {
        exchange.setProperty(CURRENT, deployment);
        exchange.setProperty(NAME, name);
        exchange.setProperty(ENDPOINT, endpoint);
        exchange.setProperty(HTTP_CLIENT, httpClient);
    }

    /** A fallback deployment is configured, and it is not the primary under another spelling. */
    public boolean hasFallback() {
        return !fallback.isEmpty() && !fallback.equals(primary);
    }

    /** The call on {@code deployment} may stop retrying there: the fallback or another pooled deployment takes it. */
    boolean canFallBackFrom(Exchange exchange, String deployment) {
        if (pooled()) return pool.canHandOver(exchange);
        return hasFallback() && primary.equals(deployment);
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
