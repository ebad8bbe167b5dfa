package dev.smartsheetmcp.analysis.azure;

/**
 * The deployment's circuit breaker is open after repeated outages, so the call failed fast without
 * a request. The fallback deployment may take the call.
 */
public class AzureCircuitOpenException extends AzureUnavailableException {

    public AzureCircuitOpenException(String deployment, String breaker) {
        super(0, null, deployment, "temporarily unavailable: circuit breaker '" + breaker
                + "' is open after repeated failures; try again shortly");
    }
}
