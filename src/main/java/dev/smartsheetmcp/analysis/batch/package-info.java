/**
 * Batch mode: a job's rows through the Azure OpenAI Batch API ({@code routes/analysis-batch.yaml}).
 * Request files written within the API's limits, their submission recorded, each open batch polled,
 * and the output and error files read back into the job's rows, which the online write path then
 * writes in bulk.
 */
package dev.smartsheetmcp.analysis.batch;
