/**
 * HTTP client settings shared by the Smartsheet and Azure OpenAI clients: the credential header
 * kept inside the client, and no retries below Camel's own.
 */
package dev.smartsheetmcp.upstream;
