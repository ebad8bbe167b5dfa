/**
 * The upstream quotas as Bucket4j token buckets: Smartsheet's requests per token and Azure OpenAI's
 * requests and tokens per deployment. In this process with the default HSQLDB job store; shared by
 * every instance through the job store's table {@code quota_buckets} when it is PostgreSQL.
 * Interactive calls go first and wait a bounded time; batch calls wait their turn.
 */
package dev.smartsheetmcp.quota;
