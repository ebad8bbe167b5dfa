/**
 * HTTP client settings shared by the Smartsheet and Azure OpenAI clients: the credential header
 * kept inside the client, no retries below Camel's own, and which calls are interactive ({@link CallKind}).
 */
package dev.smartsheetmcp.upstream;
