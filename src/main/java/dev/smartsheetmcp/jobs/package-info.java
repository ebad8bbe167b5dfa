/**
 * The durable job queue: the job store (HSQLDB or PostgreSQL, Flyway), leases, batches and row
 * outcomes, the worker, status views and job metrics.
 */
package dev.smartsheetmcp.jobs;
