package dev.smartsheetmcp.analysis.azure;

import dev.smartsheetmcp.toolkit.ToolException;

/**
 * A chat completion that failed. The message names the deployment, the HTTP status and Azure's
 * error code, with Azure's own text; it never holds the key, which lives only in the HTTP client.
 */
public abstract class AzureOpenAiException extends ToolException {

    private final int status;
    private final String errorCode;
    private final String deployment;

    protected AzureOpenAiException(int status, String errorCode, String deployment, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
        this.deployment = deployment;
    }

    /** Azure's HTTP status; 0 when there was no answer. */
    public int status() { return status; }

    /** Azure's {@code error.code}, such as {@code DeploymentNotFound}; {@code null} when it sent none. */
    public String errorCode() { return errorCode; }

    public String deployment() { return deployment; }

    /** "Azure OpenAI error CODE (HTTP status, deployment 'name'): text", like Smartsheet's errors. */
    protected static String describe(int status, String errorCode, String deployment, String text) {
        StringBuilder message = new StringBuilder("Azure OpenAI error");
        if (errorCode != null && !errorCode.isBlank()) message.append(' ').append(errorCode);
        message.append(" (");
        if (status > 0) message.append("HTTP ").append(status).append(", ");
        return message.append("deployment '").append(deployment).append("'): ").append(text).toString();
    }
}
