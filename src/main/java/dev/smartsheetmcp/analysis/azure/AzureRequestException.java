package dev.smartsheetmcp.analysis.azure;

/**
 * Azure refused the request itself: bad request, wrong key (401/403), unknown deployment
 * (404 DeploymentNotFound). Retrying cannot help, so it is not retried and never falls back.
 */
public class AzureRequestException extends AzureOpenAiException {

    public AzureRequestException(int status, String errorCode, String deployment, String text) {
        super(status, errorCode, deployment, describe(status, errorCode, deployment, text));
    }
}
