/**
 * The durable job queue in the job store (HSQLDB or PostgreSQL, Flyway), one home per table or
 * concern: jobs ({@link dev.smartsheetmcp.jobs.JobQueue}), their work items and batches
 * ({@link dev.smartsheetmcp.jobs.WorkItems}), leases ({@link dev.smartsheetmcp.jobs.JobLease}),
 * what was last written to each row ({@link dev.smartsheetmcp.jobs.RowResults}) and the reporting
 * queries ({@link dev.smartsheetmcp.jobs.JobReports}); the worker, status views and job metrics.
 * Java runs SQL through {@link dev.smartsheetmcp.jobs.SqlStatements}; routes run the claim and the
 * retention purge from {@code sql/*.sql}.
 */
package dev.smartsheetmcp.jobs;
