/**
 * Batch analysis: the requests that start a job, each row's prompt and answer, the answer cache,
 * incremental selection and waiting for a job. Prompts, token counting and chunking in {@code
 * analysis.prompts}; the Azure OpenAI client's beans in {@code analysis.azure}.
 */
package dev.smartsheetmcp.analysis;
